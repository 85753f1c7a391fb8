// Burn-in care: where the static overlays (footer, clock, dots, progress bar) sit at a given time,
// a few pixels off their rest position along a slow path, so no pixel holds the same edge all day.
#pragma once

#include "base/geometry.hpp"
#include "deck/deck.hpp"

#include <cstdint>

namespace affiche {

// Offset from the rest position, px (+x right, +y down).
struct BurnInShift {
    int dx = 0;
    int dy = 0;
    bool operator==(const BurnInShift&) const = default;
};

// The largest offset on each axis, px: 0 when burn-in care is off. The overlays are laid out this
// far inside the safe area, so any shift keeps them in it.
int burn_in_margin(const BurnInSettings& s);

// The offset at unix_s (wall-clock seconds): one step every step_minutes, each step moving one
// pixel on one axis, within +-margin: x sweeps from edge to edge and y moves one pixel at the end
// of each sweep, so the path covers the whole square (at 4 px every 3 minutes: in 7.2 hours).
// {0, 0} when off.
BurnInShift burn_in_shift(const BurnInSettings& s, std::int64_t unix_s);

// The area the overlays are laid out in: safe_area shrunk by the margin on every side, then moved
// by shift. Inside safe_area whenever |dx|, |dy| <= margin.
Rect burn_in_area(Rect safe_area, const BurnInSettings& s, BurnInShift shift);

} // namespace affiche
