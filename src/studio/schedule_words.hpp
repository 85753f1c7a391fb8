// A slide's schedule in plain French for the deck page: "du 20/12/2026 au 27/12/2026, le matin".
#pragma once

#include "deck/deck.hpp"

#include <string>

namespace affiche {

// "" when the slide always shows (no dates, days or hours).
std::string schedule_words(const SlideSchedule& schedule);

} // namespace affiche
