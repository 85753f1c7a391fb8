// The screen's frame handling: rotation, present, screenshot, and where window events come from.
#include "app/screen.hpp"

#include "platform/log.hpp"
#include "platform/slide_composer.hpp"

namespace affiche {

namespace {
// How often the loop must look at SDL's queue on a video driver, ms.
Millis event_wait_for(int event_fd) {
    const char* name = SDL_GetCurrentVideoDriver();
    auto driver_is = [name](const char* d) { return name && SDL_strcasecmp(name, d) == 0; };
    // X11 and Wayland: events wake poll() through event_fd. SDL's X11 event pump also resets
    // the X screen saver, at most every 30 s: a static slide with nothing else due would
    // otherwise let the screen blank.
    if (event_fd >= 0) return driver_is("x11") ? 30'000 : never;
    // KMSDRM reads keyboards through evdev descriptors it does not expose. Unattended, no
    // keyboard is plugged in; a technician who plugs one waits at most a second for a key.
    // The cost: one wake-up a second, only when nothing else (progress bar, fade) is due sooner.
    if (driver_is("KMSDRM")) return 1000;
    // offscreen, dummy: no input devices and no window system; signals and files still wake
    // the loop through their own descriptors.
    return never;
}
} // namespace

Screen::Screen(Display display, int rotate_degrees)
    : display_(std::move(display)), rotate_(rotate_degrees) {
    make_frame();
    event_fd_ = window_event_fd(display_.window.get());
    event_wait_ms_ = event_wait_for(event_fd_);
}

Screen::~Screen() {
    frame_.reset(); // before the renderer it belongs to (display_ goes after this body)
}

void Screen::make_frame() {
    logical_ = display_.size;
    frame_.reset();
    if (rotate_ == 0) return;
    if (rotate_ == 90 || rotate_ == 270) logical_ = {display_.size.h, display_.size.w};
    frame_.reset(SDL_CreateTexture(renderer(), slide_pixel_format, SDL_TEXTUREACCESS_TARGET,
                                   logical_.w, logical_.h));
    if (!frame_) {
        log_error(std::string("cannot turn the picture: ") + SDL_GetError() +
                  "; showing it upright");
        logical_ = display_.size;
    }
}

void Screen::begin_frame() {
    if (frame_) SDL_SetRenderTarget(renderer(), frame_.get());
}

void Screen::save_screenshot(const std::string& path) {
    if (auto saved = save_png(renderer(), logical_, path); saved) {
        log_info("screenshot saved to " + path);
    } else {
        log_error(format_diagnostic(saved.error()));
    }
}

void Screen::present() {
    SDL_Renderer* r = renderer();
    if (frame_) {
        // The upright frame is turned onto the screen around the screen's centre.
        SDL_SetRenderTarget(r, nullptr);
        const Size s = display_.size;
        const SDL_Rect dst{(s.w - logical_.w) / 2, (s.h - logical_.h) / 2, logical_.w, logical_.h};
        SDL_SetTextureBlendMode(frame_.get(), SDL_BLENDMODE_NONE);
        SDL_RenderCopyEx(r, frame_.get(), nullptr, &dst, rotate_, nullptr, SDL_FLIP_NONE);
    }
    SDL_RenderPresent(r);
}

} // namespace affiche
