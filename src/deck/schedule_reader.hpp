// Reads and checks the schedule keys: a slide's from/until/days/hours/fallback, and deck.toml's
// [opening_hours], [screen] and [burn_in]; private to the deck loader (includes toml++).
#pragma once

#include "deck/deck.hpp"
#include "toml/table_reader.hpp"

#include <string_view>

namespace affiche {

namespace schedule_schema {
constexpr std::string_view schedule_keys[] = {"from", "until", "days", "hours"};
constexpr std::string_view opening_hours_keys[] = {"mon", "tue", "wed", "thu",
                                                   "fri", "sat", "sun", "closed"};
constexpr std::string_view screen_keys[] = {"cec", "dpms"};
constexpr std::string_view burn_in_keys[] = {"enabled", "amplitude", "step_minutes"};
constexpr std::string_view day_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
} // namespace schedule_schema

// The most time ranges one 'hours' key (or one day of [opening_hours]) may hold: docs say so too.
inline constexpr std::size_t max_time_ranges = 24;
// The most entries (dates or ranges) [opening_hours] closed may hold: a year of single dates.
// Every --check looks at each slide against them, so they are bounded like the hours.
inline constexpr std::size_t max_closed_entries = 366;

// A slide file's top-level from/until/days/hours: the defaults of its slides.
SlideSchedule read_file_schedule(const TableReader& r);
// A slide's schedule (defaults overridden key by key) and fallback mark, with warnings for
// conditions that can never hold together.
void read_slide_schedule(const TableReader& r, const SlideSchedule& defaults, Slide& s);
// deck.toml's [opening_hours], [screen] and [burn_in], read from the file's top-level table.
void read_deck_schedule(const TableReader& top, Deck& deck);

} // namespace affiche
