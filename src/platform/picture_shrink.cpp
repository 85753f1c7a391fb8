// Shrinking a texture through render-target textures, and reading the small one back.
#include "platform/picture_shrink.hpp"

#include "platform/slide_composer.hpp"

namespace affiche {

namespace {
// The renderer's target and the picture's scale mode, as they were, put back at the end.
class RendererState {
  public:
    RendererState(SDL_Renderer* r, SDL_Texture* picture)
        : r_(r), picture_(picture), target_(SDL_GetRenderTarget(r)) {
        SDL_GetTextureScaleMode(picture, &mode_);
    }
    ~RendererState() {
        SDL_RenderSetScale(r_, 1.0f, 1.0f);
        SDL_SetRenderTarget(r_, target_);
        SDL_SetTextureScaleMode(picture_, mode_);
    }
    RendererState(const RendererState&) = delete;
    RendererState& operator=(const RendererState&) = delete;

  private:
    SDL_Renderer* r_;
    SDL_Texture* picture_;
    SDL_Texture* target_;
    SDL_ScaleMode mode_ = SDL_ScaleModeNearest;
};
// Calls draw with the renderer scaled from picture_size to the target's size.
void draw_scaled(SDL_Renderer* renderer, Size picture_size, Size target,
                 const std::function<void()>& draw) {
    SDL_RenderSetScale(renderer, static_cast<float>(target.w) / picture_size.w,
                       static_cast<float>(target.h) / picture_size.h);
    draw();
    SDL_RenderSetScale(renderer, 1.0f, 1.0f);
}
} // namespace

SurfacePtr shrink_picture(SDL_Renderer* renderer, SDL_Texture* picture, Size picture_size,
                          const std::vector<Size>& steps, const std::function<void()>& draw_over,
                          std::string& error) {
    RendererState restore(renderer, picture);
    std::vector<Size> sizes = steps;
    if (sizes.empty()) sizes.push_back(picture_size); // a copy: draw_over must not touch picture
    TexturePtr held;
    SDL_Texture* from = picture;
    bool drawn_over = !draw_over;
    for (const Size& s : sizes) {
        TexturePtr to(
            SDL_CreateTexture(renderer, slide_pixel_format, SDL_TEXTUREACCESS_TARGET, s.w, s.h));
        if (!to || SDL_SetRenderTarget(renderer, to.get()) != 0) {
            error = std::string("cannot make a thumbnail texture: ") + SDL_GetError();
            return nullptr;
        }
        SDL_SetTextureScaleMode(from, SDL_ScaleModeLinear);
        SDL_SetTextureBlendMode(from, SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(from, 255);
        if (SDL_RenderCopy(renderer, from, nullptr, nullptr) != 0) {
            error = std::string("cannot shrink the picture: ") + SDL_GetError();
            return nullptr;
        }
        held = std::move(to); // the step before is freed here
        from = held.get();
        if (!drawn_over) {
            // Over the first step, the largest: the overlays' text shrinks at most twice in the
            // draw, then is averaged by the next steps like the slide.
            draw_scaled(renderer, picture_size, s, draw_over);
            drawn_over = true;
        }
    }
    const Size last = sizes.back();
    SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, last.w, last.h, 32, SDL_PIXELFORMAT_RGB888));
    if (!out || SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, out->pixels,
                                     out->pitch) != 0) {
        error = std::string("cannot read the thumbnail back: ") + SDL_GetError();
        return nullptr;
    }
    return out;
}

} // namespace affiche
