// Tests for deck_revision: content-addressed, stable, blind to dotfiles and editor leftovers.
#include "service/revision.hpp"

#include "deck/deck_loader.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
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
    SUBCASE("a file in a subfolder of images/ counts, as the loader reads it") {
        a.write("images/photos/p.jpg", "jpg");
        CHECK(deck_revision(a.dir()) != r);
    }
    SUBCASE("what the loader does not read does not count") {
        a.write("slides/sub/20.toml", "slides/ is read flat");
        a.write("slides/notes.txt", "not a slide file");
        CHECK(deck_revision(a.dir()) == r);
    }
    SUBCASE("a FIFO does not block it") {
        REQUIRE(mkfifo(a.path("images/pipe.png").c_str(), 0600) == 0);
        REQUIRE(mkfifo(a.path("slides/20.toml").c_str(), 0600) == 0);
        CHECK(deck_revision(a.dir()) == r); // not regular files: not deck files
    }
    SUBCASE("through a symlink: the target's revision") {
        TempDir links("rev");
        REQUIRE(symlink(a.dir().c_str(), links.path("current").c_str()) == 0);
        CHECK(deck_revision(links.path("current")) == r);
    }
}

TEST_CASE("service: deck revision without following linked files") {
    TempDir t("rev"), elsewhere("rev");
    t.write("slides/deck.toml", "[deck]\n");
    t.write("images/logo.png", "png");
    const std::string r = deck_revision(t.dir());
    CHECK(deck_revision(t.dir(), Links::refuse) == r);
    // The same bytes through a link: the player's revision is unchanged, the sync's is not.
    elsewhere.write("logo.png", "png");
    fs::remove(t.path("images/logo.png"));
    REQUIRE(symlink(elsewhere.path("logo.png").c_str(), t.path("images/logo.png").c_str()) == 0);
    CHECK(deck_revision(t.dir()) == r);
    CHECK(deck_revision(t.dir(), Links::refuse) != r);
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

TEST_CASE("service: deck revision from the bytes the loader read equals a fresh one") {
    TempDir t("rev");
    t.write("slides/deck.toml", "[deck]\n");
    t.write("slides/10.toml", "[[slide]]\ntitle = 'a'\nimage = 'a.png'\n");
    t.write("images/a.png", "not really a png");
    t.write("images/unused.png", "never named");
    t.write("fonts/f.ttf", "font");
    const std::string fresh = deck_revision(t.dir());
    const LoadResult loaded = load_deck(t.dir());
    REQUIRE(loaded.content);
    CHECK(loaded.content->digest(t.path("images/a.png"))); // read by the loader
    CHECK(deck_revision(*loaded.content) == fresh);
    // The snapshot's digests stand for what was read: a later change shows in a fresh revision.
    t.write("images/a.png", "changed since");
    CHECK(deck_revision(*loaded.content) == fresh);
    CHECK(deck_revision(t.dir()) != fresh);
}
