// Tests for schedule: slide conditions, opening hours, the fallback and DST, in Europe/Paris.
#include "schedule/schedule.hpp"

#include "support/schedule_test_util.hpp"

#include <doctest/doctest.h>

using namespace affiche;
using namespace affiche::test;

namespace {

constexpr std::uint8_t mon = 1, tue = 2, wed = 4, thu = 8, fri = 16, sat = 32, sun = 64;

// Seconds in [from, to) when the slide is eligible, sampled every minute.
int eligible_minutes(const Slide& s, UnixTime from, UnixTime to) {
    int minutes = 0;
    for (UnixTime t = from; t < to; t += 60)
        minutes += slide_eligible(s, t) ? 1 : 0;
    return minutes;
}

OpeningHours practice_week() {
    OpeningHours h;
    h.set = true;
    for (int d = 0; d < 5; ++d)
        h.week[static_cast<std::size_t>(d)] = {range("08:30-12:30"), range("14:00-18:30")};
    h.week[5] = {range("09:00-12:00")};
    return h;
}

} // namespace

TEST_CASE("schedule: a slide without conditions is always eligible") {
    ZoneForTest zone;
    const Slide s = slide_named("a");
    CHECK(slide_eligible(s, at("2026-12-24 03:00")));
    CHECK(slide_eligible(s, at("2030-01-01 00:00")));
    CHECK(next_schedule_change(deck_of({s}), at("2026-12-24 03:00")) == 0);
}

TEST_CASE("schedule: weekdays") {
    ZoneForTest zone;
    Slide s = slide_named("a");
    s.schedule.days = mon | wed;
    CHECK(slide_eligible(s, at("2026-11-30 00:00")));       // Monday
    CHECK(slide_eligible(s, at("2026-11-30 23:59")));       // Monday
    CHECK_FALSE(slide_eligible(s, at("2026-12-01 10:00"))); // Tuesday
    CHECK(slide_eligible(s, at("2026-12-02 10:00")));       // Wednesday
    CHECK_FALSE(slide_eligible(s, at("2026-12-06 10:00"))); // Sunday
    // Days without hours change at midnights.
    CHECK(next_schedule_change(deck_of({s}), at("2026-11-30 10:00")) == at("2026-12-01 00:00"));
}

TEST_CASE("schedule: hours, several ranges, and a range past midnight belongs to its first day") {
    ZoneForTest zone;
    Slide s = slide_named("a");
    s.schedule.hours = {range("08:00-12:30"), range("14:00-15:00")};
    CHECK_FALSE(slide_eligible(s, at("2026-12-24 07:59")));
    CHECK(slide_eligible(s, at("2026-12-24 08:00")));
    CHECK(slide_eligible(s, at("2026-12-24 12:29")));
    CHECK_FALSE(slide_eligible(s, at("2026-12-24 12:30"))); // the end is excluded
    CHECK(slide_eligible(s, at("2026-12-24 14:30")));
    CHECK(next_schedule_change(deck_of({s}), at("2026-12-24 12:45")) == at("2026-12-24 14:00"));

    Slide night = slide_named("night");
    night.schedule.days = fri;
    night.schedule.hours = {range("22:00-02:00")};
    CHECK(slide_eligible(night, at("2026-12-25 23:00")));       // Friday night
    CHECK(slide_eligible(night, at("2026-12-26 01:59")));       // Saturday, from Friday's range
    CHECK_FALSE(slide_eligible(night, at("2026-12-26 02:00"))); // the end is excluded
    CHECK_FALSE(slide_eligible(night, at("2026-12-26 23:00"))); // Saturday's own night: no
    CHECK_FALSE(slide_eligible(night, at("2026-12-25 01:00"))); // Thursday's range: no
    CHECK(next_schedule_change(deck_of({night}), at("2026-12-26 01:00")) == at("2026-12-26 02:00"));
}

TEST_CASE("schedule: from and until, an until date lasting through its day") {
    ZoneForTest zone;
    Slide s = slide_named("notice");
    s.schedule.from = LocalStamp{day("2026-12-21"), 0};
    s.schedule.until = LocalStamp{day("2026-12-24") + 1, 0}; // until = 2026-12-24
    CHECK_FALSE(slide_eligible(s, at("2026-12-20 23:59")));
    CHECK(slide_eligible(s, at("2026-12-21 00:00")));
    CHECK(slide_eligible(s, at("2026-12-24 23:59")));
    CHECK_FALSE(slide_eligible(s, at("2026-12-25 00:00")));
    const Deck d = deck_of({s});
    CHECK(next_schedule_change(d, at("2026-12-01 10:00")) == at("2026-12-21 00:00"));
    CHECK(next_schedule_change(d, at("2026-12-22 10:00")) == at("2026-12-25 00:00"));
    CHECK(next_schedule_change(d, at("2026-12-26 10:00")) == 0);

    Slide evening = slide_named("evening");
    evening.schedule.until = LocalStamp{day("2026-12-24"), 18 * 3600}; // until = 2026-12-24T18:00
    CHECK(slide_eligible(evening, at("2026-12-24 17:59")));
    CHECK_FALSE(slide_eligible(evening, at("2026-12-24 18:00")));
}

