// write_file_atomically replaces a file whole, never through a link, and says which step failed.
#include "base/atomic_file.hpp"

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <sys/stat.h>

using namespace affiche;
using affiche::testing::read_text;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("atomic file: replaces the file and leaves no temporary behind") {
    TempDir t("atomic");
    const std::string path = t.path("state.toml");
    for (const Durability d : {Durability::power_cut, Durability::crash}) {
        REQUIRE(write_file_atomically(path, "one\n", d).ok());
        CHECK(read_text(path) == "one\n");
        REQUIRE(write_file_atomically(path, std::string("two\0bytes", 9), d).ok());
        CHECK(read_text(path) == std::string("two\0bytes", 9));
        CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write |
                                                 fs::perms::group_read | fs::perms::others_read));
    }
    CHECK_FALSE(fs::exists(path + ".tmp"));
    REQUIRE(write_file_atomically(path, "", Durability::power_cut).ok());
    CHECK(fs::file_size(path) == 0);
}

TEST_CASE("atomic file: a missing folder is the Diagnostic at the path, with the step") {
    TempDir t("atomic");
    const std::string path = t.path("missing/status.json");
    auto r = write_file_atomically(path, "x", Durability::crash);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().loc.path == path);
    CHECK(r.error().message == "No such file or directory");
    CHECK(r.error().hint == "creating " + path + ".tmp");
}

TEST_CASE("atomic file: a link planted at the temporary name is not followed") {
    TempDir t("atomic");
    const std::string path = t.path("state.toml");
    t.write("victim", "keep me");
    fs::create_symlink(t.path("victim"), path + ".tmp");
    REQUIRE(write_file_atomically(path, "new", Durability::power_cut).ok());
    CHECK(read_text(t.path("victim")) == "keep me");
    CHECK(read_text(path) == "new");
    CHECK_FALSE(fs::is_symlink(path));
    CHECK_FALSE(fs::exists(fs::symlink_status(path + ".tmp")));
}

TEST_CASE("atomic file: a FIFO or a stale file at the temporary name neither blocks nor is "
          "written into") {
    TempDir t("atomic");
    const std::string path = t.path("status.json");
    // No reader: a blocking open for writing would wait for ever (in a child with a deadline, so
    // that shows as a failure, not a hung suite).
    REQUIRE(::mkfifo((path + ".tmp").c_str(), 0600) == 0);
    const int code = affiche::testing::run_in_child(
        [&] { return write_file_atomically(path, "new", Durability::crash).ok() ? 0 : 1; }, 10'000);
    REQUIRE(code == 0); // -1: still blocked after 10 s (the FIFO is left, so stop here)
    CHECK(fs::is_regular_file(fs::symlink_status(path)));
    CHECK(read_text(path) == "new");
    CHECK_FALSE(fs::exists(fs::symlink_status(path + ".tmp")));
    // A file left by a killed run, with a wider mode: replaced, and a secret gets its own mode.
    t.write("status.json.tmp", "old and longer bytes");
    fs::permissions(path + ".tmp", fs::perms::all);
    REQUIRE(write_file_atomically(path, "secret", Durability::crash, 0600).ok());
    CHECK(read_text(path) == "secret");
    CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
    // A folder there is an error naming the step, never a wait.
    fs::create_directory(path + ".tmp");
    auto r = write_file_atomically(path, "x", Durability::crash);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().hint == "creating " + path + ".tmp");
    CHECK(read_text(path) == "secret");
}

TEST_CASE("atomic file: a link at the final name is replaced, its target untouched") {
    TempDir t("atomic");
    const std::string path = t.path("status.json");
    t.write("victim", "keep me");
    fs::create_symlink(t.path("victim"), path);
    REQUIRE(write_file_atomically(path, "new", Durability::crash).ok());
    CHECK_FALSE(fs::is_symlink(path));
    CHECK(read_text(path) == "new");
    CHECK(read_text(t.path("victim")) == "keep me");
}

TEST_CASE("atomic file: fsync of a tree and of a path, a link refused") {
    TempDir t("atomic");
    t.write("deck/slides/a.toml", "a");
    t.write("deck/images/b.png", "b");
    CHECK(fsync_tree(t.path("deck")).ok());
    CHECK(fsync_path(t.path("deck/slides/a.toml")).ok());
    fs::create_symlink(t.path("deck"), t.path("link"));
    auto r = fsync_path(t.path("link"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.starts_with("cannot open to sync: "));
    CHECK_FALSE(fsync_tree(t.path("none")).ok());
}
