// What the screen shows: the deck's composed slides, the crossfade between them, the overlays.
#pragma once

#include "app/crossfade.hpp"
#include "app/screen.hpp"
#include "platform/slide_composer.hpp"

#include <functional>
#include <memory>
#include <string>

namespace affiche {

// The live parts of one frame, read from the loop's clock by the caller.
struct FrameOverlays {
    std::string clock;           // "HH:MM", or "" when the deck shows no clock
    double progress = 0;         // the slide's time used, 0..1
    std::string screenshot_path; // non-empty: save this frame there before presenting it
    // Drawn last, over everything (the preview's errors panel); the size is the screen's, px.
    std::function<void(SDL_Renderer*, Size)> on_top;
};

// Holds every texture of the screen's renderer except the rotation frame (the composer's images
// and the crossfade's slides): it must be destroyed before the Screen (see Player).
class Stage {
  public:
    explicit Stage(Screen& screen);

    // A new deck: a new composer (fonts, images). Returns the fonts' problems (the slides play
    // on in a system font). The slide on screen now belongs to the old deck.
    const Diagnostics& load(std::shared_ptr<const Deck> deck,
                            const std::shared_ptr<const AssetBytes>& assets);
    const Deck& deck() const { return composer_->deck(); }
    // True when slide play_index of this deck is the picture shown.
    bool showing(int play_index) const;
    bool has_picture() const { return crossfade_->has_picture(); }
    // Composes slide play_index, its overlays at the burn-in offset overlay_shift, and fades to
    // it. False when composing failed (logged; the last picture stays).
    bool show(int play_index, BurnInShift overlay_shift = {});
    // The announcement band of the slides composed from now on ("" = none). True when it changed:
    // the picture shown is then out of date (showing() is false until the next show()).
    bool set_band(const std::string& text);
    // Draws a whole frame at fade 0..1 and presents it.
    void draw_frame(double fade, const FrameOverlays& overlays);
    // The overlays changed on a static slide: where the screen keeps its pixels, only their strip
    // is restored and redrawn, and true is returned. False: nothing drawn, draw a whole frame.
    bool draw_overlays(const FrameOverlays& overlays);
    // The renderer lost its textures' pixels (device_lost: the textures themselves): compose
    // slide play_index again and show it whole.
    void renderer_reset(int play_index, bool device_lost);

  private:
    void finish(const FrameOverlays& overlays);

    Screen& screen_;
    std::unique_ptr<SlideComposer> composer_;
    std::unique_ptr<Crossfade> crossfade_;
    int shown_index_ = -1; // the play index of the picture shown, -1 after a new deck
};

} // namespace affiche
