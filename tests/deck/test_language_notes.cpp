// Tests for the one note of a language the deck does not show: its words with no, one and several
// more files (the French ones in tests/e2e/test_translations_e2e.cpp).
#include "deck/language_notes.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("language note: one file, at the place given, with the languages shown and the fix") {
    const Diagnostic d =
        language_not_shown_note("ar", {"fr", "en"}, SourceLoc{"slides/10.toml", 1, 8}, 0);
    CHECK(d.severity == Severity::note);
    CHECK(d.loc.path == "slides/10.toml");
    CHECK(d.loc.line == 1);
    CHECK(d.loc.column == 8);
    CHECK(d.message == "slides in language 'ar' are not shown: deck.languages is [\"fr\", \"en\"]");
    CHECK(d.hint == "add \"ar\" to languages in deck.toml to show them");
}

TEST_CASE("language note: the other files holding the language are counted, singular and plural") {
    CHECK(language_not_shown_note("ar", {"fr"}, SourceLoc{"slides/10.toml", 1, 8}, 1).message ==
          "slides in language 'ar' are not shown: deck.languages is [\"fr\"]; 1 more file holds "
          "'ar' slides");
    CHECK(language_not_shown_note("ar", {"fr"}, SourceLoc{"slides/10.toml", 1, 8}, 4).message ==
          "slides in language 'ar' are not shown: deck.languages is [\"fr\"]; 4 more files hold "
          "'ar' slides");
}
