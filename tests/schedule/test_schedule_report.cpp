// Tests for schedule_report: the --schedule text, day by day, and the --check schedule warnings.
#include "schedule/schedule_report.hpp"

#include "schedule/announcement_slides.hpp"
#include "support/schedule_test_util.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace affiche;
using namespace affiche::test;

namespace {

Deck practice_deck() {
    Slide welcome = slide_named("welcome");
    Slide morning = slide_named("morning");
    morning.schedule.hours = {range("08:30-12:30")};
    Deck d = deck_of({welcome, morning});
    d.opening_hours.set = true;
    d.opening_hours.week[0] = {range("08:30-12:30"), range("14:00-18:30")};
    d.opening_hours.week[3] = {range("08:30-18:30")};
    d.opening_hours.closed = {{day("2026-12-25"), day("2026-12-25")}};
    return d;
}

// The report as first written: every slide evaluated at every boundary of the day (slides x
// boundaries, so slow when each slide has boundaries of its own, but plainly right). The sweep
// of schedule_report must print exactly the same text.
std::string reference_report(const Deck& deck, LocalDay first_day, int days) {
    auto clock = [](LocalDay day, UnixTime t) {
        const LocalStamp s = local_stamp(t);
        return s.day > day ? std::string("24:00") : format_hhmm(s.second);
    };
    auto stretch = [&](UnixTime t) {
        if (!screen_on(deck.opening_hours, t)) {
            return "off  " + screen_off_reason(deck.opening_hours, t);
        }
        std::string ids;
        bool regular = false;
        for (int p : eligible_positions(deck, t)) {
            const Slide& s = deck.shown(p);
            ids += (ids.empty() ? "" : ", ") + s.id;
            regular = regular || (!s.fallback && slide_eligible(s, t));
        }
        if (!regular) ids += " (fallback: no other slide is scheduled)";
        return "on   " + ids;
    };
    std::string out = deck.opening_hours.set
                          ? ""
                          : "No opening hours set in deck.toml: the screen is always on.\n";
    for (LocalDay day = first_day; day < first_day + days; ++day) {
        out += "\n" + std::string(day_name(weekday_of(day))) + " " + format_date(day) + "\n";
        const UnixTime day_end = to_unix(day + 1, 0);
        UnixTime begin = to_unix(day, 0);
        std::string current = stretch(begin);
        auto print = [&](UnixTime end) {
            out += "  " + clock(day, begin) + "-" + clock(day, end) + "  " + current + "\n";
        };
        for (const UnixTime t : schedule_boundaries(deck, begin, day_end)) {
            std::string next = stretch(t);
            if (next == current) continue;
            print(t);
            begin = t;
            current = std::move(next);
        }
        print(day_end);
    }
    return out;
}

// A deck of a few slides with random hours (some past midnight), days, from and until, fallback
// slides, opening hours with closed dates, and an announcement slide, around first_day.
Deck random_deck(std::mt19937& random, LocalDay first_day) {
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    auto hhmm = [](int minutes) {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
        return std::string(text);
    };
    auto random_range = [&] {
        const int start = pick(96) * 15;
        int end = pick(97) * 15;
        if (end == start) end = (start + 60) % 1440;
        return range(hhmm(start) + "-" + hhmm(end));
    };
    auto stamp = [&] { return LocalStamp{first_day - 1 + pick(7), pick(96) * 900}; };
    std::vector<Slide> slides;
    const int n = 1 + pick(10);
    for (int i = 0; i < n; ++i) {
        Slide s = slide_named("s" + std::to_string(i));
        s.fallback = pick(6) == 0;
        for (int k = pick(4); k > 0; --k)
            s.schedule.hours.push_back(random_range());
        if (pick(2)) s.schedule.days = static_cast<std::uint8_t>(pick(128));
        if (pick(4) == 0) s.schedule.from = stamp();
        if (pick(4) == 0) s.schedule.until = stamp();
        slides.push_back(s);
    }
    Deck d = deck_of(slides);
    if (pick(3) != 0) {
        d.opening_hours.set = true;
        for (auto& ranges : d.opening_hours.week) {
            for (int k = pick(3); k > 0; --k)
                ranges.push_back(random_range());
        }
        for (int k = pick(3); k > 0; --k) {
            const LocalDay from = first_day - 1 + pick(7);
            d.opening_hours.closed.push_back({from, from + pick(2)});
        }
    }
    if (pick(3) == 0) {
        Announcement a;
        a.text = "annonce";
        a.style = AnnouncementStyle::slide;
        if (pick(2)) a.from = stamp();
        a.until = stamp();
        d.announcement = a;
        insert_announcement_slots(d);
    }
    return d;
}

} // namespace

TEST_CASE("schedule report: the sweep prints what evaluating every slide at every boundary does") {
    ZoneForTest zone;
    std::mt19937 random(16);
    // Weeks around both daylight-saving changes, and an ordinary one.
    for (const char* first : {"2026-03-26", "2026-10-22", "2026-12-17"}) {
        for (int i = 0; i < 60; ++i) {
            const Deck d = random_deck(random, day(first));
            CAPTURE(first);
            CAPTURE(i);
            CHECK(schedule_report(d, day(first), 5) == reference_report(d, day(first), 5));
        }
    }
}

