// deck.toml's [deck] and [overlays] tables: keys checked, values read over the defaults.
#pragma once

#include "deck/deck.hpp"
#include "toml/table_reader.hpp"

namespace affiche {

// Durations, transition, languages and their order; errors reported through r.
void read_deck_settings(const TableReader& r, DeckSettings& s);

// Which overlays show, and the footer's text (its length checked).
void read_overlays(const TableReader& r, Overlays& o);

} // namespace affiche
