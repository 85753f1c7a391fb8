// Tests for deck_loader: the content folder's files: slide files and their order, images and
// fonts checked, subfolders, many missing images, a very large deck.
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("deck loader: a missing slides folder is an error") {
    TempDeck deck;
    fs::remove_all(deck.path("slides"));
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic d = EXPECT_ERROR(result, deck.dir().string(), 0, 0, "no slides/ folder in");
    CHECK(d.message == "no slides/ folder in " + deck.dir().string());
}

TEST_CASE("deck loader: slide files in file-name order, leftovers ignored") {
    TempDeck deck;
    const char* broken = "this is = = not toml\n";
    deck.write("slides/20-b.toml", "[[slide]]\nid = \"b\"\ntitle = \"B\"\n");
    deck.write("slides/10-a.toml", "[[slide]]\nid = \"a\"\ntitle = \"A\"\n");
    deck.write("slides/3-c.toml", "[[slide]]\nid = \"c\"\ntitle = \"C\"\n");
    for (const char* name : {"10-a.toml~", ".10-a.toml.swp", ".hidden.toml", "notes.txt",
                             "#30.toml#", "4913", "x.toml.tmp", "x.toml.swx", "README"}) {
        deck.write(std::string("slides/") + name, broken);
    }
    fs::create_directories(deck.path("slides/folder.toml"));
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(result.diagnostics.empty());
    CHECK(ids(d) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("deck loader: several slides per file, file defaults and generated ids") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[deck]\nlanguages = [\"fr\", \"ar\"]\nduration = 9\n");
    deck.write("slides/50-chimio.toml", R"(lang = "ar"
section = "chimio"

[[slide]]
title = "One"

[[slide]]
title = "Two"
lang = "fr"
section = "autre"

[[slide]]
id = "three"
body = "Three"
duration = 4
)");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    REQUIRE(d.slides.size() == 3);
    CHECK(ids(d) == std::vector<std::string>{"50-chimio-1", "50-chimio-2", "three"});
    CHECK(d.slides[0].lang == "ar");
    CHECK(d.slides[1].lang == "fr");
    CHECK(d.slides[2].lang == "ar");
    CHECK(d.slides[0].section == "chimio");
    CHECK(d.slides[1].section == "autre");
    CHECK(d.slides[2].section == "chimio");
    CHECK(d.slides[0].duration_s == 9);
    CHECK(d.slides[2].duration_s == 4);
    CHECK(d.slides[0].loc.line == 4);
    CHECK(d.slides[1].loc.line == 7);
    CHECK(d.slides[2].loc.line == 12);
}

TEST_CASE("deck loader: image checks") {
    TempDeck deck;
    deck.write("images/photo.png", png(100, 100));
    deck.write("images/huge.png", png(30000, 30000));
    deck.write("images/notes.png", "hello, not an image");
    deck.write("secret.png", png(10, 10));
    fs::create_symlink("../secret.png", deck.path("images/link.png"));
    deck.write("slides/10.toml", R"([[slide]]
image = "phot.png"
[[slide]]
image = "../secret.png"
[[slide]]
image = "/etc/hostname"
[[slide]]
image = "notes.png"
[[slide]]
image = "huge.png"
[[slide]]
image = "link.png"
[[slide]]
image = "zzzzzzzzzz.png"
[[slide]]
image = "photo.png"
[[slide]]
image = "sub/../../secret.png"
)");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string ten = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, ten, 2, 9, "image 'phot.png' not found in images/").hint ==
          "did you mean 'photo.png'?");
    EXPECT_ERROR(result, ten, 4, 9, "image '../secret.png' must be a file inside images/");
    EXPECT_ERROR(result, ten, 6, 9, "image '/etc/hostname' must be a file inside images/");
    EXPECT_ERROR(result, ten, 8, 9, "image 'notes.png' is not a PNG, JPEG, WebP or SVG image");
    EXPECT_ERROR(result, ten, 10, 9, "image 'huge.png' is too large to decode: 30000x30000 pixels");
    EXPECT_ERROR(result, ten, 12, 9, "image 'link.png' must be a file inside images/");
    CHECK(EXPECT_ERROR(result, ten, 14, 9, "image 'zzzzzzzzzz.png' not found in images/").hint ==
          "files in images/: huge.png, link.png, notes.png, photo.png");
    EXPECT_ERROR(result, ten, 18, 9, "must be a file inside images/");
    CHECK(result.diagnostics.size() == 8);
}

