// The announcement's rules that depend on the time now: `until` at most 7 days ahead, `until` past.
#pragma once

#include "base/error.hpp"
#include "base/local_time.hpp"
#include "deck/deck.hpp"

namespace affiche {

// At local moment now: an error when `until` is more than max_announcement_days after now, a
// warning when it is past (the announcement will not show again). Run by check_deck (--check,
// publish, pull, studio), not by the player's reload: a Pi that boots with a clock days behind
// must still play its deck.
Diagnostics announcement_date_problems(const Announcement& a, LocalStamp now);

} // namespace affiche
