// Tests for deck_revision: content-addressed, stable, blind to dotfiles and editor leftovers.
#include "service/revision.hpp"

#include "service_temp_dir.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {
bool is_hex16(const std::string& s) {
    return s.size() == 16 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}
} // namespace

TEST_CASE("service: deck revision follows the bytes, not the file times") {
    TempDir a("rev"), b("rev");
    for (const TempDir* t : {&a, &b}) {
        t->write("slides/deck.toml", "[deck]\n");
        t->write("slides/10-hello.toml", "title = 'Bonjour'\n");
        t->write("images/logo.png", std::string("\x89PNG\0\1\2", 7));
        t->write("fonts/a.ttf", "font");
    }
    const std::string r = deck_revision(a.dir());
    CHECK(is_hex16(r));
    CHECK(deck_revision(a.dir()) == r);
    CHECK(deck_revision(b.dir()) == r); // same content elsewhere: same revision

    SUBCASE("one byte changed") {
        a.write("slides/10-hello.toml", "title = 'BonjouR'\n");
        CHECK(deck_revision(a.dir()) != r);
    }
    SUBCASE("dotfiles, editor leftovers and other folders do not count") {
        a.write("slides/.10-hello.toml.swp", "swap");
        a.write("slides/10-hello.toml~", "backup");
        a.write("images/.DS_Store", "mac");
        a.write("images/.git/objects/x", "git");
        a.write("README.md", "top level");
        a.write("cache/x", "not read by the loader");
        CHECK(deck_revision(a.dir()) == r);
    }
    SUBCASE("a rename or a move between folders counts") {
        fs::rename(a.path("fonts/a.ttf"), a.path("fonts/b.ttf"));
        const std::string renamed = deck_revision(a.dir());
        CHECK(renamed != r);
        fs::rename(a.path("fonts/b.ttf"), a.path("images/b.ttf"));
        CHECK(deck_revision(a.dir()) != renamed);
    }
    SUBCASE("a file in a subfolder counts") {
        a.write("images/photos/p.jpg", "jpg");
        CHECK(deck_revision(a.dir()) != r);
    }
    SUBCASE("through a symlink: the target's revision") {
        TempDir links("rev");
        REQUIRE(symlink(a.dir().c_str(), links.path("current").c_str()) == 0);
        CHECK(deck_revision(links.path("current")) == r);
    }
}

TEST_CASE("service: deck revision of missing folders") {
    TempDir t("rev");
    const std::string empty = deck_revision(t.dir());
    CHECK(is_hex16(empty));
    CHECK(deck_revision(t.path("does-not-exist")) == empty);
    t.write("slides/a.toml", "x"); // images/ and fonts/ still missing
    const std::string some = deck_revision(t.dir());
    CHECK(is_hex16(some));
    CHECK(some != empty);
}
