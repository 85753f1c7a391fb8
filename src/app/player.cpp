// The play loop and its event handling.
#include "app/player.hpp"

#include "app/deck_report.hpp"
#include "platform/log.hpp"

#include <poll.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <thread>

namespace affiche {

namespace {
constexpr Millis fade_frame_ms = 16;    // ~60 fps cap while fading (vsync paces real screens)
constexpr Millis idle_poll_ms = 100;    // SDL has no fd to wait on: look at its queue this often
constexpr Millis progress_step_ms = 1000; // the progress bar moves at most once a second

Millis now_ms() { return static_cast<Millis>(SDL_GetTicks64()); }
} // namespace

Player::Player(const Options& options, std::string content_dir, Signals& signals)
    : options_(options), content_dir_(std::move(content_dir)), signals_(signals) {}

bool Player::open_display_with_retry() {
    // KMSDRM fails to start while no display is connected (TV off at boot): retry, backing off.
    Millis backoff = 1000;
    bool logged = false;
    for (;;) {
        std::string error;
        auto err = sdl_.init(false);
        if (!err) {
            DisplayOptions d;
            d.windowed = options_.windowed;
            d.size = options_.size;
            display_ = open_display(d, error);
            if (display_) return true;
        } else {
            error = "cannot start video: " + *err;
        }
        if (!logged) log_error(error + "; retrying until a display appears");
        logged = true;
        sdl_.quit_video();
        pollfd p{signals_.fd(), POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(backoff)) > 0) {
            for (auto e : signals_.drain()) {
                if (e == SignalEvent::quit) return false;
            }
        }
        backoff = std::min<Millis>(backoff * 2, 30'000);
    }
}

void Player::start_deck(std::shared_ptr<const Deck> deck, int first) {
    composer_ = std::make_unique<SlideComposer>(std::move(deck), display_->renderer.get(),
                                                logical_, display_->max_texture_side);
    const Deck& d = composer_->deck();
    std::vector<Millis> durations;
    for (int index : d.play_order) {
        durations.push_back(static_cast<Millis>(std::llround(d.slides[static_cast<std::size_t>(index)].duration_s * 1000)));
    }
    const Millis transition = d.settings.transition == Transition::cut
                                  ? 0
                                  : static_cast<Millis>(std::llround(d.settings.transition_s * 1000));
    playlist_.emplace(std::move(durations), transition, now_ms(), first);
    change_slide(now_ms());
}

void Player::change_slide(Millis now) {
    if (current_.texture && current_.play_index == playlist_->index()) return;
    previous_ = std::move(current_);
    current_ = composer_->compose(playlist_->index());
    if (previous_.texture && playlist_->fading(now)) ++stats_.fades;
    if (!current_.texture) log_error(std::string("cannot compose slide: ") + SDL_GetError());
    dirty_ = true;
}

void Player::handle_events(Millis now) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT:
            quit_ = true;
            break;
        case SDL_KEYDOWN:
            switch (e.key.keysym.sym) {
            case SDLK_RIGHT:
                playlist_->next(now);
                change_slide(now);
                break;
            case SDLK_LEFT:
                playlist_->previous(now);
                change_slide(now);
                break;
            case SDLK_SPACE:
                playlist_->toggle_pause(now);
                dirty_ = true;
                break;
            case SDLK_q:
            case SDLK_ESCAPE:
                quit_ = true;
                break;
            default:
                break;
            }
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            // Target textures lost their pixels: draw the slide again.
            log_warning("renderer reset; redrawing the slide");
            previous_ = {};
            if (e.type == SDL_RENDER_DEVICE_RESET) make_frame(); // every texture is gone
            current_ = composer_->compose(playlist_->index());
            dirty_ = true;
            break;
        case SDL_WINDOWEVENT:
            dirty_ = true;
            break;
        default:
            break;
        }
    }
    for (auto s : signals_.drain()) {
        if (s == SignalEvent::quit) quit_ = true;
        if (s == SignalEvent::screenshot) {
            screenshot_requested_ = true;
            dirty_ = true;
        }
    }
}

std::string Player::clock_text() const {
    if (!composer_->deck().overlays.clock) return "";
    const std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[8];
    std::strftime(buf, sizeof buf, "%H:%M", &local);
    return buf;
}

long Player::progress_step(Millis now) const {
    if (!composer_->deck().overlays.progress) return 0;
    return static_cast<long>((now - playlist_->shown_since()) / progress_step_ms);
}

void Player::make_frame() {
    logical_ = display_->size;
    frame_.reset();
    if (options_.rotate == 0) return;
    if (options_.rotate == 90 || options_.rotate == 270) logical_ = {display_->size.h, display_->size.w};
    frame_.reset(SDL_CreateTexture(display_->renderer.get(), SDL_PIXELFORMAT_ARGB8888,
                                   SDL_TEXTUREACCESS_TARGET, logical_.w, logical_.h));
    if (!frame_) {
        log_error(std::string("cannot turn the picture: ") + SDL_GetError() + "; showing it upright");
        logical_ = display_->size;
    }
}

