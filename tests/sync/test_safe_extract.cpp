// Tests of the safe extractor against hostile archives built with libarchive, and a full disk.
#include "sync/safe_extract.hpp"

#include "archive_test_support.hpp"
#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace affiche;
using affiche::testing::dir_entry;
using affiche::testing::file_entry;
using affiche::testing::special_entry;
using affiche::testing::TempDir;
using affiche::testing::TestCompression;
using affiche::testing::TestEntry;
using affiche::testing::write_test_archive;
namespace fs = std::filesystem;

namespace {

// Extracts entries (written as an archive) into a fresh folder; the error message, or "" on
// success. The folder is left for inspection in tmp.path("out").
std::string extract(const TempDir& tmp, const std::vector<TestEntry>& entries,
                    const ExtractLimits& limits = {},
                    TestCompression compression = TestCompression::zstd) {
    write_test_archive(tmp.path("a.tar"), entries, compression);
    fs::remove_all(tmp.path("out"));
    fs::create_directories(tmp.path("out"));
    auto r = extract_archive(tmp.path("a.tar"), tmp.path("out"), limits);
    return r.ok() ? "" : r.error().message;
}

bool out_is_empty(const TempDir& tmp) {
    return fs::is_empty(tmp.path("out"));
}

} // namespace

TEST_CASE("an ordinary archive extracts with normalised modes") {
    TempDir tmp("extract");
    const std::vector<TestEntry> entries = {dir_entry("./slides/"),
                                            file_entry("./slides/deck.toml", "[deck]\n"),
                                            file_entry("images/photos/x.png", "png")};
    for (auto c : {TestCompression::zstd, TestCompression::gzip, TestCompression::none}) {
        CHECK(extract(tmp, entries, {}, c) == "");
        CHECK(testing::read_text(tmp.path("out/slides/deck.toml")) == "[deck]\n");
        CHECK(testing::read_text(tmp.path("out/images/photos/x.png")) == "png");
        CHECK((fs::status(tmp.path("out/images/photos/x.png")).permissions() & fs::perms::all) ==
              (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
               fs::perms::others_read));
        CHECK((fs::status(tmp.path("out/images/photos")).permissions() & fs::perms::all) ==
              (fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
               fs::perms::others_read | fs::perms::others_exec));
    }
}

TEST_CASE("entries that are not regular files or folders are refused before anything is written") {
    TempDir tmp("extract");
    const TestEntry ok = file_entry("slides/deck.toml", "x");
    CHECK(extract(tmp, {ok, special_entry("images/evil", AE_IFLNK, "/etc/passwd")}) ==
          "entry 'images/evil' is a symbolic link");
    CHECK(out_is_empty(tmp));
    CHECK(extract(tmp, {ok, special_entry("images/hard", AE_IFREG, "slides/deck.toml", true)}) ==
          "entry 'images/hard' is a hard link");
    CHECK(out_is_empty(tmp));
    CHECK(extract(tmp, {ok, special_entry("images/null", AE_IFCHR)}) ==
          "entry 'images/null' is a device node");
    CHECK(extract(tmp, {ok, special_entry("images/fifo", AE_IFIFO)}) ==
          "entry 'images/fifo' is a FIFO (named pipe)");
    CHECK(out_is_empty(tmp));
}

TEST_CASE("paths that leave the destination are refused") {
    TempDir tmp("extract");
    CHECK(extract(tmp, {file_entry("../escaped", "x")}) == "entry '../escaped' goes through '..'");
    CHECK(extract(tmp, {file_entry("slides/../../escaped", "x")}) ==
          "entry 'slides/../../escaped' goes through '..'");
    CHECK(extract(tmp, {file_entry("/tmp/escaped", "x")}) ==
          "entry '/tmp/escaped' has an absolute path");
    CHECK_FALSE(fs::exists(tmp.path("escaped")));
    CHECK(out_is_empty(tmp));
}

TEST_CASE("a file given twice is refused, not overwritten") {
    TempDir tmp("extract");
    CHECK(extract(tmp, {file_entry("a.txt", "one"), file_entry("a.txt", "two")}) ==
          "cannot create 'a.txt': it appears twice");
    CHECK(testing::read_text(tmp.path("out/a.txt")) == "one");
}

TEST_CASE("100,000 entries stop at the entry limit without writing") {
    TempDir tmp("extract");
    std::vector<TestEntry> many;
    many.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        many.push_back(file_entry("images/f" + std::to_string(i)));
    CHECK(extract(tmp, many) == "more than 10000 entries"); // the default, shared with publish
    CHECK(out_is_empty(tmp));
}

