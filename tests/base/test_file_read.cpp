// Tests for file_read: regular files only, never blocking, within a size limit; real FIFOs.
#include "base/file_read.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("file read: a regular file, and a link to one, are read whole") {
    TempDir t("read");
    t.write("a.toml", "title = 'a'\n");
    REQUIRE(symlink("a.toml", t.path("link.toml").c_str()) == 0);
    for (const char* name : {"a.toml", "link.toml"}) {
        const FileBytes f = read_regular_file(t.path(name), max_toml_bytes);
        CHECK(f.ok());
        CHECK(f.bytes == "title = 'a'\n");
        CHECK(f.reason.empty());
    }
}

TEST_CASE("file read: with Links::refuse a link is refused, even to a regular file") {
    TempDir t("read");
    t.write("a.toml", "title = 'a'\n");
    REQUIRE(symlink("a.toml", t.path("link.toml").c_str()) == 0);
    CHECK(open_regular_file(t.path("a.toml"), max_toml_bytes, Links::refuse).ok());
    const OpenedFile f = open_regular_file(t.path("link.toml"), max_toml_bytes, Links::refuse);
    CHECK(f.problem == FileProblem::not_regular);
    CHECK(f.reason == "is a symbolic link, not a regular file");
    CHECK_FALSE(f.fd.valid());
    CHECK(open_regular_file(t.path("link.toml"), max_toml_bytes).ok()); // the player's default
}

TEST_CASE("file read: everything else is refused with a reason, at once") {
    TempDir t("read");
    REQUIRE(mkfifo(t.path("fifo").c_str(), 0600) == 0); // no writer: open() would block
    REQUIRE(symlink("/dev/zero", t.path("zero").c_str()) == 0);
    REQUIRE(symlink("loop-b", t.path("loop-a").c_str()) == 0);
    REQUIRE(symlink("loop-a", t.path("loop-b").c_str()) == 0);
    fs::create_directory(t.path("folder"));
    t.write("big", "");
    fs::resize_file(t.path("big"), max_toml_bytes + 1); // sparse: no disk used

    struct Case {
        const char* name;
        FileProblem problem;
        const char* reason;
    };
    const Case cases[] = {
        {"fifo", FileProblem::not_regular, "is a FIFO (named pipe), not a regular file"},
        {"zero", FileProblem::not_regular, "is a device, not a regular file"},
        {"loop-a", FileProblem::link_loop, "is a symbolic link loop"},
        {"folder", FileProblem::folder, "is a folder, not a file"},
        {"missing", FileProblem::missing, "does not exist"},
        {"big", FileProblem::too_large, "is 1048577 bytes, more than the 1 MiB allowed"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const FileBytes f = read_regular_file(t.path(c.name), max_toml_bytes);
        CHECK_FALSE(f.ok());
        CHECK(f.problem == c.problem);
        CHECK(f.reason == c.reason);
        CHECK(f.bytes.empty());
        const OpenedFile o = open_regular_file(t.path(c.name), max_toml_bytes);
        CHECK(o.problem == c.problem);
        CHECK_FALSE(o.fd.valid());
    }
}

TEST_CASE("file read: a file at the limit is read, one byte more is not") {
    TempDir t("read");
    t.write("exact", std::string(1000, 'x'));
    CHECK(read_regular_file(t.path("exact"), 1000).ok());
    const FileBytes over = read_regular_file(t.path("exact"), 999);
    CHECK(over.problem == FileProblem::too_large);
    CHECK(over.reason == "is 1000 bytes, more than the 999 bytes allowed");
}

TEST_CASE("file read: an unreadable file says why") {
    if (geteuid() == 0) return; // root reads any file: nothing to test here
    TempDir t("read");
    t.write("secret", "x");
    fs::permissions(t.path("secret"), fs::perms::none);
    const FileBytes f = read_regular_file(t.path("secret"), max_toml_bytes);
    CHECK(f.problem == FileProblem::unreadable);
    CHECK(f.reason == "cannot be read: Permission denied");
}

TEST_CASE("file read: sizes for messages") {
    CHECK(format_bytes(0) == "0 bytes");
    CHECK(format_bytes(1023) == "1023 bytes");
    CHECK(format_bytes(1536) == "1.5 KiB");
    CHECK(format_bytes(std::uint64_t{50} << 20) == "50 MiB");
    CHECK(format_bytes((std::uint64_t{2} << 30) + 1) == "2048 MiB");
}
