// The screen: SDL's window and renderer, the --rotate turn, present, screenshot, window events.
#pragma once

#include "base/geometry.hpp"
#include "base/millis.hpp"
#include "platform/display.hpp"

#include <string>

namespace affiche {

// Owns the window, the renderer and the rotation frame. Every other texture of this renderer
// (slides, images) must be destroyed before the Screen: see Player, which says so in one place.
class Screen {
  public:
    // rotate_degrees: 0, 90, 180 or 270 clockwise (a TV turned on its side).
    Screen(Display display, int rotate_degrees);
    ~Screen();
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    SDL_Renderer* renderer() const { return display_.renderer.get(); }
    // The upright picture's size, px: the output's, turned by --rotate.
    Size size() const { return logical_; }
    Size output_size() const { return display_.size; }
    const std::string& renderer_name() const { return display_.renderer_name; }
    const std::string& renderer_reason() const { return display_.renderer_reason; }
    int max_texture_side() const { return display_.max_texture_side; }
    // Only the software renderer keeps the screen's pixels from one frame to the next (GL back
    // buffers are undefined after a swap): there, crossfades blend over the screen itself.
    bool keeps_pixels() const { return display_.renderer_name == "software"; }

    // The descriptor window-system events arrive on (X11, Wayland), or -1.
    int event_fd() const { return event_fd_; }
    // How often, ms, the loop must look at SDL's queue although nothing woke it (never = only
    // when something else wakes it). See screen.cpp for each video driver's reason.
    Millis event_wait_ms() const { return event_wait_ms_; }

    // Directs drawing to the upright picture (the rotation frame, when turned).
    void begin_frame();
    // Writes what was drawn since begin_frame to a PNG file (before present); logs the outcome.
    void save_screenshot(const std::string& path);
    // Turns the upright picture onto the screen if needed, and shows it.
    void present();
    // SDL_RENDER_DEVICE_RESET: every texture is gone, the rotation frame too.
    void device_reset() { make_frame(); }

  private:
    void make_frame();

    Display display_; // window, then renderer (destroyed first)
    // With --rotate, the upright frame turned when copied to the screen. A texture of
    // display_'s renderer: declared after it, and freed first by ~Screen.
    TexturePtr frame_;
    int rotate_ = 0;
    Size logical_;
    int event_fd_ = -1;
    Millis event_wait_ms_ = never;
};

} // namespace affiche
