// The announcement band: the announcement's text on a band of colour over every slide, at the
// bottom above the footer, readable from 4 m and drifting with the overlays against burn-in.
#pragma once

#include "base/color.hpp"
#include "deck/deck.hpp"
#include "layout/burn_in.hpp"
#include "layout/draw_list.hpp"
#include "text/text_layout.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace affiche {

// Capitals at least this fraction of the screen height: readable from 4 m on a 43" screen.
inline constexpr double band_cap_height = 0.04;
// The height that fraction is of: the TV's height as it is usually hung, landscape, so the short
// side. A TV turned to portrait keeps its physical size: 4 % of its long side would make letters
// 1.8 times as tall as the same TV's in landscape, and break words like "exceptionnellement".
inline int band_cap_basis(Size screen) {
    return std::min(screen.w, screen.h);
}
// WCAG AAA for the band's text on its fill.
inline constexpr double band_min_contrast = 7.0;

struct BandColors {
    Color fill;
    Color text;
};

// The band's colours, from the theme: the first fill (accent, text, muted) unlike the slides'
// background with a text colour (background, text, black, white) at band_min_contrast or more;
// white on black when the theme has no such pair.
BandColors band_colors(const Theme& theme);

// The band laid out at rest (no burn-in shift).
struct AnnouncementBand {
    Rect rect; // at rest; at a shift it moves by the shift, like the footer
    FontSpec font;
    int cap_height_px = 0;
    int pad_x = 0;
    int pad_y = 0;
    Paragraph text; // its lines, centred in the band
    int ascent = 0; // px from a line's top to its baseline: the capitals centred in the line
    BandColors colors;
    // The slide's content ends at or above this y: clear of the band at every burn-in offset,
    // with the overlay gap between them.
    int content_bottom = 0;
};

// The band for text on a slide in language lang (whose footer row it sits above), or nullopt
// for an empty text. It spans the overlays' width; its font is the smallest bold size whose
// capitals reach band_cap_height of band_cap_basis(screen); it grows a line at a time upwards. Its
// rect stays inside the safe area at any shift within the burn-in margin (a text too long for
// the room keeps the lines that fit).
std::optional<AnnouncementBand> plan_band(const Deck& deck, std::string_view text, Size screen,
                                          const TextMeasurer& m, std::string_view lang = {});

// The band's rect at a burn-in shift.
Rect band_rect(const AnnouncementBand& band, BurnInShift shift);

// Draws the band and its text at shift.
void emit_band(DrawList& out, const AnnouncementBand& band, BurnInShift shift,
               const TextMeasurer& m);

} // namespace affiche
