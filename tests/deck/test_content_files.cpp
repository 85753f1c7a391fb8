// Tests for content_files: which files belong to a deck, listed once, with bounds.
#include "deck/content_files.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("content files: slide and ignored file names") {
    CHECK(is_slide_file_name("10-accueil.toml"));
    CHECK(is_slide_file_name("a.toml"));
    CHECK_FALSE(is_slide_file_name("deck.toml"));
    CHECK_FALSE(is_slide_file_name(".toml"));
    CHECK_FALSE(is_slide_file_name(".10.toml"));
    CHECK_FALSE(is_slide_file_name("10.toml~"));
    CHECK_FALSE(is_slide_file_name(".10.toml.swp"));
    CHECK_FALSE(is_slide_file_name("#10.toml#"));
    CHECK_FALSE(is_slide_file_name("10.txt"));
    CHECK_FALSE(is_slide_file_name("10.toml.tmp"));

    CHECK(is_ignored_file_name(".hidden"));
    CHECK(is_ignored_file_name("photo.png~"));
    CHECK(is_ignored_file_name("#photo.png#"));
    CHECK(is_ignored_file_name(".photo.png.swp"));
    CHECK(is_ignored_file_name("x.swx"));
    CHECK(is_ignored_file_name("x.tmp"));
    CHECK(is_ignored_file_name("4913"));
    CHECK(is_ignored_file_name(""));
    CHECK_FALSE(is_ignored_file_name("photo.png"));
    CHECK_FALSE(is_ignored_file_name("deck.toml"));
    CHECK_FALSE(is_ignored_file_name("49130"));
}
namespace {
bool has(const std::vector<std::string>& v, const std::string& item) {
    return std::find(v.begin(), v.end(), item) != v.end();
}
} // namespace

TEST_CASE("content files: slides/ flat, images/ and fonts/ with subfolders, leftovers out") {
    TempDir t("files");
    t.write("slides/deck.toml", "");
    t.write("slides/10.toml", "");
    t.write("slides/notes.txt", "not a slide file");
    t.write("slides/10.toml~", "");
    t.write("slides/sub/20.toml", "slides/ is read flat");
    t.write("images/a.png", "");
    t.write("images/photos/b.png", "");
    t.write("images/photos/.c.png.swp", "");
    t.write("images/.git/objects/x", "");
    t.write("fonts/f.ttf", "");
    t.write("README.md", "not in a deck folder");
    REQUIRE(symlink("a.png", t.path("images/link.png").c_str()) == 0);
    REQUIRE(symlink("nowhere.png", t.path("images/dangling.png").c_str()) == 0);
    REQUIRE(mkfifo(t.path("images/fifo.png").c_str(), 0600) == 0);

    const ContentListing l = list_content(t.dir());
    CHECK(l.slides_folder);
    CHECK(l.deck_file);
    CHECK_FALSE(l.truncated);
    CHECK(l.files == std::vector<std::string>{"fonts/f.ttf", "images/a.png", "images/link.png",
                                              "images/photos/b.png", "slides/10.toml",
                                              "slides/deck.toml"});
    CHECK(has(l.folders, "slides"));
    CHECK(has(l.folders, "images"));
    CHECK(has(l.folders, "images/photos"));
    CHECK(has(l.folders, "fonts"));
    CHECK_FALSE(has(l.folders, "images/.git"));
    CHECK_FALSE(has(l.folders, "slides/sub"));
    CHECK(l.folders.size() == 4);
    CHECK(files_under(l, "images") ==
          std::vector<std::string_view>{"a.png", "link.png", "photos/b.png"});
}

TEST_CASE("content files: a missing content folder lists nothing") {
    TempDir t("files");
    const ContentListing l = list_content(t.path("nothing-here"));
    CHECK_FALSE(l.slides_folder);
    CHECK_FALSE(l.deck_file);
    CHECK(l.files.empty());
    CHECK(l.folders.empty());
}

TEST_CASE("content files: folders deeper than the bound are left out and flagged") {
    TempDir t("files");
    std::string deep = "images";
    for (int i = 0; i < max_content_depth + 2; ++i)
        deep += "/d" + std::to_string(i);
    t.write(deep + "/too-deep.png", "");
    t.write("images/d0/shallow.png", "");
    const ContentListing l = list_content(t.dir());
    CHECK(l.truncated);
    CHECK(has(l.files, "images/d0/shallow.png"));
    CHECK(std::none_of(l.files.begin(), l.files.end(),
                       [](const std::string& f) { return f.ends_with("too-deep.png"); }));
    CHECK(l.folders.size() <= static_cast<std::size_t>(max_content_depth) + 1);
}

TEST_CASE("content files: a slide file that is a FIFO or a dangling link is named, not "
          "read") {
    TempDir tmp("content");
    tmp.write("slides/deck.toml", "[deck]\n");
    tmp.write("slides/10.toml", "[[slide]]\ntitle = \"x\"\n");
    REQUIRE(::mkfifo(tmp.path("slides/20-pipe.toml").c_str(), 0600) == 0);
    REQUIRE(::mkfifo(tmp.path("slides/notes.txt").c_str(), 0600) == 0); // not a deck name
    REQUIRE(::mkfifo(tmp.path("slides/.hidden.toml").c_str(), 0600) == 0);
    fs::create_directories(tmp.path("images"));
    fs::create_symlink(tmp.path("nowhere.png"), tmp.path("images/gone.png"));
    const ContentListing l = list_content(tmp.dir());
    CHECK(l.files == std::vector<std::string>{"slides/10.toml", "slides/deck.toml"});
    fs::create_symlink(tmp.path("nowhere.toml"), tmp.path("slides/30-gone.toml"));
    const ContentListing again = list_content(tmp.dir());
    REQUIRE(again.skipped.size() == 2); // images are reported where a slide names them
    CHECK(again.skipped[0].path == "slides/20-pipe.toml");
    CHECK(again.skipped[0].why == "is a FIFO (named pipe)");
    CHECK(again.skipped[1].path == "slides/30-gone.toml");
    CHECK(again.skipped[1].why == "is a link to nothing");
}
