// When the screen is on and which slides are eligible at a given time: the deck's opening hours
// and each slide's from/until/days/hours. Pure: the time is passed in, local time comes from the
// process's time zone through localtime_r / mktime, so daylight-saving changes are the C library's.
#pragma once

#include "base/local_time.hpp"
#include "deck/deck.hpp"

#include <optional>
#include <string>
#include <vector>

namespace affiche {

// Whether the deck's opening hours (deck.toml) say the screen is on at t, why, and when that next
// changes.
struct ScreenState {
    bool on = true;
    // "open until 18:30", "closed: Sunday", "closed date 2026-12-25", "no opening hours set"
    std::string reason;
    UnixTime next_change = 0; // 0 = never
};

ScreenState screen_state(const Deck& deck, UnixTime t);
// The state to apply when the wall clock may be wrong (a Pi has no clock of its own: until
// timesyncd has set it, the time may be the last saved one, hours or days old): never off, since
// the schedule would guess; the reason says so, on or off. Unchanged once clock_synced.
ScreenState unless_clock_unsynced(ScreenState s, bool clock_synced);
// Whether the deck's announcement shows at t: from its `from` (or at once) to its `until`,
// excluded, with the screen on (screen_state decides that: nothing shows while it is off).
bool announcement_active(const Deck& deck, UnixTime t);
// Whether a slide's own conditions (from/until/days/hours) hold at t.
bool slide_eligible(const Slide& slide, UnixTime t);
// Positions in deck.play_order shown at t (the fallback slides alone when none is eligible, else
// the opening slide); never empty if the deck has slides. While the announcement is active, its
// slide's slots (announcement_slides.hpp) follow every announcement_slide_every-th of them and
// the last one; otherwise no slot is eligible.
std::vector<int> eligible_positions(const Deck& deck, UnixTime t);
// The next time after t when screen_state, any slide's eligibility or the announcement may change
// (0 = never): the player wakes then. It may be a time where nothing changes after all (a midnight,
// say).
UnixTime next_schedule_change(const Deck& deck, UnixTime t);

// Whether the opening hours say the screen is on at t (screen_state without the reason).
bool screen_on(const OpeningHours& hours, UnixTime t);

// Why the screen is off at t, without "until ..." (no search for the next change, so cheap):
// "closed date 2026-12-25", "closed: Sunday", "closed".
std::string screen_off_reason(const OpeningHours& hours, UnixTime t);

// Every time in (from, to) where the screen or a slide may change, sorted; to - from is at most
// a week (a longer span is cut there).
std::vector<UnixTime> schedule_boundaries(const Deck& deck, UnixTime from, UnixTime to);

// The same without the slides' own times: where the opening hours, a closed date or the
// announcement may change something.
std::vector<UnixTime> deck_boundaries(const Deck& deck, UnixTime from, UnixTime to);

// A stretch of time: from begin (included) to end (excluded), Unix seconds.
struct TimeSpan {
    UnixTime begin = 0;
    UnixTime end = 0;
};

// The stretches of the local day `day` (its midnight to the next) in which slide_eligible(slide,
// t) holds, sorted, disjoint and not touching. Its ranges are looked at once, so a day of
// `--schedule` costs each slide once rather than once per boundary of every other slide.
std::vector<TimeSpan> eligible_spans(const Slide& slide, LocalDay day);

// The closed date range holding day, if any (the last day of the longest such range).
std::optional<LocalDay> closed_through(const OpeningHours& hours, LocalDay day);

} // namespace affiche