TEST_CASE("schedule: all conditions must hold together") {
    ZoneForTest zone;
    Slide s = slide_named("a");
    s.schedule.from = LocalStamp{day("2026-12-01"), 0};
    s.schedule.days = tue | thu;
    s.schedule.hours = {range("08:00-10:00")};
    CHECK(slide_eligible(s, at("2026-12-24 09:00")));       // Thursday, in hours, after from
    CHECK_FALSE(slide_eligible(s, at("2026-12-24 11:00"))); // out of hours
    CHECK_FALSE(slide_eligible(s, at("2026-12-25 09:00"))); // Friday
    CHECK_FALSE(slide_eligible(s, at("2026-11-26 09:00"))); // Thursday before from
}

TEST_CASE("schedule: an unsynchronised clock never switches the screen off") {
    ZoneForTest zone;
    Deck d = deck_of({slide_named("a")});
    d.opening_hours = practice_week();
    const ScreenState closed = screen_state(d, at("2026-12-24 13:00"));
    REQUIRE_FALSE(closed.on);
    const ScreenState held = unless_clock_unsynced(closed, false);
    CHECK(held.on);
    CHECK(held.reason ==
          "clock not synchronised yet: the screen stays on (the schedule says closed until 14:00)");
    CHECK(held.next_change == closed.next_change);
    // Synchronised: the schedule decides.
    CHECK_FALSE(unless_clock_unsynced(closed, true).on);
    CHECK(unless_clock_unsynced(closed, true).reason == "closed until 14:00");
    // On anyway: the status still tells the clock is not trusted yet.
    const ScreenState open = screen_state(d, at("2026-12-24 09:00"));
    CHECK(unless_clock_unsynced(open, false).on);
    CHECK(unless_clock_unsynced(open, false).reason ==
          "open until 12:30 (clock not synchronised yet)");
    CHECK(unless_clock_unsynced(open, true).reason == "open until 12:30");
}

TEST_CASE("schedule: opening hours, several ranges a day, closed days and closed dates") {
    ZoneForTest zone;
    Deck d = deck_of({slide_named("a")});
    CHECK(screen_state(d, at("2026-12-24 03:00")).on);
    CHECK(screen_state(d, at("2026-12-24 03:00")).reason == "no opening hours set");
    CHECK(screen_state(d, at("2026-12-24 03:00")).next_change == 0);

    d.opening_hours = practice_week();
    d.opening_hours.closed = {{day("2026-12-25"), day("2026-12-25")},
                              {day("2026-12-28"), day("2026-12-30")}};
    ScreenState s = screen_state(d, at("2026-12-24 09:00"));
    CHECK(s.on);
    CHECK(s.reason == "open until 12:30");
    CHECK(s.next_change == at("2026-12-24 12:30"));
    s = screen_state(d, at("2026-12-24 13:00"));
    CHECK_FALSE(s.on);
    CHECK(s.reason == "closed until 14:00");
    CHECK(s.next_change == at("2026-12-24 14:00"));
    s = screen_state(d, at("2026-12-24 19:00"));
    CHECK_FALSE(s.on);
    // Friday 25 is a closed date: the next opening is Saturday morning.
    CHECK(s.next_change == at("2026-12-26 09:00"));
    CHECK(s.reason == "closed until Saturday 09:00");
    s = screen_state(d, at("2026-12-25 10:00"));
    CHECK_FALSE(s.on);
    CHECK(s.reason == "closed date 2026-12-25");
    s = screen_state(d, at("2026-12-27 10:00"));
    CHECK_FALSE(s.on);
    CHECK(s.reason == "closed: Sunday");
    // Monday 28 to Wednesday 30 closed: Thursday 31 opens.
    CHECK(s.next_change == at("2026-12-31 08:30"));
    CHECK_FALSE(screen_state(d, at("2026-12-29 10:00")).on);
    CHECK(screen_state(d, at("2026-12-31 10:00")).on);
}

TEST_CASE("schedule: opening hours past midnight and a week with no opening") {
    ZoneForTest zone;
    Deck d = deck_of({slide_named("a")});
    d.opening_hours.set = true;
    d.opening_hours.week[4] = {range("18:00-01:00")}; // Friday evening into Saturday
    CHECK(screen_on(d.opening_hours, at("2026-12-26 00:30")));
    CHECK_FALSE(screen_on(d.opening_hours, at("2026-12-26 01:00")));
    CHECK_FALSE(screen_on(d.opening_hours, at("2026-12-27 00:30")));
    const ScreenState s = screen_state(d, at("2026-12-25 20:00"));
    CHECK(s.on);
    CHECK(s.reason == "open until Saturday 01:00");
    d.opening_hours.week[4].clear();
    const ScreenState never = screen_state(d, at("2026-12-25 20:00"));
    CHECK_FALSE(never.on);
    CHECK(never.next_change == 0);
}

