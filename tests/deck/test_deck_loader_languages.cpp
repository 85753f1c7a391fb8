// Tests for deck_loader: languages and play order: by language, deck or interleave, languages not
// shown, a deck with nothing enabled to show.
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("deck loader: play order by language, deck and interleave") {
    TempDeck deck;
    deck.write("slides/10.toml", R"(lang = "fr"
[[slide]]
id = "f1"
title = "f1"
[[slide]]
id = "f2"
title = "f2"
enabled = false
)");
    deck.write("slides/20.toml", "lang = \"ar\"\n[[slide]]\nid = \"a1\"\ntitle = \"a1\"\n");
    deck.write("slides/30.toml", R"([[slide]]
id = "f3"
title = "f3"
[[slide]]
id = "a2"
title = "a2"
lang = "ar"
[[slide]]
id = "e1"
title = "e1"
lang = "en"
[[slide]]
id = "e2"
title = "e2"
lang = "en"
)");
    // slides: 0 f1, 1 f2 (disabled), 2 a1, 3 f3 (first deck language), 4 a2, 5 e1, 6 e2
    SUBCASE("deck order, French first") {
        deck.write("slides/deck.toml", "[deck]\nlanguages = [\"fr\", \"ar\"]\n");
        const LoadResult result = deck.load();
        const Deck& d = EXPECT_LOADED(result);
        CHECK(d.slides[3].lang == "fr");
        CHECK(d.play_order == std::vector<int>{0, 3, 2, 4});
        // "en" is not shown: one note for the file, at the first slide using it.
        CHECK(count(result.diagnostics, Severity::note) == 1);
        const Diagnostic w = EXPECT_NOTE(result, deck.path("slides/30.toml"), 11, 8,
                                         "slides in language 'en' are not shown");
        CHECK(w.message == "slides in language 'en' are not shown: deck.languages is "
                           "[\"fr\", \"ar\"]");
    }
    SUBCASE("deck order, Arabic first") {
        deck.write("slides/deck.toml", "[deck]\nlanguages = [\"ar\", \"fr\"]\n");
        const LoadResult result = deck.load();
        const Deck& d = EXPECT_LOADED(result);
        CHECK(d.slides[3].lang == "ar");
        CHECK(d.play_order == std::vector<int>{2, 3, 4, 0});
    }
    SUBCASE("interleave") {
        deck.write("slides/deck.toml",
                   "[deck]\nlanguages = [\"fr\", \"ar\"]\nlanguage_order = \"interleave\"\n");
        const LoadResult result = deck.load();
        CHECK(EXPECT_LOADED(result).play_order == std::vector<int>{0, 2, 3, 4});
    }
    SUBCASE("only one language shown") {
        deck.write("slides/deck.toml", "[deck]\nlanguages = [\"ar\"]\n");
        const LoadResult result = deck.load();
        CHECK(EXPECT_LOADED(result).play_order == std::vector<int>{2, 3, 4});
        EXPECT_NOTE(result, deck.path("slides/10.toml"), 1, 8,
                    "slides in language 'fr' are not shown: deck.languages is [\"ar\"]");
        CHECK(count(result.diagnostics, Severity::note) == 2);
    }
}

TEST_CASE("deck loader: a deck with no enabled slide to show") {
    TempDeck deck;
    const std::string deck_toml = deck.path("slides/deck.toml");
    SUBCASE("no slide file") {
        const LoadResult result = deck.load();
        CHECK_FALSE(result.deck.has_value());
        EXPECT_ERROR(result, deck_toml, 0, 0, "no enabled slide to show");
    }
    SUBCASE("every slide disabled") {
        deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\nenabled = false\n");
        const LoadResult result = deck.load();
        CHECK_FALSE(result.deck.has_value());
        EXPECT_ERROR(result, deck_toml, 0, 0, "no enabled slide to show");
        CHECK(result.diagnostics.size() == 1);
    }
    SUBCASE("every slide in a language not shown") {
        deck.write("slides/deck.toml", "[deck]\nlanguages = [\"fr\"]\n");
        deck.write("slides/10.toml", "lang = \"ar\"\n[[slide]]\ntitle = \"a\"\n");
        const LoadResult result = deck.load();
        CHECK_FALSE(result.deck.has_value());
        EXPECT_ERROR(result, deck_toml, 0, 0, "no enabled slide to show");
        EXPECT_NOTE(result, deck.path("slides/10.toml"), 1, 8, "language 'ar' are not shown");
        // deck.toml first, then the slide files.
        REQUIRE(result.diagnostics.size() == 2);
        CHECK(result.diagnostics[0].loc.path == deck_toml);
    }
}