TEST_CASE("schedule report: eligible spans hold exactly where slide_eligible does") {
    ZoneForTest zone;
    Slide s = slide_named("s");
    s.schedule.hours = {range("01:00-04:00"), range("22:00-02:30"), range("03:30-05:00")};
    s.schedule.days = 0b0100001; // Monday and Saturday (2026-03-28): the wrap reaches Sunday
    s.schedule.until = LocalStamp{day("2026-03-30"), 4 * 3600 + 15 * 60};
    for (const char* text : {"2026-03-28", "2026-03-29", "2026-03-30", "2026-10-25"}) {
        const LocalDay d = day(text);
        const std::vector<TimeSpan> spans = eligible_spans(s, d);
        for (UnixTime t = to_unix(d, 0); t < to_unix(d + 1, 0); t += 60) {
            const bool in = std::any_of(spans.begin(), spans.end(), [&](const TimeSpan& span) {
                return span.begin <= t && t < span.end;
            });
            CAPTURE(text);
            CAPTURE(t);
            CHECK(in == slide_eligible(s, t));
        }
        for (std::size_t i = 1; i < spans.size(); ++i)
            CHECK(spans[i - 1].end < spans[i].begin); // disjoint, not touching
    }
}

TEST_CASE("schedule report: opening hours, several ranges, closed day and date") {
    ZoneForTest zone;
    const std::string text = schedule_report(practice_deck(), day("2026-12-21"), 5);
    CHECK(text == R"(
Monday 2026-12-21
  00:00-08:30  off  closed
  08:30-12:30  on   welcome, morning
  12:30-14:00  off  closed
  14:00-18:30  on   welcome
  18:30-24:00  off  closed

Tuesday 2026-12-22
  00:00-24:00  off  closed: Tuesday

Wednesday 2026-12-23
  00:00-24:00  off  closed: Wednesday

Thursday 2026-12-24
  00:00-08:30  off  closed
  08:30-12:30  on   welcome, morning
  12:30-18:30  on   welcome
  18:30-24:00  off  closed

Friday 2026-12-25
  00:00-24:00  off  closed date 2026-12-25
)");
}

TEST_CASE("schedule report: no opening hours, an empty window and the fallback, a DST day") {
    ZoneForTest zone;
    Slide morning = slide_named("morning");
    morning.schedule.hours = {range("01:00-04:00")};
    Slide calm = slide_named("calm");
    calm.fallback = true;
    const std::string text = schedule_report(deck_of({morning, calm}), day("2026-03-29"), 1);
    CHECK(text == R"(No opening hours set in deck.toml: the screen is always on.

Sunday 2026-03-29
  00:00-01:00  on   calm (fallback: no other slide is scheduled)
  01:00-04:00  on   morning
  04:00-24:00  on   calm (fallback: no other slide is scheduled)
)");
}

TEST_CASE("schedule warnings: until past, never within opening hours") {
    ZoneForTest zone;
    Deck d = practice_deck();
    Slide old = slide_named("old");
    old.schedule.until = LocalStamp{day("2026-12-01"), 0};
    old.schedule.until_loc = SourceLoc{"slides/a.toml", 4, 9};
    Slide night = slide_named("night");
    night.schedule.hours = {range("20:00-23:00")};
    night.schedule.loc = SourceLoc{"slides/a.toml", 9, 9};
    Slide sunday = slide_named("sunday");
    sunday.schedule.days = 64;
    sunday.loc = SourceLoc{"slides/a.toml", 12, 1};
    Slide christmas = slide_named("christmas"); // only on a closed date
    christmas.schedule.from = LocalStamp{day("2026-12-25"), 0};
    christmas.schedule.until = LocalStamp{day("2026-12-26"), 0};
    Slide fine = slide_named("fine"); // Thursday afternoon exists
    fine.schedule.days = 8;
    fine.schedule.hours = {range("13:00-14:00")};
    for (const Slide& s : {old, night, sunday, christmas, fine}) {
        d.slides.push_back(s);
        d.play_order.push_back(static_cast<int>(d.slides.size()) - 1);
    }
    const Diagnostics ds = schedule_warnings(d, at("2026-12-20 10:00"));
    std::string all;
    for (const auto& x : ds)
        all += format_diagnostic(x) + "\n";
    INFO(all);
    REQUIRE(ds.size() == 4);
    CHECK(format_diagnostic(ds[0]).find("slides/a.toml:4:9: warning: slide 'old' will never "
                                        "show again") == 0);
    CHECK(format_diagnostic(ds[1]).find("slides/a.toml:9:9: warning: slide 'night' never shows") ==
          0);
    CHECK(ds[2].message.find("slide 'sunday' never shows") == 0);
    CHECK(ds[2].loc.line == 12);
    CHECK(ds[3].message.find("slide 'christmas' never shows") == 0);
    // Without opening hours only the past until counts.
    d.opening_hours = OpeningHours{};
    CHECK(schedule_warnings(d, at("2026-12-20 10:00")).size() == 1);
}