TEST_CASE("schedule: the fallback when no slide is eligible") {
    ZoneForTest zone;
    Slide morning = slide_named("morning");
    morning.schedule.hours = {range("08:00-12:00")};
    Slide afternoon = slide_named("afternoon");
    afternoon.schedule.hours = {range("14:00-18:00")};
    Slide calm = slide_named("calm");
    calm.fallback = true;
    Deck d = deck_of({morning, afternoon, calm});
    CHECK(eligible_positions(d, at("2026-12-24 09:00")) == std::vector<int>{0});
    CHECK(eligible_positions(d, at("2026-12-24 15:00")) == std::vector<int>{1});
    CHECK(eligible_positions(d, at("2026-12-24 13:00")) == std::vector<int>{2});
    // Without a marked fallback, the deck's opening slide, whatever its own conditions.
    d = deck_of({morning, afternoon});
    CHECK(eligible_positions(d, at("2026-12-24 13:00")) == std::vector<int>{0});
    // Positions follow the play order, not the file order.
    Deck reordered = deck_of({morning, slide_named("always"), afternoon});
    reordered.play_order = {2, 1};
    CHECK(eligible_positions(reordered, at("2026-12-24 15:00")) == std::vector<int>{0, 1});
    CHECK(eligible_positions(reordered, at("2026-12-24 09:00")) == std::vector<int>{1});
    CHECK(eligible_positions(deck_of({}), at("2026-12-24 09:00")).empty());
}

TEST_CASE("schedule: March DST, a range reaching into the missing hour keeps what exists") {
    ZoneForTest zone;
    Slide s = slide_named("a");
    s.schedule.hours = {range("01:00-04:00")};
    // 01:00 CET to 04:00 CEST is two real hours that night, three the night before.
    CHECK(eligible_minutes(s, at("2026-03-29 00:00"), at("2026-03-29 06:00")) == 120);
    CHECK(eligible_minutes(s, at("2026-03-28 00:00"), at("2026-03-28 06:00")) == 180);
    Slide in_gap = slide_named("gap");
    in_gap.schedule.hours = {range("02:30-03:30")};
    // 02:30 does not exist: the range starts at the jump (03:00 CEST), half an hour.
    CHECK(eligible_minutes(in_gap, at("2026-03-29 00:00"), at("2026-03-29 06:00")) == 30);
    CHECK(slide_eligible(in_gap, at("2026-03-29 03:00")));
    Slide inside = slide_named("inside");
    inside.schedule.hours = {range("02:00-03:00")}; // entirely in the missing hour
    CHECK(eligible_minutes(inside, at("2026-03-29 00:00"), at("2026-03-29 06:00")) == 0);
    CHECK(eligible_minutes(inside, at("2026-03-30 00:00"), at("2026-03-30 06:00")) == 60);
    // Opening hours keep their wall-clock times on the short day.
    Deck d = deck_of({s});
    d.opening_hours.set = true;
    d.opening_hours.week[6] = {range("08:00-18:00")};
    const ScreenState before = screen_state(d, at("2026-03-29 01:00"));
    CHECK_FALSE(before.on);
    CHECK(before.next_change == at("2026-03-29 08:00"));
    CHECK(before.next_change - at("2026-03-29 01:00") == 6 * 3600); // an hour less than usual
    CHECK(next_schedule_change(d, at("2026-03-29 01:30")) == at("2026-03-29 04:00"));
}

TEST_CASE("schedule: October DST, the repeated hour is never shown twice") {
    ZoneForTest zone;
    Slide s = slide_named("a");
    s.schedule.hours = {range("02:00-02:30")};
    // One interval of 30 minutes, though the wall clock shows 02:00-02:30 twice.
    CHECK(eligible_minutes(s, at("2026-10-25 00:00"), at("2026-10-25 06:00")) == 30);
    Slide wide = slide_named("wide");
    wide.schedule.hours = {range("01:00-04:00")};
    // The long night: 01:00 CEST to 04:00 CET is four real hours, one continuous interval.
    CHECK(eligible_minutes(wide, at("2026-10-25 00:00"), at("2026-10-25 06:00")) == 240);
    int switches = 0;
    bool was = false;
    for (UnixTime t = at("2026-10-25 00:00"); t < at("2026-10-25 06:00"); t += 60) {
        const bool now = slide_eligible(wide, t);
        switches += now != was ? 1 : 0;
        was = now;
    }
    CHECK(switches == 2);
    // Boundaries walk forward strictly through the night, each once.
    const Deck d = deck_of({s, wide});
    std::vector<UnixTime> seen;
    for (UnixTime t = at("2026-10-24 23:00"); seen.size() < 20;) {
        t = next_schedule_change(d, t);
        if (t == 0 || t >= at("2026-10-25 06:00")) break;
        seen.push_back(t);
    }
    const std::vector<UnixTime> expected = {at("2026-10-25 00:00"), at("2026-10-25 01:00"),
                                            at("2026-10-25 02:00"), at("2026-10-25 02:30"),
                                            at("2026-10-25 00:00") + 5 * 3600}; // 04:00 CET
    CHECK(seen == expected);
}
