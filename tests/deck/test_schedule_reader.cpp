// Tests for schedule_reader through the deck loader: the schedule keys, their defaults, and every
// error at its exact line and column.
#include "base/local_time.hpp"
#include "deck/deck_loader_test_support.hpp"
#include "deck/schedule_reader.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

LocalDay day(int y, int m, int d) {
    return day_from_civil({y, m, d});
}

} // namespace

TEST_CASE("schedule keys: slide and file keys load, slide keys overriding the file's") {
    TempDeck deck;
    deck.write("slides/a.toml", R"(from = 2026-12-01
days = ["mon", "tue"]

[[slide]]
title = "Fermé le 24"
until = 2026-12-24
hours = ["08:00-12:30", "22:00-02:00"]

[[slide]]
title = "Bonsoir"
from = "2026-12-10 18:00"
until = 2026-12-24T18:00:00
days = ["fri"]
hours = "18:00-20:00"

[[slide]]
title = "Bienvenue"
fallback = true
hours = "08:00-09:00"

[[slide]]
title = "Calme"
fallback = true
)");
    const LoadResult r = deck.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.deck);
    const auto& slides = r.deck->slides;
    REQUIRE(slides.size() == 4);
    const SlideSchedule& a = slides[0].schedule;
    CHECK(a.from == LocalStamp{day(2026, 12, 1), 0});
    CHECK(a.until == LocalStamp{day(2026, 12, 25), 0}); // through the 24th
    CHECK(a.days == 3);
    REQUIRE(a.hours.size() == 2);
    CHECK(a.hours[0].start_min == 480);
    CHECK(a.hours[1].wraps());
    const SlideSchedule& b = slides[1].schedule;
    CHECK(b.from == LocalStamp{day(2026, 12, 10), 18 * 3600});
    CHECK(b.until == LocalStamp{day(2026, 12, 24), 18 * 3600});
    CHECK(b.days == 16);
    REQUIRE(b.hours.size() == 1);
    // A fallback slide ignores conditions: its own with a warning, the file's silently.
    CHECK(slides[2].fallback);
    CHECK_FALSE(slides[2].schedule.any());
    CHECK(slides[3].fallback);
    CHECK_FALSE(slides[3].schedule.any());
    CHECK(r.diagnostics.size() == 1);
    EXPECT_WARNING(r, deck.path("slides/a.toml"), 18, 12, "a fallback slide shows whenever",
                   "remove them");
    CHECK_FALSE(slides[0].fallback);
}

TEST_CASE("schedule keys: deck.toml opening hours, closed dates, screen and burn-in") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([opening_hours]
mon = ["08:30-12:30", "14:00-18:30"]
tue = "08:30-18:30"
sat = []
closed = [2026-12-25, "2026-12-31", { from = 2026-08-03, until = 2026-08-21 }]

[screen]
cec = false
dpms = true

[burn_in]
enabled = false
amplitude = 6
step_minutes = 5
)");
    deck.write("slides/a.toml", "[[slide]]\ntitle = \"A\"\n");
    const LoadResult r = deck.load();
    INFO(describe(r.diagnostics));
    REQUIRE(r.deck);
    const OpeningHours& h = r.deck->opening_hours;
    CHECK(h.set);
    CHECK(h.week[0].size() == 2);
    CHECK(h.week[1].size() == 1);
    CHECK(h.week[2].empty());
    CHECK(h.week[5].empty());
    REQUIRE(h.closed.size() == 3);
    CHECK(h.closed[0].first == day(2026, 12, 25));
    CHECK(h.closed[0].last == day(2026, 12, 25));
    CHECK(h.closed[1].first == day(2026, 12, 31));
    CHECK(h.closed[2].first == day(2026, 8, 3));
    CHECK(h.closed[2].last == day(2026, 8, 21));
    CHECK_FALSE(r.deck->screen_power.cec);
    CHECK(r.deck->screen_power.dpms);
    CHECK_FALSE(r.deck->burn_in.enabled);
    CHECK(r.deck->burn_in.amplitude_px == 6);
    CHECK(r.deck->burn_in.step_minutes == 5);
}

TEST_CASE("schedule keys: defaults without the tables") {
    TempDeck deck;
    deck.write("slides/a.toml", "[[slide]]\ntitle = \"A\"\n");
    const LoadResult r = deck.load();
    REQUIRE(r.deck);
    CHECK_FALSE(r.deck->opening_hours.set);
    CHECK(r.deck->screen_power.cec);
    CHECK(r.deck->screen_power.dpms);
    CHECK(r.deck->burn_in.enabled);
    CHECK(r.deck->burn_in.amplitude_px == 4);
    CHECK(r.deck->burn_in.step_minutes == 3);
    CHECK_FALSE(r.deck->slides[0].schedule.any());
}

