// Tests for slides/announcement.toml through the deck loader, and its rules at the time now:
// every problem at its exact line and column.
#include "deck/announcement_dates.hpp"
#include "deck/content_files.hpp"
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using namespace affiche::testing;

namespace {

LocalStamp at(int y, int m, int d, int hh, int mm) {
    return {day_from_civil({y, m, d}), hh * 3600 + mm * 60};
}

// A deck of one slide and the given announcement.toml.
struct AnnouncedDeck : TempDeck {
    explicit AnnouncedDeck(const std::string& announcement) {
        write("slides/10.toml", "[[slide]]\ntitle = \"Bienvenue\"\n");
        write("slides/announcement.toml", announcement);
    }
    std::string file() const { return dir().string() + "/slides/announcement.toml"; }
};

} // namespace

TEST_CASE("announcement: every key loads, and the file is no slide file") {
    AnnouncedDeck deck(R"([announcement]
text = "Le Dr X a environ 30 minutes de retard"   # une ligne
until = 2026-12-08T12:00:00
from = 2026-12-08T09:00:00
style = "slide"
)");
    const LoadResult r = deck.load();
    const Deck& d = EXPECT_LOADED(r);
    CHECK(r.diagnostics.empty());
    REQUIRE(d.announcement);
    const Announcement& a = *d.announcement;
    CHECK(a.text == "Le Dr X a environ 30 minutes de retard");
    CHECK(a.until == at(2026, 12, 8, 12, 0));
    CHECK(a.from == at(2026, 12, 8, 9, 0));
    CHECK(a.style == AnnouncementStyle::slide);
    CHECK(a.until_loc.line == 3);
    CHECK(d.slides.size() == 1); // not read as a slide file
    CHECK_FALSE(is_slide_file_name(announcement_file_name));
    const ContentListing listing = list_content(deck.dir().string());
    CHECK(std::count(listing.files.begin(), listing.files.end(), "slides/announcement.toml") == 1);
}

TEST_CASE("announcement: defaults are a band shown at once, no file, no announcement") {
    AnnouncedDeck deck(
        "[announcement]\ntext = \"Fermeture à 16 h\"\nuntil = 2026-12-08T16:00:00\n");
    const LoadResult r = deck.load();
    const Deck& d = EXPECT_LOADED(r);
    REQUIRE(d.announcement);
    CHECK(d.announcement->style == AnnouncementStyle::band);
    CHECK_FALSE(d.announcement->from);
    CHECK(d.announcement->until == at(2026, 12, 8, 16, 0));

    TempDeck none;
    none.write("slides/10.toml", "[[slide]]\ntitle = \"Bienvenue\"\n");
    CHECK_FALSE(EXPECT_LOADED(none.load()).announcement);
}

TEST_CASE("announcement: unknown keys at their line and column, with a hint") {
    AnnouncedDeck deck(R"(text = "dehors"
[announcement]
text = "Retard"
until = 2026-12-08T12:00:00
colour = "red"
)");
    const LoadResult r = deck.load();
    CHECK_FALSE(r.deck);
    EXPECT_ERROR(r, deck.file(), 1, 1, "unknown key 'text' at the top of announcement.toml",
                 "belongs under [announcement]");
    EXPECT_ERROR(r, deck.file(), 5, 1, "unknown key 'colour' in [announcement]");
}

