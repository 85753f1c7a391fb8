// The announcement's own slide (style "slide"): one slot after each slide of the play order, of
// which the schedule uses one after every announcement_slide_every-th slide shown while it lasts.
#pragma once

#include "deck/deck.hpp"

#include <vector>

namespace affiche {

// Every this many slides shown, the announcement's slide: at 15 s a slide it returns every
// minute, and the deck keeps three quarters of the screen time.
inline constexpr int announcement_slide_every = 3;

// For a deck whose announcement has style "slide": appends its slide (the text as a title, centred
// like a poster, lasting the deck's default duration, in the deck's first language or in Arabic
// when the text is Arabic and the deck shows Arabic) and puts a slot for it after every position
// of the play order. Any other deck is left as it is. The player and --render call it on each
// deck they load; the files, --check and the studio never see the slots.
void insert_announcement_slots(Deck& deck);

// The positions shown (sorted, from eligible_positions) with the announcement slot after every
// announcement_slide_every-th of them and after the last one (so at least once a round).
std::vector<int> with_announcement_slots(const Deck& deck, const std::vector<int>& shown);

} // namespace affiche
