// Places a slide on a screen of a given size: safe area, image box, auto-fitted text, and the
// overlays (footer, position dots, clock, progress bar), producing DrawLists in pixels.
#pragma once

#include "core/burn_in.hpp"
#include "core/deck.hpp"
#include "core/draw_list.hpp"
#include "core/text_layout.hpp"

#include <optional>
#include <string_view>

namespace affiche {

struct SlideLayout {
    DrawList list;  // background, image, text and the static overlays (footer, dots)
    Rect safe_area; // nothing but a background image is drawn outside it
    Rect text_box;  // all text of the slide lies inside
    Rect image_box; // where the image is drawn (w = 0 when none)
    int body_size_px = 0;
    int cap_height_px = 0;
    bool readable = true; // body capital height >= theme.min_cap_height * screen height
};

// Lays out deck.slides[deck.play_order[play_index]]. image_size is the image's pixel size, or
// nullopt when the slide has no image or it cannot be shown (the slide is laid out without it).
// overlay_shift: the burn-in offset of the footer and dots (burn_in_shift at the slide's start).
SlideLayout layout_slide(const Deck& deck, int play_index, Size screen, const TextMeasurer& m,
                         std::optional<Size> image_size, BurnInShift overlay_shift = {});

// The parts that change while a slide shows: the clock text ("" = none) and the progress bar,
// shifted like the slide's footer.
DrawList layout_live_overlays(const Deck& deck, Size screen, const TextMeasurer& m,
                              std::string_view clock_text, double progress,
                              BurnInShift overlay_shift = {});

// The rectangle that layout_live_overlays draws in at any burn-in shift (empty when the deck has
// neither clock nor progress bar): redrawing the overlays only needs this part of the slide.
Rect live_overlays_area(const Deck& deck, Size screen, const TextMeasurer& m);

} // namespace affiche