TEST_CASE("announcement: text missing, empty, on several lines, too long") {
    SUBCASE("missing") {
        AnnouncedDeck deck("[announcement]\nuntil = 2026-12-08T12:00:00\n");
        EXPECT_ERROR(deck.load(), deck.file(), 1, 1, "needs a 'text'");
    }
    SUBCASE("empty") {
        AnnouncedDeck deck("[announcement]\ntext = \"  \"\nuntil = 2026-12-08T12:00:00\n");
        EXPECT_ERROR(deck.load(), deck.file(), 2, 8, "'text' is empty");
    }
    SUBCASE("not a string") {
        AnnouncedDeck deck("[announcement]\ntext = 12\nuntil = 2026-12-08T12:00:00\n");
        const LoadResult r = deck.load();
        EXPECT_ERROR(r, deck.file(), 2, 8, "'text' must be a string");
        CHECK(r.diagnostics.size() == 1);
    }
    SUBCASE("two lines") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\\nde 30 min\"\n"
                           "until = 2026-12-08T12:00:00\n");
        EXPECT_ERROR(deck.load(), deck.file(), 2, 8, "one paragraph, on one line");
    }
    SUBCASE("140 characters fit, 141 do not (code points, not bytes)") {
        const std::string e140 = [] {
            std::string s;
            for (int i = 0; i < 140; ++i)
                s += "é"; // 2 bytes each
            return s;
        }();
        AnnouncedDeck fits("[announcement]\ntext = \"" + e140 +
                           "\"\nuntil = 2026-12-08T12:00:00\n");
        CHECK(EXPECT_LOADED(fits.load()).announcement->text == e140);
        AnnouncedDeck over("[announcement]\ntext = \"" + e140 +
                           "x\"\nuntil = 2026-12-08T12:00:00\n");
        const LoadResult r = over.load();
        CHECK_FALSE(r.deck);
        EXPECT_ERROR(r, over.file(), 2, 8, "141 characters long, over the limit of 140");
    }
}

TEST_CASE("announcement: until missing, a date alone, a zone, before from, a bad style") {
    SUBCASE("until missing") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\n");
        EXPECT_ERROR(deck.load(), deck.file(), 1, 1, "needs an 'until'");
    }
    SUBCASE("a date without a time") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\nuntil = 2026-12-08\n");
        EXPECT_ERROR(deck.load(), deck.file(), 3, 9, "'until' needs a time of day too");
    }
    SUBCASE("a time zone") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\nuntil = 2026-12-08T12:00:00Z\n");
        EXPECT_ERROR(deck.load(), deck.file(), 3, 9, "without a time zone offset");
    }
    SUBCASE("a string") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\nfrom = \"demain\"\n"
                           "until = 2026-12-08T12:00:00\n");
        EXPECT_ERROR(deck.load(), deck.file(), 3, 8, "'from' must be a local date and time");
    }
    SUBCASE("until before or at from") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\nfrom = 2026-12-08T12:00:00\n"
                           "until = 2026-12-08T12:00:00\n");
        EXPECT_ERROR(deck.load(), deck.file(), 4, 9, "'until' is not after its 'from'");
    }
    SUBCASE("an unknown style") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\"\nuntil = 2026-12-08T12:00:00\n"
                           "style = \"bande\"\n");
        EXPECT_ERROR(deck.load(), deck.file(), 4, 9, "'style' must be one of", "\"band\"");
    }
    SUBCASE("no [announcement] table") {
        AnnouncedDeck deck("# vide\n");
        EXPECT_ERROR(deck.load(), deck.file(), 1, 1, "has no [announcement]");
    }
    SUBCASE("broken TOML") {
        AnnouncedDeck deck("[announcement]\ntext = \"Retard\nuntil = 2026-12-08T12:00:00\n");
        const LoadResult r = deck.load();
        CHECK_FALSE(r.deck);
        REQUIRE_FALSE(r.diagnostics.empty());
        CHECK(r.diagnostics.front().loc.path == deck.file());
        CHECK(r.diagnostics.front().loc.line == 2);
    }
}

TEST_CASE("announcement dates: until at most 7 days ahead, a past until only warned") {
    Announcement a;
    a.text = "Retard";
    a.until = at(2026, 12, 15, 12, 0);
    a.until_loc = {"slides/announcement.toml", 3, 9};
    CHECK(announcement_date_problems(a, at(2026, 12, 8, 12, 0)).empty()); // exactly 7 days
    const Diagnostics far = announcement_date_problems(a, at(2026, 12, 8, 11, 59));
    REQUIRE(far.size() == 1);
    CHECK(far[0].severity == Severity::error);
    CHECK(far[0].loc.line == 3);
    CHECK(far[0].loc.column == 9);
    CHECK(far[0].message.find("more than 7 days after now") != std::string::npos);
    const Diagnostics past = announcement_date_problems(a, a.until);
    REQUIRE(past.size() == 1);
    CHECK(past[0].severity == Severity::warning);
    CHECK(past[0].message.find("is past") != std::string::npos);
}
