// Builds hostile and ordinary tar archives with libarchive for the extraction tests.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <sys/sysmacros.h>

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace affiche::testing {

struct TestEntry {
    std::string name;
    unsigned type = AE_IFREG;
    std::string data;
    std::string link; // symlink target, or hard link target with hardlink
    bool hardlink = false;
    std::uint64_t zeros = 0; // extra zero bytes after data (a bomb inflates these)
};

inline TestEntry file_entry(std::string name, std::string data = {}, std::uint64_t zeros = 0) {
    TestEntry e;
    e.name = std::move(name);
    e.data = std::move(data);
    e.zeros = zeros;
    return e;
}

inline TestEntry dir_entry(std::string name) {
    TestEntry e;
    e.name = std::move(name);
    e.type = AE_IFDIR;
    return e;
}

// A symlink (AE_IFLNK, link = target), a hard link (hardlink, link = target), a device, a FIFO.
inline TestEntry special_entry(std::string name, unsigned type, std::string link = {},
                               bool hardlink = false) {
    TestEntry e;
    e.name = std::move(name);
    e.type = type;
    e.link = std::move(link);
    e.hardlink = hardlink;
    return e;
}

enum class TestCompression { zstd, gzip, none };

inline void write_test_archive(const std::string& path, const std::vector<TestEntry>& entries,
                               TestCompression compression = TestCompression::zstd) {
    archive* a = archive_write_new();
    REQUIRE(archive_write_set_format_pax_restricted(a) == ARCHIVE_OK);
    if (compression == TestCompression::zstd)
        REQUIRE(archive_write_add_filter_zstd(a) == ARCHIVE_OK);
    if (compression == TestCompression::gzip)
        REQUIRE(archive_write_add_filter_gzip(a) == ARCHIVE_OK);
    REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
    const std::string zeros(1 << 20, '\0');
    bool headers_ok = true; // one assertion, not one per entry (100,000 in one test)
    for (const auto& t : entries) {
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, t.name.c_str());
        archive_entry_set_filetype(e, t.type);
        archive_entry_set_perm(e, t.type == AE_IFDIR ? 0755 : 0644);
        if (t.type == AE_IFREG && !t.hardlink)
            archive_entry_set_size(e, static_cast<la_int64_t>(t.data.size() + t.zeros));
        if (t.type == AE_IFLNK) archive_entry_set_symlink(e, t.link.c_str());
        if (t.hardlink) archive_entry_set_hardlink(e, t.link.c_str());
        if (t.type == AE_IFCHR) archive_entry_set_rdev(e, makedev(1, 3));
        headers_ok = headers_ok && archive_write_header(a, e) == ARCHIVE_OK;
        if (!t.data.empty()) archive_write_data(a, t.data.data(), t.data.size());
        for (std::uint64_t left = t.zeros; left > 0;) {
            const std::size_t n =
                left < zeros.size() ? static_cast<std::size_t>(left) : zeros.size();
            archive_write_data(a, zeros.data(), n);
            left -= n;
        }
        archive_entry_free(e);
    }
    REQUIRE(headers_ok);
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
}

} // namespace affiche::testing
