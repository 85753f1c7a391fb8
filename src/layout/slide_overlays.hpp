// The rows under a slide's content: footer, position dots, clock and progress bar, placed so that
// they never overlap, in pixels.
#pragma once

#include "deck/deck.hpp"
#include "layout/burn_in.hpp"
#include "layout/draw_list.hpp"
#include "text/text_layout.hpp"

#include <string_view>
#include <vector>

namespace affiche {

// The position dots: one per shown slide in play order, an extra gap between sections.
struct DotRow {
    std::vector<int> centres; // x of each dot's centre from the row's left edge, px; -1: none
    int width = 0;            // px, room for the current (bigger) dot at both ends included
};

// Where the rows under the content go: footer and clock on one row, the position dots between
// them or on a row of their own, and the progress bar at the bottom.
struct BottomRows {
    int text_px = 0;     // clock font size
    int footer_px = 0;   // footer font size: smaller when the footer text is long
    int row_h = 0;       // one overlay row's height
    int row_y = 0;       // top of the footer and clock row
    DotRow dots;         // empty unless the deck shows position dots
    int dots_x = 0;      // left edge of the dots
    int dots_cy = 0;     // centre line of the dots
    int total = 0;       // everything below the content, including the gap above
    int clear_above = 0; // px left free above the rows at their highest burn-in drift
    Rect area; // where the rows are laid out: the safe area less the burn-in margin, shifted
};

// shift: the burn-in offset of the moment (see burn_in.hpp); the rows stay in the safe area.
// lang: the language of the slide shown, whose footer text (Overlays::footer_for) is measured.
BottomRows bottom_rows(const Deck& deck, Size screen, const TextMeasurer& m, BurnInShift shift = {},
                       std::string_view lang = {});

// The footer text of the slides in language lang on the footer row, at the rows' area's start.
void emit_footer(DrawList& out, const Deck& deck, const BottomRows& rows, const TextMeasurer& m,
                 std::string_view lang = {});

// The position dots; the one at play_index bigger and in the accent colour.
void emit_dots(DrawList& out, const Deck& deck, int play_index, const BottomRows& rows,
               Size screen);

// The parts that change while a slide shows: the clock text ("" = none) and the progress bar,
// shifted like the slide's footer.
DrawList layout_live_overlays(const Deck& deck, Size screen, const TextMeasurer& m,
                              std::string_view clock_text, double progress,
                              BurnInShift overlay_shift = {});

// The rectangle that layout_live_overlays draws in at any burn-in shift (empty when the deck has
// neither clock nor progress bar): redrawing the overlays only needs this part of the slide.
Rect live_overlays_area(const Deck& deck, Size screen, const TextMeasurer& m);

} // namespace affiche