TEST_CASE("deck loader: missing image with many or no files in images/") {
    TempDeck deck;
    deck.write("slides/10.toml", "[[slide]]\nimage = \"photo.png\"\n");
    const LoadResult empty = deck.load();
    CHECK(EXPECT_ERROR(empty, deck.path("slides/10.toml"), 2, 9, "not found in images/").hint ==
          "put the file in images/");
    for (int i = 0; i < 10; ++i)
        deck.write("images/picture-" + std::to_string(i) + "0.png", "x");
    const LoadResult many = deck.load();
    CHECK(EXPECT_ERROR(many, deck.path("slides/10.toml"), 2, 9, "not found in images/").hint ==
          "put the file in images/");
}

TEST_CASE("deck loader: fonts must be in fonts/, a missing one falls back to the system font") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([theme]
font = "Missing.ttf"
font_bold = ""
font_arabic = "../Arabic.ttf"
)");
    deck.write("Arabic.ttf", "x");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    CHECK(EXPECT_WARNING(result, deck_toml, 2, 8,
                         "font 'Missing.ttf' not found in fonts/: the system font is used")
              .hint == "put the file in fonts/");
    EXPECT_ERROR(result, deck_toml, 4, 15, "font '../Arabic.ttf' must be a file inside fonts/");
    CHECK(result.diagnostics.size() == 2);

    // Only the missing font: a warning, and the deck loads with the system font for it.
    deck.write("slides/deck.toml", "[theme]\nfont = \"Missing.ttf\"\n");
    const LoadResult fallback = deck.load();
    REQUIRE(fallback.deck.has_value());
    CHECK(fallback.deck->theme.font_path.empty());
    CHECK(count(fallback.diagnostics, Severity::warning) == 1);
}

TEST_CASE("deck loader: images in subfolders of images/") {
    TempDeck deck;
    deck.write("images/photos/p.png", png(20, 10));
    deck.write("slides/10.toml", "[[slide]]\nimage = \"photos/p.png\"\n[[slide]]\n"
                                 "image = \"photos/q.png\"\n");
    const LoadResult missing = deck.load();
    CHECK(EXPECT_ERROR(missing, deck.path("slides/10.toml"), 4, 9,
                       "image 'photos/q.png' not found in images/")
              .hint == "did you mean 'photos/p.png'?");
    deck.write("slides/10.toml", "[[slide]]\nimage = \"photos/p.png\"\n");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(d.slides[0].image_path == deck.path("images/photos/p.png"));
    REQUIRE(result.content);
    const auto held = result.content->held(d.slides[0].image_path);
    REQUIRE(held);
    CHECK(*held == png(20, 10)); // the bytes the loader checked, kept for playing
}

TEST_CASE("deck loader: thousands of missing images are reported a few times, then counted") {
    TempDeck deck;
    for (int i = 0; i < 2000; ++i)
        deck.write("images/photo-" + std::to_string(10000 + i) + ".png", "x");
    std::string slides;
    for (int i = 0; i < 5000; ++i)
        slides +=
            "[[slide]]\ntitle = \"t\"\nimage = \"missing-" + std::to_string(10000 + i) + ".png\"\n";
    deck.write("slides/10.toml", slides);
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    CHECK(count(result.diagnostics, Severity::error) == 20);
    REQUIRE(count(result.diagnostics, Severity::note) == 1);
    CHECK(result.diagnostics.back().message ==
          "4980 more like \"image 'missing-10000.png' not found in images/\" not shown");
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 60, 9, "image 'missing-10019.png'");
}

TEST_CASE("deck loader: 50,000 slides load") {
    TempDeck deck;
    for (int f = 0; f < 500; ++f) {
        std::string text;
        for (int i = 0; i < 100; ++i)
            text += "[[slide]]\ntitle = \"Slide " + std::to_string(i) + "\"\n";
        deck.write("slides/" + std::to_string(1000 + f) + ".toml", text);
    }
    const LoadResult result = deck.load();
    CHECK(EXPECT_LOADED(result).slides.size() == 50000);
    CHECK(result.deck->play_order.size() == 50000);
    CHECK(result.diagnostics.empty());
}
