// Tests for deck_loader: hostile files: FIFOs, /dev/zero, oversized and looping links, bytes that
// once tripped toml++, names echoed printable and bounded.
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("deck loader: a FIFO as deck.toml, an image or a font is refused at once") {
    TempDeck deck;
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\nimage = \"pipe.png\"\n");
    REQUIRE(mkfifo(deck.path("slides/deck.toml").c_str(), 0600) == 0); // no writer ever
    REQUIRE(mkfifo(deck.path("images/pipe.png").c_str(), 0600) == 0);
    const LoadResult fifo_deck = deck.load();
    CHECK_FALSE(fifo_deck.deck.has_value());
    CHECK(EXPECT_ERROR(fifo_deck, deck.path("slides/deck.toml"), 0, 0,
                       "cannot read the file: it is a FIFO (named pipe), not a regular file")
              .hint == "replace it by a regular file");
    CHECK(EXPECT_ERROR(fifo_deck, deck.path("slides/10.toml"), 3, 9,
                       "image 'pipe.png' is a FIFO (named pipe), not a regular file")
              .hint == "copy the file itself into images/");

    fs::remove(deck.path("slides/deck.toml"));
    deck.write("slides/deck.toml", "[theme]\nfont = \"pipe.ttf\"\n");
    REQUIRE(mkfifo(deck.path("fonts/pipe.ttf").c_str(), 0600) == 0);
    const LoadResult fifo_font = deck.load();
    EXPECT_ERROR(fifo_font, deck.path("slides/deck.toml"), 2, 8,
                 "font 'pipe.ttf' is a FIFO (named pipe), not a regular file");
    CHECK(fifo_font.diagnostics.size() == 2);
}

TEST_CASE("deck loader: deck.toml linked to /dev/zero, and files over their size limit") {
    TempDeck deck;
    REQUIRE(symlink("/dev/zero", deck.path("slides/deck.toml").c_str()) == 0);
    deck.write("slides/10.toml", "[[slide]]\nimage = \"big.png\"\n");
    deck.write("slides/20.toml", "");
    fs::resize_file(deck.path("slides/20.toml"), 2u << 20); // sparse: no disk used
    deck.write("images/big.png", png(10, 10));
    fs::resize_file(deck.path("images/big.png"), 51u << 20);
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    EXPECT_ERROR(result, deck.path("slides/deck.toml"), 0, 0,
                 "cannot read the file: it is a device, not a regular file");
    CHECK(EXPECT_ERROR(result, deck.path("slides/20.toml"), 0, 0,
                       "cannot read the file: it is 2 MiB, more than the 1 MiB allowed")
              .hint == "split it into several files");
    CHECK(EXPECT_ERROR(result, deck.path("slides/10.toml"), 2, 9,
                       "image 'big.png' is 51 MiB, more than the 50 MiB allowed")
              .hint == "make the file smaller");
    CHECK(result.diagnostics.size() == 3);
}

TEST_CASE(
    "deck loader: two opening brackets then a control character is a parse error, not an assert") {
    // toml++ 3.3 asserts (Debug) or assumes (NDEBUG: undefined behaviour) here; see
    // toml_config.hpp. The sanitizer build aborts on this test if the configuration is lost.
    TempDeck deck;
    deck.write("slides/10.toml", std::string("\x5b\x5b\x01", 3));
    deck.write("slides/20.toml", "[[!x]]\n");
    deck.write("slides/30.toml", "[[slide]]\ntitle = \"ok\"\n");
    const LoadResult result = deck.load();
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 1, 3, "expected bare key starting character");
    EXPECT_ERROR(result, deck.path("slides/20.toml"), 1, 3, "expected bare key starting character");
    CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("deck loader: a folder, a link loop and a dangling link named as images") {
    TempDeck deck;
    REQUIRE(symlink("loop-b.png", deck.path("images/loop-a.png").c_str()) == 0);
    REQUIRE(symlink("loop-a.png", deck.path("images/loop-b.png").c_str()) == 0);
    REQUIRE(symlink("gone.png", deck.path("images/dangling.png").c_str()) == 0);
    fs::create_directories(deck.path("images/photos"));
    deck.write("slides/10.toml", R"([[slide]]
image = "."
[[slide]]
image = "loop-a.png"
[[slide]]
image = "photos"
[[slide]]
image = "dangling.png"
)");
    const LoadResult result = deck.load();
    const std::string ten = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, ten, 2, 9, "image '.' is a folder, not a file").hint ==
          "give the name of a file inside images/");
    CHECK(EXPECT_ERROR(result, ten, 4, 9, "image 'loop-a.png' is a symbolic link loop").hint ==
          "replace the link by the file itself");
    EXPECT_ERROR(result, ten, 6, 9, "image 'photos' is a folder, not a file");
    EXPECT_ERROR(result, ten, 8, 9, "image 'dangling.png' not found in images/");
    CHECK(result.diagnostics.size() == 4);
}

TEST_CASE("deck loader: names are echoed printable and bounded") {
    TempDeck deck;
    deck.write("images/caf\xE9.png", png(10, 10)); // a Latin-1 file name: invalid UTF-8
    const std::string long_name(1000000, 'a');
    deck.write("slides/10.toml", "[[slide]]\nimage = \"cafe.png\"\n[[slide]]\nimage = \"" +
                                     long_name + "\"\n[[slide]]\nimage = \"x\\u0001.png\"\n");
    deck.write("slides/bad\xFF.toml", "[[slide\n");
    const LoadResult result = deck.load();
    const std::string ten = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, ten, 2, 9, "image 'cafe.png' not found").hint ==
          "did you mean 'caf\\xE9.png'?");
    const Diagnostic long_one =
        EXPECT_ERROR(result, ten, 4, 9, "image '" + std::string(120, 'a') + "...' not found");
    CHECK(format_diagnostic(long_one).size() < 400);
    EXPECT_ERROR(result, ten, 6, 9, "image 'x\\x01.png' not found");
    EXPECT_ERROR(result, deck.path("slides/bad\\xFF.toml"), 1, 8, "");
    for (const Diagnostic& d : result.diagnostics) {
        const std::string line = format_diagnostic(d);
        CHECK(std::none_of(line.begin(), line.end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0xFF;
        }));
    }
}

TEST_CASE("deck loader: a slide file that is a FIFO is named in a warning, not skipped in "
          "silence") {
    TempDeck deck;
    deck.write("slides/10-a.toml", "[[slide]]\nid = \"a\"\ntitle = \"A\"\n");
    REQUIRE(::mkfifo(deck.path("slides/20-pipe.toml").c_str(), 0600) == 0);
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(ids(d) == std::vector<std::string>{"a"});
    EXPECT_WARNING(result, deck.path("slides/20-pipe.toml"), 0, 0,
                   "slides/20-pipe.toml is a FIFO (named pipe), not a regular file");
}