TEST_CASE("a decompression bomb stops at the total size limit") {
    TempDir tmp("extract");
    ExtractLimits limits;
    limits.max_total_bytes = 8 << 20;
    limits.max_file_bytes = 4 << 20;
    std::vector<TestEntry> bomb;
    for (int i = 0; i < 64; ++i) // 256 MiB of zeros, a few KiB compressed
        bomb.push_back(file_entry("images/z" + std::to_string(i), "", 4 << 20));
    CHECK(extract(tmp, bomb, limits) == "unpacks to more than the 8388608-byte limit");
    CHECK(fs::file_size(tmp.path("a.tar")) < 1 << 20);
    CHECK(out_is_empty(tmp));
    CHECK(extract(tmp, {file_entry("images/big", "", (4 << 20) + 1)}, limits) ==
          "entry 'images/big' is larger than the 4194304-byte file limit");
}

TEST_CASE("a truncated archive is refused before anything is written") {
    TempDir tmp("extract");
    std::string noise(300000, '\0');
    for (std::size_t i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<char>((i * 2654435761u) >> 13); // does not compress away
    write_test_archive(tmp.path("a.tar"), {file_entry("a", noise), file_entry("b", noise)});
    fs::resize_file(tmp.path("a.tar"), fs::file_size(tmp.path("a.tar")) / 2);
    fs::create_directories(tmp.path("out"));
    auto r = extract_archive(tmp.path("a.tar"), tmp.path("out"), {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.starts_with("the archive is truncated or damaged"));
    CHECK(out_is_empty(tmp));
    tmp.write("junk.tar", "this is not an archive at all");
    CHECK_FALSE(extract_archive(tmp.path("junk.tar"), tmp.path("out"), {}).ok());
}

TEST_CASE("the destination must be an empty folder, not a link") {
    TempDir tmp("extract");
    write_test_archive(tmp.path("a.tar"), {file_entry("a", "x")});
    fs::create_directories(tmp.path("real"));
    fs::create_directory_symlink(tmp.path("real"), tmp.path("link"));
    CHECK_FALSE(extract_archive(tmp.path("a.tar"), tmp.path("link"), {}).ok());
    tmp.write("full/old", "x");
    CHECK_FALSE(extract_archive(tmp.path("a.tar"), tmp.path("full"), {}).ok());
    CHECK(fs::is_empty(tmp.path("real")));
}

TEST_CASE("a full disk (a file size limit, RLIMIT_FSIZE, in a forked child) is a clean error") {
    TempDir tmp("extract");
    write_test_archive(tmp.path("a.tar"), {file_entry("images/big", "", 1 << 20)});
    fs::create_directories(tmp.path("out"));
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGXFSZ, SIG_IGN); // write() then fails with EFBIG instead of killing us
        const rlimit limit{64 * 1024, 64 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        auto r = extract_archive(tmp.path("a.tar"), tmp.path("out"), {});
        _exit(!r.ok() && r.error().message ==
                             "cannot write 'images/big': a file is larger than this system allows "
                             "(file size limit)"
                  ? 0
                  : 1);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("a file where a later entry needs a folder is refused, nothing is written through it") {
    TempDir tmp("extract");
    CHECK(extract(tmp, {file_entry("images", "a file"), file_entry("images/x.png", "png")}) ==
          "cannot open folder 'images': it is a link or a file");
    CHECK(testing::read_text(tmp.path("out/images")) == "a file");
}

TEST_CASE("a sparse entry is installed with its full size, holes as zeros") {
    TempDir tmp("extract");
    if (!testing::have_program("tar")) return;
    // GNU tar's sparse format: 4 bytes of data at 1 MiB, then a trailing hole to 3 MiB.
    fs::create_directories(tmp.path("src/images"));
    REQUIRE(testing::run_shell("printf DATA | dd of=" + tmp.path("src/images/s.bin") +
                               " bs=1 seek=1048576 conv=notrunc status=none && truncate -s 3M " +
                               tmp.path("src/images/s.bin") + " && tar --sparse --format=gnu -C " +
                               tmp.path("src") + " -cf " + tmp.path("s.tar") + " images")
                .code == 0);
    fs::create_directories(tmp.path("out"));
    auto r = extract_archive(tmp.path("s.tar"), tmp.path("out"), {});
    REQUIRE_MESSAGE(r.ok(), r.error().message);
    CHECK(fs::file_size(tmp.path("out/images/s.bin")) == 3u << 20);
    const std::string bytes = testing::read_text(tmp.path("out/images/s.bin"));
    CHECK(bytes.substr(1048576, 4) == "DATA");
    CHECK(bytes.find_first_not_of('\0') == 1048576);
    CHECK(r->bytes == 3u << 20);
    // The trailing hole counts against the limits like written bytes.
    fs::remove_all(tmp.path("out"));
    fs::create_directories(tmp.path("out"));
    ExtractLimits small;
    small.max_total_bytes = 2u << 20;
    CHECK_FALSE(extract_archive(tmp.path("s.tar"), tmp.path("out"), small).ok());
}
