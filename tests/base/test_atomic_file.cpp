// write_file_atomically replaces a file whole, never through a link, and says which step failed.
#include "base/atomic_file.hpp"

#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

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
    auto r = write_file_atomically(path, "attack", Durability::power_cut);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "Too many levels of symbolic links"); // ELOOP of O_NOFOLLOW
    CHECK(read_text(t.path("victim")) == "keep me");
    CHECK_FALSE(fs::exists(path));
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
