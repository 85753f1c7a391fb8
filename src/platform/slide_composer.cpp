// Slide composition into render-target textures.
#include "platform/slide_composer.hpp"

namespace affiche {

SlideComposer::SlideComposer(std::shared_ptr<const Deck> deck,
                             const std::shared_ptr<const AssetBytes>& assets,
                             SDL_Renderer* renderer, Size screen, int max_texture_side)
    : deck_(std::move(deck)), assets_(assets), renderer_(renderer), screen_(screen),
      max_texture_side_(max_texture_side), fonts_(deck_->theme, assets), measurer_(fonts_),
      images_(assets) {}

bool SlideComposer::adopt(std::shared_ptr<const Deck> deck,
                          const std::shared_ptr<const AssetBytes>& assets) {
    if (!deck || assets != assets_ || !same_fonts(deck->theme, deck_->theme)) return false;
    deck_ = std::move(deck);
    return true;
}

SlideLayout SlideComposer::layout(int play_index) {
    const Slide& slide = deck_->shown(play_index);
    std::optional<Size> image;
    if (!slide.image_path.empty()) image = images_.prepare(slide.image_path);
    return layout_slide(*deck_, play_index, screen_, measurer_, image, overlay_shift_, band_);
}

ComposedSlide SlideComposer::compose(int play_index) {
    ComposedSlide out;
    out.play_index = play_index;
    out.layout = layout(play_index);
    out.texture.reset(SDL_CreateTexture(renderer_, slide_pixel_format, SDL_TEXTUREACCESS_TARGET,
                                        screen_.w, screen_.h));
    if (out.texture) {
        SDL_Texture* previous = SDL_GetRenderTarget(renderer_);
        SDL_SetRenderTarget(renderer_, out.texture.get());
        const Color c = out.layout.list.clear;
        SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, 255);
        SDL_RenderClear(renderer_);
        draw({renderer_, &fonts_, &images_, max_texture_side_}, out.layout.list);
        SDL_SetRenderTarget(renderer_, previous);
    }
    images_.release();
    return out;
}

void SlideComposer::draw_live(std::string_view clock_text, double progress) {
    const DrawList list =
        layout_live_overlays(*deck_, screen_, measurer_, clock_text, progress, overlay_shift_);
    draw({renderer_, &fonts_, &images_, max_texture_side_}, list);
}

} // namespace affiche
