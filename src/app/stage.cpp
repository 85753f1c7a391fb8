// Composing slides, fading between them, and drawing frames with their overlays.
#include "app/stage.hpp"

#include "platform/log.hpp"

namespace affiche {

Stage::Stage(Screen& screen)
    : screen_(screen),
      crossfade_(screen.keeps_pixels() ? make_in_place_crossfade() : make_texture_crossfade()) {}

const Diagnostics& Stage::load(std::shared_ptr<const Deck> deck,
                               const std::shared_ptr<const AssetBytes>& assets) {
    composer_ = std::make_unique<SlideComposer>(std::move(deck), assets, screen_.renderer(),
                                                screen_.size(), screen_.max_texture_side());
    shown_index_ = -1; // always recompose: the picture on screen is the old deck's
    return composer_->fonts().problems();
}

bool Stage::showing(int play_index) const {
    return crossfade_->has_picture() && shown_index_ == play_index;
}

bool Stage::show(int play_index, BurnInShift overlay_shift) {
    crossfade_->prepare();
    composer_->set_overlay_shift(overlay_shift);
    ComposedSlide next = composer_->compose(play_index);
    const bool ok = next.texture != nullptr;
    if (!ok) log_error(std::string("cannot compose slide: ") + SDL_GetError());
    crossfade_->begin(std::move(next));
    if (ok) shown_index_ = play_index;
    return ok;
}

bool Stage::set_band(const std::string& text) {
    if (composer_->band() == text) return false;
    composer_->set_band(text);
    shown_index_ = -1;
    return true;
}

void Stage::draw_frame(double fade, const FrameOverlays& overlays) {
    screen_.begin_frame();
    crossfade_->draw(screen_.renderer(), fade);
    finish(overlays);
}

bool Stage::draw_overlays(const FrameOverlays& overlays) {
    screen_.begin_frame();
    if (!crossfade_->restore(screen_.renderer(), composer_->live_area())) return false;
    finish(overlays);
    return true;
}

void Stage::finish(const FrameOverlays& overlays) {
    composer_->draw_live(overlays.clock, overlays.progress);
    if (overlays.on_top) overlays.on_top(screen_.renderer(), screen_.size());
    // Exactly what the screen shows, upright.
    if (!overlays.screenshot_path.empty()) screen_.save_screenshot(overlays.screenshot_path);
    screen_.present();
}

void Stage::renderer_reset(int play_index, bool device_lost) {
    crossfade_->replace({}); // free the old textures before composing anew
    if (device_lost) screen_.device_reset();
    ComposedSlide slide = composer_->compose(play_index);
    shown_index_ = slide.texture ? play_index : -1;
    crossfade_->replace(std::move(slide));
}

} // namespace affiche
