// Tests for folding the per-file "slides in language ... are not shown" notes into one per
// language.
#include "deck/language_notes.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {
Diagnostic note_in(const std::string& path, const std::string& lang) {
    return {Severity::note, SourceLoc{path, 3, 8},
            "slides in language '" + lang + "' are not shown: deck.languages is [\"fr\"]",
            "add \"" + lang + "\" to languages in deck.toml to show them"};
}
} // namespace

TEST_CASE("language notes: five files in 'ar' give one note, at the first, with the count") {
    Diagnostics ds{note_in("slides/10.toml", "ar")};
    ds.push_back({Severity::warning, SourceLoc{"slides/11.toml", 1, 1}, "a warning", ""});
    for (const char* p :
         {"slides/90-a.toml", "slides/90-b.toml", "slides/90-c.toml", "slides/90-d.toml"})
        ds.push_back(note_in(p, "ar"));
    ds.push_back(note_in("slides/95.toml", "en"));
    merge_language_notes(ds);
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].loc.path == "slides/10.toml");
    CHECK(ds[0].message == "slides in language 'ar' are not shown: deck.languages is [\"fr\"]; "
                           "4 more file(s) hold 'ar' slides");
    CHECK(ds[0].hint == "add \"ar\" to languages in deck.toml to show them");
    CHECK(ds[1].message == "a warning"); // order kept
    CHECK(ds[2].loc.path == "slides/95.toml");
    CHECK(ds[2].message == "slides in language 'en' are not shown: deck.languages is [\"fr\"]");
}

TEST_CASE("language notes: other diagnostics, even repeated, are left alone") {
    const Diagnostic e{Severity::error, SourceLoc{"slides/10.toml", 2, 1},
                       "slides in language 'ar' are not shown", ""}; // an error: not a note
    Diagnostics ds{e, e, note_in("slides/20.toml", "ar")};
    merge_language_notes(ds);
    REQUIRE(ds.size() == 3);
    CHECK(ds[2].message == "slides in language 'ar' are not shown: deck.languages is [\"fr\"]");
}
