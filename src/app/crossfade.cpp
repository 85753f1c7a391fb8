// The two crossfade strategies: two textures blended, or the new slide blended in place.
#include "app/crossfade.hpp"

#include "schedule/fade_blend.hpp"

namespace affiche {

namespace {

void copy_opaque(SDL_Renderer* r, SDL_Texture* t, const SDL_Rect* area = nullptr) {
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(t, 255);
    SDL_RenderCopy(r, t, area, area);
}

class TextureCrossfade final : public Crossfade {
  public:
    void prepare() override { previous_ = std::move(current_); }
    void begin(ComposedSlide next) override {
        current_ = std::move(next);
        // Keep the last picture rather than show nothing.
        if (!current_.texture) current_ = std::move(previous_);
    }
    void draw(SDL_Renderer* r, double fade) override {
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
        const bool blend = previous_.texture && fade < 1.0;
        if (blend) {
            SDL_SetTextureBlendMode(previous_.texture.get(), SDL_BLENDMODE_NONE);
            SDL_RenderCopy(r, previous_.texture.get(), nullptr, nullptr);
        }
        if (current_.texture) {
            SDL_Texture* t = current_.texture.get();
            SDL_SetTextureBlendMode(t, blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
            SDL_SetTextureAlphaMod(t, blend ? texture_fade_alpha(fade) : 255);
            SDL_RenderCopy(r, t, nullptr, nullptr);
        }
        if (fade >= 1.0) previous_ = {}; // the fade is over: free its texture
    }
    bool restore(SDL_Renderer*, Rect) override { return false; } // frames start from black
    void replace(ComposedSlide slide) override {
        previous_ = {};
        current_ = std::move(slide);
    }
    bool has_picture() const override { return current_.texture != nullptr; }
    SDL_Texture* picture() const override { return current_.texture.get(); }

  private:
    ComposedSlide current_;
    ComposedSlide previous_;
};

class InPlaceCrossfade final : public Crossfade {
  public:
    // The screen itself holds the old picture: free the slide's texture before the next one is
    // drawn, so only two full-screen buffers ever exist (screen and slide), not three.
    void prepare() override {
        current_ = {};
        shown_ = 0.0;
    }
    void begin(ComposedSlide next) override { current_ = std::move(next); }
    void draw(SDL_Renderer* r, double fade) override {
        if (!cleared_) { // the screen's first picture fades in from black
            SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
            SDL_RenderClear(r);
            cleared_ = true;
        }
        SDL_Texture* t = current_.texture.get();
        if (!t) return; // nothing new to show: the screen keeps its picture
        const InPlaceStep step = in_place_step(fade, shown_);
        shown_ = step.shown_after;
        if (step.whole) {
            copy_opaque(r, t);
        } else if (step.alpha > 0) {
            SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
            SDL_SetTextureAlphaMod(t, step.alpha);
            SDL_RenderCopy(r, t, nullptr, nullptr);
        }
    }
    bool restore(SDL_Renderer* r, Rect area) override {
        if (!current_.texture || area.w <= 0) return false;
        const SDL_Rect strip{area.x, area.y, area.w, area.h};
        copy_opaque(r, current_.texture.get(), &strip);
        return true;
    }
    void replace(ComposedSlide slide) override {
        current_ = std::move(slide);
        shown_ = 1.0; // what the screen held is gone: draw the slide whole
    }
    bool has_picture() const override { return current_.texture != nullptr; }
    SDL_Texture* picture() const override { return current_.texture.get(); }

  private:
    ComposedSlide current_;
    double shown_ = 1.0; // share of current_ already on screen, 0..1
    bool cleared_ = false;
};

} // namespace

std::unique_ptr<Crossfade> make_texture_crossfade() {
    return std::make_unique<TextureCrossfade>();
}

std::unique_ptr<Crossfade> make_in_place_crossfade() {
    return std::make_unique<InPlaceCrossfade>();
}

} // namespace affiche
