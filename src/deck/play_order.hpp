// Which slides play, and in what order: enabled slides of the deck's languages, by language order.
#pragma once

#include "deck/deck.hpp"

#include <vector>

namespace affiche {

// Indices into slides: every enabled slide of each language in settings.languages, language by
// language ("deck"), or all of them in file order ("interleave").
std::vector<int> compute_play_order(const std::vector<Slide>& slides, const DeckSettings& settings);

} // namespace affiche
