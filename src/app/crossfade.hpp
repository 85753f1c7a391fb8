// How a new slide replaces the old one on screen: one interface, two strategies.
#pragma once

#include "base/geometry.hpp"
#include "platform/slide_composer.hpp"

#include <memory>

namespace affiche {

// Holds the composed slides' textures, so it must be destroyed before the renderer.
class Crossfade {
  public:
    virtual ~Crossfade() = default;
    // Called before the next slide is composed: lets go of what the fade will not need.
    virtual void prepare() = 0;
    // The next slide's picture, fading in from now. A null texture (composing failed) keeps the
    // last picture on screen.
    virtual void begin(ComposedSlide next) = 0;
    // Draws the slides at fade 0..1 (the new slide's share) on the current render target.
    virtual void draw(SDL_Renderer* r, double fade) = 0;
    // A static slide whose overlays changed: copies the slide's pixels under area back, so only
    // that strip is redrawn. False when the whole frame must be drawn instead.
    virtual bool restore(SDL_Renderer* r, Rect area) = 0;
    // Every picture was lost (renderer reset): show `slide` whole, no fade.
    virtual void replace(ComposedSlide slide) = 0;
    virtual bool has_picture() const = 0;
    // The newest slide's picture (the one on screen once its fade is over), or nullptr.
    virtual SDL_Texture* picture() const = 0;
};

// Two textures, the old slide and the new one blended over it at each frame. Works with every
// renderer: each frame is drawn from scratch.
std::unique_ptr<Crossfade> make_texture_crossfade();

// The software renderer keeps the screen's pixels: the new slide is blended over what the screen
// already shows, step by step (fade_blend.hpp). Only two full-screen buffers ever exist (screen
// and slide), not three, and a static slide redraws only its overlays' strip.
std::unique_ptr<Crossfade> make_in_place_crossfade();

} // namespace affiche