void Player::present_rotated() {
    // The upright frame is turned onto the screen around the screen's centre.
    SDL_Renderer* r = display_->renderer.get();
    SDL_SetRenderTarget(r, nullptr);
    const Size s = display_->size;
    const SDL_Rect dst{(s.w - logical_.w) / 2, (s.h - logical_.h) / 2, logical_.w, logical_.h};
    SDL_SetTextureBlendMode(frame_.get(), SDL_BLENDMODE_NONE);
    SDL_RenderCopyEx(r, frame_.get(), nullptr, &dst, options_.rotate, nullptr, SDL_FLIP_NONE);
}

void Player::draw_frame(Millis now) {
    SDL_Renderer* r = display_->renderer.get();
    if (frame_) SDL_SetRenderTarget(r, frame_.get());
    const double fade = playlist_->fade(now);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    if (previous_.texture && fade < 1.0) {
        SDL_SetTextureBlendMode(previous_.texture.get(), SDL_BLENDMODE_NONE);
        SDL_RenderCopy(r, previous_.texture.get(), nullptr, nullptr);
    }
    if (current_.texture) {
        const bool blend = previous_.texture && fade < 1.0;
        SDL_SetTextureBlendMode(current_.texture.get(), blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(current_.texture.get(), blend ? static_cast<Uint8>(std::lround(fade * 255)) : 255);
        SDL_RenderCopy(r, current_.texture.get(), nullptr, nullptr);
    }
    drawn_clock_ = clock_text();
    drawn_progress_ = progress_step(now);
    composer_->draw_live(drawn_clock_, playlist_->progress(now));
    if (screenshot_requested_) {
        screenshot_requested_ = false;
        // The status file's folder holds the screenshot; without --status, the working folder.
        std::string path = "affiche-screenshot.png";
        if (!options_.status_file.empty()) {
            path = (std::filesystem::path(options_.status_file).parent_path() / "screenshot.png").string();
        }
        std::string error;
        if (save_png(r, logical_, path, error)) {
            log_info("screenshot saved to " + path);
        } else {
            log_error(error);
        }
    }
    if (frame_) present_rotated();
    SDL_RenderPresent(r);
    ++stats_.frames;
    if (stats_.first_frame_ms < 0) stats_.first_frame_ms = now_ms();
    if (fade < 1.0) ++stats_.fade_frames;
    drawn_fading_ = fade < 1.0;
    if (!drawn_fading_) previous_ = {}; // the fade is over: free its texture
    dirty_ = false;
}

Millis Player::next_wake(Millis now) const {
    if (playlist_->fading(now)) return now + fade_frame_ms;
    Millis wake = playlist_->slide_deadline();
    if (composer_->deck().overlays.clock) {
        const std::time_t t = std::time(nullptr);
        wake = std::min(wake, now + (60 - t % 60) * 1000); // next minute, to a second
    }
    if (composer_->deck().overlays.progress && !playlist_->paused()) {
        const Millis since = now - playlist_->shown_since();
        wake = std::min(wake, now + progress_step_ms - since % progress_step_ms);
    }
    if (options_.exit_after_s > 0) {
        wake = std::min(wake, started_at_ + static_cast<Millis>(options_.exit_after_s * 1000));
    }
    return wake;
}

void Player::wait_until(Millis now, Millis wake) {
    const Millis wait = std::clamp<Millis>(wake - now, 0, idle_poll_ms);
    if (wait == 0) return;
    pollfd p{signals_.fd(), POLLIN, 0};
    poll(&p, 1, static_cast<int>(wait));
}

int Player::run() {
    if (!open_display_with_retry()) return 0;
    LoadResult loaded = load_deck(content_dir_);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.deck) return 1;
    log_info("playing " + content_dir_ + " at " + std::to_string(display_->size.w) + "x" +
             std::to_string(display_->size.h) + " with the " + display_->renderer_name +
             " renderer");
    make_frame();
    started_at_ = now_ms();
    start_deck(std::make_shared<const Deck>(std::move(*loaded.deck)), 0);
    while (!quit_) {
        const Millis now = now_ms();
        handle_events(now);
        if (quit_) break;
        if (options_.exit_after_s > 0 && now - started_at_ >= options_.exit_after_s * 1000) break;
        if (playlist_->update(now)) change_slide(now);
        if (playlist_->fading(now) || drawn_fading_ || clock_text() != drawn_clock_ ||
            progress_step(now) != drawn_progress_) {
            dirty_ = true;
        }
        if (dirty_) draw_frame(now);
        const Millis after = now_ms();
        wait_until(after, next_wake(after));
    }
    log_info("stats: frames=" + std::to_string(stats_.frames) +
             " fade_frames=" + std::to_string(stats_.fade_frames) +
             " fades=" + std::to_string(stats_.fades) +
             " first_frame_ms=" + std::to_string(stats_.first_frame_ms));
    return 0;
}

} // namespace affiche
