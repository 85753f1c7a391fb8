// Tests for schedule_report: the --schedule text, day by day, and the --check schedule warnings.
#include "schedule/schedule_report.hpp"

#include "support/schedule_test_util.hpp"

#include <doctest/doctest.h>

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

} // namespace

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
