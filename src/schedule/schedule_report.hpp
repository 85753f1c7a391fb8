// The schedule seen ahead of time: the plain-text week of `affiche --schedule`, and the warnings
// `affiche --check` gives about slides that will never show.
#pragma once

#include "base/error.hpp"
#include "base/local_time.hpp"
#include "deck/deck.hpp"

#include <string>

namespace affiche {

// Day by day from local midnight of first_day: each stretch of time with the screen off (and
// why) or on (and which slide ids play, in play order). A line per stretch, e.g.
// "  08:30-12:30  on   welcome, flu-shots".
std::string schedule_report(const Deck& deck, LocalDay first_day, int days);

// Slides whose `until` is past at now, and slides whose conditions never meet the opening hours.
Diagnostics schedule_warnings(const Deck& deck, UnixTime now);

} // namespace affiche
