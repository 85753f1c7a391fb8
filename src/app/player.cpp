// The play loop and its event handling.
#include "app/player.hpp"

#include "app/deck_report.hpp"
#include "service/notify.hpp"

#include <poll.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>

namespace affiche {

namespace {
constexpr Millis fade_frame_ms = 16;      // ~60 fps cap while fading (vsync paces real screens)
constexpr Millis idle_poll_ms = 100;      // SDL has no fd to wait on: look at its queue this often
constexpr Millis progress_step_ms = 1000; // the progress bar moves at most once a second

Millis now_ms() {
    return static_cast<Millis>(SDL_GetTicks64());
}
} // namespace

Player::Player(const Options& options, std::string content_dir, Signals& signals)
    : options_(options), content_dir_(std::move(content_dir)), signals_(signals),
      watcher_(content_dir_), reporter_(options.status_file, content_dir_) {}

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
        notify_status("waiting for a display: " + error);
        notify_watchdog(); // waiting is not hanging
        // Start-up may take as long as the TV stays off: keep systemd from timing it out.
        notify_extend_timeout((backoff + 5000) * 1000);
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

void Player::start_deck(DeckReloader::Result loaded, int first) {
    auto deck = std::make_shared<const Deck>(std::move(*loaded.load.deck));
    composer_ = std::make_unique<SlideComposer>(deck, loaded.assets, display_->renderer.get(),
                                                logical_, display_->max_texture_side);
    std::vector<std::string> problems;
    for (const auto& d : composer_->fonts().problems()) {
        problems.push_back(format_diagnostic(d));
        reload_log_.error(problems.back()); // the slides play on in a system font
    }
    for (const auto& d : loaded.load.diagnostics) {
        if (d.severity == Severity::warning) problems.push_back(format_diagnostic(d));
    }
    reporter_.set_deck(loaded.revision, std::move(problems));
    const Deck& d = composer_->deck();
    std::vector<Millis> durations;
    for (int index : d.play_order) {
        durations.push_back(static_cast<Millis>(
            std::llround(d.slides[static_cast<std::size_t>(index)].duration_s * 1000)));
    }
    const Millis transition =
        d.settings.transition == Transition::cut
            ? 0
            : static_cast<Millis>(std::llround(d.settings.transition_s * 1000));
    playlist_.emplace(std::move(durations), transition, now_ms(), first);
    current_.play_index = -1; // the slide on screen belongs to the old deck: always recompose
    change_slide(now_ms());
}

// A valid new deck takes over where the old one was going: at the same slide id if it still
// exists, else at the same position.
void Player::adopt_pending() {
    const Deck& old = composer_->deck();
    const int next = playlist_->index();
    const std::string& next_id = old.shown(next).id;
    const Deck& fresh = *pending_->load.deck;
    int first = next % fresh.shown_count();
    for (int i = 0; i < fresh.shown_count(); ++i) {
        if (fresh.shown(i).id == next_id) {
            first = i;
        }
    }
    DeckReloader::Result loaded = std::move(*pending_);
    pending_.reset();
    start_deck(std::move(loaded), first);
    ++stats_.reloads;
}

void Player::handle_reload(Millis now) {
    if (watcher_ready_ && watcher_.drain()) debounce_.note(now);
    if (reload_requested_ || debounce_.due(now)) {
        reload_requested_ = false;
        debounce_.clear();
        reloader_.request(content_dir_);
    }
    if (!reload_ready_) return;
    std::optional<DeckReloader::Result> r = reloader_.take();
    if (!r) return;
    std::vector<std::string> errors;
    for (const auto& d : r->load.diagnostics) {
        const std::string line = format_diagnostic(d);
        if (d.severity == Severity::error) {
            errors.push_back(line);
            reload_log_.error(line); // an error that stays in the files is logged once
        } else if (d.severity == Severity::warning) {
            reload_log_.warning(line);
        }
    }
    if (!r->load.deck) {
        log_error("the changed slides have " + std::to_string(errors.size()) +
                  " error(s); still showing the last good deck");
        reporter_.reload_done(false, std::move(errors));
        return;
    }
    reload_log_.forget(); // the files are good again: report the next problem afresh
    log_info("slides changed (revision " + r->revision +
             "): " + std::to_string(r->load.deck->play_order.size()) +
             " slides, shown from the next slide");
    reporter_.reload_done(true, {});
    pending_ = std::move(r);
    if (playlist_->paused()) adopt_pending(); // a paused screen would never reach a boundary
}

void Player::change_slide(Millis now) {
    if (current_.texture && current_.play_index == playlist_->index()) return;
    const bool had_picture = current_.texture != nullptr;
    if (in_place_) {
        // The screen itself holds the old picture: free its texture before drawing the new one,
        // so only two full-screen buffers ever exist (screen and slide), not three.
        current_ = {};
        shown_fade_ = 0.0;
    } else {
        previous_ = std::move(current_);
    }
    current_ = composer_->compose(playlist_->index());
    playlist_->restart_fade(now_ms()); // drawing the slide took time: fade from its start
    if (had_picture && playlist_->fading(now)) ++stats_.fades;
    if (!current_.texture) {
        log_error(std::string("cannot compose slide: ") + SDL_GetError());
        current_ = std::move(previous_); // keep the last picture rather than show nothing
    }
    reporter_.slide_shown(composer_->deck(), playlist_->index());
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
            shown_fade_ = 1.0; // what the screen held is gone: draw the slide whole
            dirty_ = true;
            break;
        case SDL_WINDOWEVENT:
            dirty_ = true;
            break;
        default:
            break;
        }
    }
    if (!signals_ready_) return;
    for (auto s : signals_.drain()) {
        if (s == SignalEvent::quit) quit_ = true;
        if (s == SignalEvent::reload) reload_requested_ = true;
        if (s == SignalEvent::screenshot) screenshot_requested_ = true;
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
    if (options_.rotate == 90 || options_.rotate == 270)
        logical_ = {display_->size.h, display_->size.w};
    frame_.reset(SDL_CreateTexture(display_->renderer.get(), slide_pixel_format,
                                   SDL_TEXTUREACCESS_TARGET, logical_.w, logical_.h));
    if (!frame_) {
        log_error(std::string("cannot turn the picture: ") + SDL_GetError() +
                  "; showing it upright");
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

void Player::blend_in_place(double fade) {
    // Blending the new slide over what is on screen by b = (f - s) / (1 - s), where s is the
    // share already shown, gives (1 - f) old + f new: the same crossfade without a copy of the
    // old slide. The share actually applied (8-bit alpha) is tracked, and the last step is exact.
    SDL_Renderer* r = display_->renderer.get();
    SDL_Texture* t = current_.texture.get();
    if (!t) return; // nothing new to show: the screen keeps its picture
    if (fade >= 1.0 || shown_fade_ >= 1.0) {
        SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(t, 255);
        SDL_RenderCopy(r, t, nullptr, nullptr);
        shown_fade_ = 1.0;
        return;
    }
    const double step = (fade - shown_fade_) / (1.0 - shown_fade_);
    const auto alpha = static_cast<Uint8>(std::clamp(std::lround(step * 255), 0L, 255L));
    if (alpha == 0) return;
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(t, alpha);
    SDL_RenderCopy(r, t, nullptr, nullptr);
    shown_fade_ += (1.0 - shown_fade_) * alpha / 255.0;
}

// The clock or progress bar changed on a static slide: with the software renderer the screen
// keeps its pixels, so only the strip under the overlays is restored from the slide and redrawn.
void Player::draw_overlays(Millis now) {
    const Rect area = composer_->live_area();
    if (!in_place_ || !current_.texture || area.w <= 0) {
        draw_frame(now);
        return;
    }
    SDL_Renderer* r = display_->renderer.get();
    if (frame_) SDL_SetRenderTarget(r, frame_.get());
    const SDL_Rect strip{area.x, area.y, area.w, area.h};
    SDL_SetTextureBlendMode(current_.texture.get(), SDL_BLENDMODE_NONE);
    SDL_SetTextureAlphaMod(current_.texture.get(), 255);
    SDL_RenderCopy(r, current_.texture.get(), &strip, &strip);
    drawn_clock_ = clock_text();
    drawn_progress_ = progress_step(now);
    composer_->draw_live(drawn_clock_, playlist_->progress(now));
    if (screenshot_requested_) save_screenshot(); // exactly what the screen shows
    if (frame_) present_rotated();
    SDL_RenderPresent(r);
    ++stats_.frames;
}

void Player::draw_frame(Millis now) {
    SDL_Renderer* r = display_->renderer.get();
    if (frame_) SDL_SetRenderTarget(r, frame_.get());
    const double fade = playlist_->fade(now);
    if (in_place_) {
        if (stats_.frames == 0) { // the screen's first picture fades in from black
            SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
            SDL_RenderClear(r);
        }
        blend_in_place(fade);
    } else {
        SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
        SDL_RenderClear(r);
    }
    if (!in_place_ && previous_.texture && fade < 1.0) {
        SDL_SetTextureBlendMode(previous_.texture.get(), SDL_BLENDMODE_NONE);
        SDL_RenderCopy(r, previous_.texture.get(), nullptr, nullptr);
    }
    if (!in_place_ && current_.texture) {
        const bool blend = previous_.texture && fade < 1.0;
        SDL_SetTextureBlendMode(current_.texture.get(),
                                blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
        SDL_SetTextureAlphaMod(current_.texture.get(),
                               blend ? static_cast<Uint8>(std::lround(fade * 255)) : 255);
        SDL_RenderCopy(r, current_.texture.get(), nullptr, nullptr);
    }
    drawn_clock_ = clock_text();
    drawn_progress_ = progress_step(now);
    composer_->draw_live(drawn_clock_, playlist_->progress(now));
    if (screenshot_requested_) save_screenshot();
    if (frame_) present_rotated();
    SDL_RenderPresent(r);
    ++stats_.frames;
    if (stats_.first_frame_ms < 0) {
        stats_.first_frame_ms = now_ms();
        reporter_.first_frame();
    }
    if (fade < 1.0) ++stats_.fade_frames;
    drawn_fading_ = fade < 1.0;
    if (!drawn_fading_) previous_ = {}; // the fade is over: free its texture
    dirty_ = false;
}

void Player::save_screenshot() {
    screenshot_requested_ = false;
    // The status file's folder holds the screenshot; without --status, the working folder.
    std::string path = "affiche-screenshot.png";
    if (!options_.status_file.empty()) {
        path =
            (std::filesystem::path(options_.status_file).parent_path() / "screenshot.png").string();
    }
    std::string error;
    if (save_png(display_->renderer.get(), logical_, path, error)) {
        log_info("screenshot saved to " + path);
    } else {
        log_error(error);
    }
}

bool Player::overlay_changed(Millis now) const {
    return clock_text() != drawn_clock_ || progress_step(now) != drawn_progress_;
}

Millis Player::next_wake(Millis now) {
    Millis wake = std::min(reporter_.watchdog(now), debounce_.deadline());
    if (playlist_->fading(now)) return std::min(wake, now + fade_frame_ms);
    wake = std::min(wake, playlist_->slide_deadline());
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
    // Signals, file changes and finished reloads wake us at once; SDL's own events (keys,
    // window) have no descriptor, so they are looked at every idle_poll_ms at the latest.
    pollfd fds[3] = {
        {signals_.fd(), POLLIN, 0}, {watcher_.fd(), POLLIN, 0}, {reloader_.fd(), POLLIN, 0}};
    // Without a wait (mid-fade) poll only looks; either way, only what is readable gets read.
    const int n = poll(fds, 3, static_cast<int>(wait));
    signals_ready_ = n != 0 && fds[0].revents != 0;
    watcher_ready_ = n != 0 && fds[1].revents != 0;
    reload_ready_ = n != 0 && fds[2].revents != 0;
    if (n < 0) signals_ready_ = watcher_ready_ = reload_ready_ = true; // EINTR: look at all
}

int Player::run() {
    DeckReloader::Result loaded = load_everything(content_dir_);
    print_diagnostics(loaded.load.diagnostics);
    if (!loaded.load.deck) {
        std::vector<std::string> errors;
        for (const auto& d : loaded.load.diagnostics)
            errors.push_back(format_diagnostic(d));
        reporter_.reload_done(false, std::move(errors));
        return 1;
    }
    if (!open_display_with_retry()) return 0;
    reporter_.set_display(display_->renderer_name, display_->size);
    log_info("playing " + content_dir_ + " at " + std::to_string(display_->size.w) + "x" +
             std::to_string(display_->size.h) + " with the " + display_->renderer_name +
             " renderer");
    make_frame();
    // Only the software renderer keeps the screen's pixels from one frame to the next (GL back
    // buffers are undefined after a swap): there, crossfades blend over the screen itself.
    in_place_ = display_->renderer_name == "software";
    started_at_ = now_ms();
    start_deck(std::move(loaded), 0);
    while (!quit_) {
        const Millis now = now_ms();
        handle_events(now);
        if (quit_) break;
        if (options_.exit_after_s > 0 && now - started_at_ >= options_.exit_after_s * 1000) break;
        handle_reload(now);
        if (playlist_->update(now)) {
            if (pending_) {
                adopt_pending();
            } else {
                change_slide(now);
            }
        }
        if (playlist_->fading(now) || drawn_fading_) dirty_ = true;
        if (dirty_) {
            draw_frame(now);
        } else if (overlay_changed(now) || screenshot_requested_) {
            draw_overlays(now);
        }
        // Deadlines count from the frame's start, so drawing time is not added to each fade step.
        wait_until(now_ms(), next_wake(now));
    }
    log_info("stats: frames=" + std::to_string(stats_.frames) + " fade_frames=" +
             std::to_string(stats_.fade_frames) + " fades=" + std::to_string(stats_.fades) +
             " reloads=" + std::to_string(stats_.reloads) +
             " first_frame_ms=" + std::to_string(stats_.first_frame_ms));
    reporter_.stopping();
    return 0;
}

} // namespace affiche
