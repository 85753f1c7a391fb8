// Places a slide on a screen of a given size: safe area, image box, auto-fitted text, and the
// overlays (footer, position dots, clock, progress bar), producing DrawLists in pixels.
#pragma once

#include "deck/deck.hpp"
#include "layout/burn_in.hpp"
#include "layout/draw_list.hpp"
#include "text/text_layout.hpp"

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
    Rect band;            // the announcement band as drawn (w = 0 when none)
    int band_cap_height_px = 0;
};

// Lays out deck.slides[deck.play_order[play_index]]. image_size is the image's pixel size, or
// nullopt when the slide has no image or it cannot be shown (the slide is laid out without it).
// overlay_shift: the burn-in offset of the footer and dots (burn_in_shift at the slide's start).
// band_text: the announcement shown as a band (announcement_band.hpp), "" for none; the slide's
// content then ends above it, so the band never covers the title or any text of the slide.
SlideLayout layout_slide(const Deck& deck, int play_index, Size screen, const TextMeasurer& m,
                         std::optional<Size> image_size, BurnInShift overlay_shift = {},
                         std::string_view band_text = {});

} // namespace affiche