TEST_CASE("deck loader: a language not shown is a note, the deck still loads") {
    TempDeck deck;
    deck.write("slides/10.toml", R"(lang = "ar"
[[slide]]
title = "a"
[[slide]]
title = "b"
)");
    deck.write("slides/20.toml",
               "[[slide]]\ntitle = \"c\"\n[[slide]]\ntitle = \"d\"\nlang = \"en\"\n");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(d.play_order == std::vector<int>{2});
    const Diagnostic ar = EXPECT_NOTE(result, deck.path("slides/10.toml"), 1, 8,
                                      "slides in language 'ar' are not shown");
    CHECK(ar.message == "slides in language 'ar' are not shown: deck.languages is [\"fr\"]");
    EXPECT_NOTE(result, deck.path("slides/20.toml"), 5, 8, "slides in language 'en' are not shown");
    CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("deck loader: a language not shown in several files is one note, at its first file") {
    TempDeck deck;
    for (const char* file : {"slides/10.toml", "slides/20.toml", "slides/30.toml"})
        deck.write(file, "lang = \"ar\"\n[[slide]]\ntitle = \"a\"\n[[slide]]\ntitle = \"b\"\n");
    deck.write("slides/40.toml", "[[slide]]\ntitle = \"c\"\n");
    const LoadResult result = deck.load();
    EXPECT_LOADED(result);
    const Diagnostic ar = EXPECT_NOTE(result, deck.path("slides/10.toml"), 1, 8,
                                      "slides in language 'ar' are not shown");
    CHECK(ar.message == "slides in language 'ar' are not shown: deck.languages is [\"fr\"]; "
                        "2 more files hold 'ar' slides");
    CHECK(ar.hint == "add \"ar\" to languages in deck.toml to show them");
    CHECK(result.diagnostics.size() == 1);
}

TEST_CASE("deck loader: languages must not be empty") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[deck]\nlanguages = []\n");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    EXPECT_ERROR(result, deck.path("slides/deck.toml"), 2, 13,
                 "'languages' must list at least one language");
}

TEST_CASE("deck loader: a footer per language, each checked like footer_text") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([overlays]
footer_text = "Cabinet"
[overlays.footer_text_by_language]
ar = "عيادة"
en = "Practice"
)");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"x\"\n");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(d.overlays.footer_for("ar") == "عيادة");
    CHECK(d.overlays.footer_for("en") == "Practice");
    CHECK(d.overlays.footer_for("fr") == "Cabinet"); // not listed: footer_text
    CHECK(d.overlays.footer_for("") == "Cabinet");

    deck.write("slides/deck.toml", "[overlays]\nfooter_text_by_language = \"ar\"\n"
                                   "[overlays.x]\n");
    LoadResult bad = deck.load();
    const std::string deck_toml = deck.path("slides/deck.toml");
    EXPECT_ERROR(bad, deck_toml, 2, 27, "'footer_text_by_language' must be a table");
    deck.write("slides/deck.toml", "[overlays.footer_text_by_language]\nar = 3\nfr = \"" +
                                       std::string(301, 'a') + "\"\n");
    bad = deck.load();
    EXPECT_ERROR(bad, deck_toml, 2, 6, "'ar' must be a string");
    EXPECT_ERROR(bad, deck_toml, 3, 6, "'fr'");
}