TEST_CASE("schedule keys: slide errors at their line and column") {
    TempDeck deck;
    deck.write("slides/a.toml", R"([[slide]]
title = "A"
from = "24/12/2026"
until = 2026-12-24T18:00:00Z
days = ["monday", "Tue", "lundi", 3]
hours = ["8:00-12:30", "10:00-10:00", 9]

[[slide]]
title = "B"
from = 12
dayz = ["mon"]
)");
    const LoadResult r = deck.load();
    const std::string p = deck.path("slides/a.toml");
    CHECK_FALSE(r.deck);
    EXPECT_ERROR(r, p, 3, 8, "'from' is not a date: \"24/12/2026\"", "2026-12-24");
    EXPECT_ERROR(r, p, 4, 9, "'until' must be in local time", "remove the 'Z'");
    EXPECT_ERROR(r, p, 5, 9, "unknown day \"monday\"", "did you mean \"mon\"?");
    EXPECT_ERROR(r, p, 5, 19, "unknown day \"Tue\"", "did you mean \"tue\"?");
    EXPECT_ERROR(r, p, 5, 26, "unknown day \"lundi\"", "use \"mon\"");
    EXPECT_ERROR(r, p, 5, 35, "'days' must be an array of strings: item 4 is an integer", "");
    EXPECT_ERROR(r, p, 6, 10, "not a time range", "two digits");
    EXPECT_ERROR(r, p, 6, 24, "an empty range", "00:00-24:00");
    EXPECT_ERROR(r, p, 6, 39, "'hours' must hold time ranges, got an integer", "");
    EXPECT_ERROR(r, p, 10, 8, "'from' must be a date, got an integer", "");
    EXPECT_ERROR(r, p, 11, 1, "unknown key 'dayz' in [[slide]]", "did you mean 'days'?");
}

TEST_CASE("schedule keys: deck.toml errors at their line and column") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([opening_hours]
mon = ["08:30-12:30"]
thursday = "08:00-12:00"
closed = [2026-12-25T10:00:00, { from = 2026-08-21, until = 2026-08-03 }, { from = 2026-01-01 }]

[screen]
cec = "no"
hdmi = true

[burn_in]
amplitude = 2.5
step_minutes = 0
)");
    deck.write("slides/a.toml", "[[slide]]\ntitle = \"A\"\n");
    const LoadResult r = deck.load();
    const std::string p = deck.path("slides/deck.toml");
    CHECK_FALSE(r.deck);
    EXPECT_ERROR(r, p, 3, 1, "unknown key 'thursday' in [opening_hours]", "did you mean 'thu'?");
    EXPECT_ERROR(r, p, 4, 11, "a closed date must be a date without a time", "");
    EXPECT_ERROR(r, p, 4, 61, "'until' is before 'from' in a closed range", "swap");
    EXPECT_ERROR(r, p, 4, 75, "a closed range needs both 'from' and 'until'", "");
    EXPECT_ERROR(r, p, 7, 7, "'cec' must be true or false, got a string", "without quotes");
    EXPECT_ERROR(r, p, 8, 1, "unknown key 'hdmi' in [screen]", "");
    EXPECT_ERROR(r, p, 11, 13, "'amplitude' must be a whole number", "");
    EXPECT_ERROR(r, p, 12, 16, "'step_minutes' must be from 1 to 120 minutes, got 0", "");
}

TEST_CASE("schedule keys: 'closed' holds at most max_closed_entries dates and ranges") {
    // Each entry costs every --check once per slide: bounded like 'hours', with a message.
    auto closed_of = [](std::size_t n) {
        std::string list;
        for (std::size_t i = 0; i < n; ++i) {
            list += (i ? ", " : "") + format_date(day(2027, 1, 1) + static_cast<LocalDay>(i));
        }
        return "[opening_hours]\nmon = \"08:00-12:00\"\nclosed = [" + list + "]\n";
    };
    TempDeck deck;
    deck.write("slides/a.toml", "[[slide]]\ntitle = \"A\"\n");
    deck.write("slides/deck.toml", closed_of(max_closed_entries));
    const LoadResult ok = deck.load();
    REQUIRE(ok.deck);
    CHECK(ok.deck->opening_hours.closed.size() == max_closed_entries);
    deck.write("slides/deck.toml", closed_of(max_closed_entries + 1));
    const LoadResult r = deck.load();
    CHECK_FALSE(r.deck);
    EXPECT_ERROR(r, deck.path("slides/deck.toml"), 3, 10,
                 "'closed' holds 367 dates and ranges; at most 366 are allowed",
                 "write days in a row as one range");
}

TEST_CASE("schedule keys: contradictions and a week without opening are warnings") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[opening_hours]\nclosed = [2026-12-25]\n");
    deck.write("slides/a.toml", R"([[slide]]
title = "A"
from = 2026-12-24
until = 2026-12-20

[[slide]]
title = "B"
days = []
)");
    const LoadResult r = deck.load();
    REQUIRE(r.deck);
    const std::string p = deck.path("slides/a.toml");
    EXPECT_WARNING(r, p, 4, 9, "never shown: 'until' is not after 'from'", "");
    EXPECT_WARNING(r, p, 8, 8, "never shown: 'days' is empty", "");
    EXPECT_WARNING(r, deck.path("slides/deck.toml"), 1, 1, "opens on no day", "mon =");
}
