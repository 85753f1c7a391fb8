// Renders one slide of a deck into a texture once, and draws the live overlays over it.
#pragma once

#include "deck/deck.hpp"
#include "layout/slide_layout.hpp"
#include "layout/slide_overlays.hpp"
#include "platform/draw_list_renderer.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"

#include <memory>
#include <string>

namespace affiche {

// Slides are opaque, so their pictures carry no alpha channel. It matters: SDL's software
// blitter for pixels with alpha loses a little brightness at each blend, which a crossfade of
// sixty steps over the screen's own pixels turns into a visible darkening; without alpha it
// blends exactly.
inline constexpr Uint32 slide_pixel_format = SDL_PIXELFORMAT_RGB888;

struct ComposedSlide {
    TexturePtr texture; // screen-sized, opaque
    SlideLayout layout;
    int play_index = -1;
};

class SlideComposer {
  public:
    SlideComposer(std::shared_ptr<const Deck> deck, const std::shared_ptr<const AssetBytes>& assets,
                  SDL_Renderer* renderer, Size screen, int max_texture_side);
    // The burn-in offset of the overlays for the slides composed from now on, and draw_live.
    void set_overlay_shift(BurnInShift shift) { overlay_shift_ = shift; }
    // The announcement band on the slides composed from now on ("" = none).
    void set_band(std::string text) { band_ = std::move(text); }
    const std::string& band() const { return band_; }
    // Lays out and draws slide play_index into a new target texture. nullptr texture on failure.
    ComposedSlide compose(int play_index);
    // Draws the clock and progress bar on the current render target.
    void draw_live(std::string_view clock_text, double progress);
    // Where draw_live draws (empty when the deck shows neither clock nor progress bar).
    Rect live_area() { return live_overlays_area(*deck_, screen_, measurer_); }
    // Lays out a slide without drawing it (checks, tests).
    SlideLayout layout(int play_index);
    // Composes another deck from now on, keeping the open fonts and measured widths: only when
    // it draws with the same fonts from the same asset bytes (false: nothing changed).
    bool adopt(std::shared_ptr<const Deck> deck, const std::shared_ptr<const AssetBytes>& assets);

    const Deck& deck() const { return *deck_; }
    std::shared_ptr<const Deck> deck_ptr() const { return deck_; }
    const FontCache& fonts() const { return fonts_; }
    Size screen() const { return screen_; }
    SDL_Renderer* renderer() const { return renderer_; }

  private:
    std::shared_ptr<const Deck> deck_;
    std::shared_ptr<const AssetBytes> assets_;
    SDL_Renderer* renderer_;
    Size screen_;
    int max_texture_side_;
    FontCache fonts_;
    TtfMeasurer measurer_;
    ImageStore images_;
    BurnInShift overlay_shift_;
    std::string band_;
};

} // namespace affiche
