// The errors panel of the windowed preview: what is wrong in the edited files, drawn over the
// last good slide until the files are fixed. Laid out in pixels, the text measurer injected.
#pragma once

#include "layout/draw_list.hpp"
#include "text/text_layout.hpp"

#include <string>
#include <vector>

namespace affiche {

// The panel's colours: opaque, so drawing it again over itself leaves the same pixels (the
// software renderer keeps the screen's pixels between frames).
inline constexpr Color error_panel_fill{0x1C, 0x1C, 0x22, 255};
inline constexpr Color error_panel_stripe{0xE0, 0x4F, 0x3C, 255};
inline constexpr Color error_panel_header{0xFF, 0xD1, 0x66, 255};
inline constexpr Color error_panel_text{0xFF, 0xFF, 0xFF, 255};

// A panel across the top of the screen: a header saying how many errors there are and that the
// last good slides stay on screen, then each formatted diagnostic ("path:line:col: error:
// message (hint)") wrapped to the panel's width, as many as fit in the screen's height; a last
// line counts the ones left out. Nothing when errors is empty.
// header: the panel's first line instead of the count of errors (the Pi image's notice of a
// broken affiche.toml); "" = the count.
DrawList layout_error_overlay(const std::vector<std::string>& errors, Size screen,
                              const TextMeasurer& m, const std::string& header = {});

// The panel's rectangle in the list (its first item), or an empty one.
Rect error_overlay_area(const DrawList& list);

} // namespace affiche
