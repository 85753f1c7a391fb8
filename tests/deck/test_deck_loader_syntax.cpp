// Tests for deck_loader: TOML syntax errors at toml++'s position, invalid UTF-8, errors from
// several files in one run.
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("deck loader: TOML syntax errors with toml++'s position") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[deck]\nduration = 10\ntransition = \n");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"A\" b\nunknown = 1\n");
    deck.write("slides/20.toml", "[[slide]]\ntitle = \"ok\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 2, 13, "saw 'b'");
    EXPECT_ERROR(result, deck.path("slides/deck.toml"), 3, 14, "Error while parsing");
    // One error per broken file, and no cascade ("no enabled slide") from it.
    CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("deck loader: invalid UTF-8 is reported at its byte and the file skipped") {
    TempDeck deck;
    // Latin-1 "é" (0xE9); the unknown key after it is not reported since the file is skipped.
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"caf\xE9\"\nunknown = 1\n");
    // A valid "é" counts as one column; then a lone lead byte.
    deck.write("slides/deck.toml", "[deck]\nduration = 10 # \xC3\xA9\xC3\n");
    // Overlong encoding and UTF-16 surrogate.
    deck.write("slides/20.toml", "[[slide]]\ntitle = \"\xC0\xAF\"\n");
    deck.write("slides/30.toml", "[[slide]]\n\ntitle = \"ok\" # \xED\xA0\x80\n");
    deck.write("slides/40.toml", "[[slide]]\ntitle = \"fine\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const Diagnostic latin1 =
        EXPECT_ERROR(result, deck.path("slides/10.toml"), 2, 13, "invalid UTF-8 (byte 0xE9)");
    CHECK(latin1.hint == "save the file as UTF-8");
    EXPECT_ERROR(result, deck.path("slides/deck.toml"), 2, 18, "invalid UTF-8 (byte 0xC3)");
    EXPECT_ERROR(result, deck.path("slides/20.toml"), 2, 10, "invalid UTF-8 (byte 0xC0)");
    EXPECT_ERROR(result, deck.path("slides/30.toml"), 3, 16, "invalid UTF-8 (byte 0xED)");
    CHECK(result.diagnostics.size() == 4);
}

TEST_CASE("deck loader: one run reports errors from several files, in file and line order") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[deck]\ntransition = \"fad\"\n");
    // check_keys reports 'titel' before the colour is read: sorting puts line 2 first.
    deck.write("slides/10.toml", "[[slide]]\nbackground = \"bad\"\ntitel = \"x\"\ntitle = \"a\"\n");
    deck.write("slides/20.toml", "[[slide]]\ntitle = \"b\"\nduration = \n");
    deck.write("slides/30.toml", "[[slide]]\ntitle = \"c\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    const std::string ten = deck.path("slides/10.toml");
    const std::string twenty = deck.path("slides/20.toml");
    CHECK(EXPECT_ERROR(result, deck_toml, 2, 14, "'transition' must be one of").hint ==
          "did you mean \"fade\"?");
    EXPECT_ERROR(result, ten, 2, 14, "'background' is not a colour");
    EXPECT_ERROR(result, ten, 3, 1, "unknown key 'titel'");
    EXPECT_ERROR(result, twenty, 3, 12, "Error while parsing");
    std::vector<std::pair<std::string, int>> order;
    for (const auto& d : result.diagnostics)
        order.emplace_back(d.loc.path, d.loc.line);
    const std::vector<std::pair<std::string, int>> expected{
        {deck_toml, 2}, {ten, 2}, {ten, 3}, {twenty, 3}};
    CHECK(order == expected);
}

TEST_CASE("deck loader: non-ASCII letters where toml++ looks for whitespace") {
    // toml++ 3.3 hit undefined behaviour on these (see toml_config.hpp); the sanitizer build
    // aborts here if the work-around is lost.
    TempDeck deck;
    deck.write("slides/10.toml", R"([[slide]]
title = "Immunothérapie"
body = """
L’immunothérapie cherche à renforcer sa capacité \
à reconnaître les cellules. \
  « Entre guillemets » \
É fin."""
)");
    const LoadResult good = deck.load();
    REQUIRE(EXPECT_LOADED(good).slides.size() == 1);
    CHECK(good.deck->slides[0].body == "L’immunothérapie cherche à renforcer sa capacité à "
                                       "reconnaître les cellules. « Entre guillemets » É fin.");

    deck.write("slides/20.toml", "[[slide]]\ntitle = \"x\" é\n");
    deck.write("slides/30.toml", "é = 1\n");
    const LoadResult bad = deck.load();
    EXPECT_ERROR(bad, deck.path("slides/20.toml"), 2, 13, "Error while parsing");
    EXPECT_ERROR(bad, deck.path("slides/30.toml"), 1, 1, "Error while parsing");
}
