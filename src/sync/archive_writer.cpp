// Deterministic deck archives through libarchive: sorted, normalised, byte-equal for equal decks.
#include "sync/archive_writer.hpp"

#include "base/file_read.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace affiche {

namespace {

struct ArchiveDeleter {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};
using WriteArchive = std::unique_ptr<archive, ArchiveDeleter>;
using Entry = std::unique_ptr<archive_entry, EntryDeleter>;

// A header with everything that varies between machines set to fixed values.
Entry make_entry(const std::string& name, bool folder, std::uint64_t size) {
    Entry e(archive_entry_new());
    archive_entry_set_pathname(e.get(), name.c_str());
    archive_entry_set_filetype(e.get(), folder ? AE_IFDIR : AE_IFREG);
    archive_entry_set_perm(e.get(), folder ? 0755 : 0644);
    archive_entry_set_size(e.get(), folder ? 0 : static_cast<la_int64_t>(size));
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    archive_entry_set_mtime(e.get(), 0, 0);
    return e;
}

Result<std::uint64_t> add_file(archive* a, const std::string& dir, const std::string& name,
                               std::uint64_t max_bytes, const std::string& out_path) {
    const std::string path = dir + "/" + name;
    OpenedFile file = open_regular_file(path, max_bytes);
    if (!file.ok()) return failure({path}, "cannot pack: " + file.reason);
    Entry e = make_entry(name, false, file.size);
    if (archive_write_header(a, e.get()) != ARCHIVE_OK)
        return failure({out_path}, std::string("cannot write: ") + archive_error_string(a));
    std::uint64_t done = 0;
    char block[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(file.fd.get(), block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return failure({path}, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;
        done += static_cast<std::uint64_t>(n);
        if (done > file.size) break;
        if (archive_write_data(a, block, static_cast<std::size_t>(n)) != n)
            return failure({out_path}, std::string("cannot write: ") + archive_error_string(a));
    }
    if (done != file.size)
        return failure({path}, "changed while it was being packed", "publish again");
    return done;
}

Result<WriteArchive> open_archive(int fd, const ArchiveCompression& compression,
                                  const std::string& out_path) {
    WriteArchive a(archive_write_new());
    // pax only where a name needs it (long or non-ASCII); otherwise plain ustar headers.
    bool ok = archive_write_set_format_pax_restricted(a.get()) == ARCHIVE_OK;
    if (compression.zstd) {
        ok = ok && archive_write_add_filter_zstd(a.get()) == ARCHIVE_OK;
    } else {
        ok = ok && archive_write_add_filter_gzip(a.get()) == ARCHIVE_OK &&
             archive_write_set_options(a.get(), "gzip:!timestamp") == ARCHIVE_OK;
    }
    ok = ok && archive_write_open_fd(a.get(), fd) == ARCHIVE_OK;
    if (!ok)
        return failure({out_path},
                       std::string("cannot start the archive: ") + archive_error_string(a.get()));
    return a;
}

} // namespace

ArchiveCompression best_compression() {
    WriteArchive probe(archive_write_new());
    // ARCHIVE_WARN means "through an external zstd program": not good enough, use gzip.
    if (archive_write_add_filter_zstd(probe.get()) == ARCHIVE_OK) return {".tar.zst", true};
    return {".tar.gz", false};
}

Result<PackReport>
write_deck_archive(const std::string& content_dir, const std::vector<std::string>& folders,
                   const std::vector<std::string>& files, const std::string& out_path,
                   const ArchiveCompression& compression, std::uint64_t max_file_bytes) {
    std::vector<std::pair<std::string, bool>> entries; // name, is folder
    for (const auto& f : folders)
        entries.emplace_back(f, true);
    for (const auto& f : files)
        entries.emplace_back(f, false);
    std::sort(entries.begin(), entries.end());
    UniqueFd fd(::open(out_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (!fd.valid())
        return failure({out_path}, std::string("cannot create: ") + std::strerror(errno));
    auto a = open_archive(fd.get(), compression, out_path);
    if (!a) return a.error();
    PackReport report;
    for (const auto& [name, folder] : entries) {
        if (folder) {
            Entry e = make_entry(name, true, 0);
            if (archive_write_header(a->get(), e.get()) != ARCHIVE_OK)
                return failure({out_path},
                               std::string("cannot write: ") + archive_error_string(a->get()));
            ++report.folders;
            continue;
        }
        auto bytes = add_file(a->get(), content_dir, name, max_file_bytes, out_path);
        if (!bytes) return bytes.error();
        ++report.files;
        report.bytes_in += *bytes;
    }
    if (archive_write_close(a->get()) != ARCHIVE_OK)
        return failure({out_path}, std::string("cannot finish: ") + archive_error_string(a->get()));
    if (::fsync(fd.get()) != 0)
        return failure({out_path}, std::string("cannot write: ") + std::strerror(errno));
    return report;
}

} // namespace affiche
