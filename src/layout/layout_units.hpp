// Screen units shared by the slide layout's parts: fractions of the screen turned into pixels.
#pragma once

#include "base/geometry.hpp"
#include "deck/deck.hpp"

#include <algorithm>
#include <cmath>

namespace affiche {

// Proportions, as fractions of the screen height (or of its short side for overlays).
inline constexpr double overlay_gap = 0.022; // space between the content and the overlay rows
inline constexpr int smallest_text_px = 6;   // text fitting never goes below this size, px

// fraction of total, rounded, never below 1 px.
inline int px(double fraction, int total) {
    return std::max(1, static_cast<int>(std::lround(fraction * total)));
}

// Overlay sizes follow the screen's short side, so a portrait screen gets the same overlay sizes
// as a landscape one.
inline int unit_of(Size screen) {
    return std::min(screen.w, screen.h);
}

// The TV-safe area: the theme's margin (a fraction of each side) all round.
inline Rect safe_area_of(const Theme& theme, Size screen) {
    const int mx = static_cast<int>(std::lround(theme.margin * screen.w));
    const int my = static_cast<int>(std::lround(theme.margin * screen.h));
    return {mx, my, screen.w - 2 * mx, screen.h - 2 * my};
}

} // namespace affiche
