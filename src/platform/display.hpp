// Opens SDL (video, fonts, images), the window and the renderer; reads the screen back to PNG.
#pragma once

#include "base/geometry.hpp"
#include "base/result.hpp"
#include "platform/renderer_choice.hpp"
#include "platform/sdl_handles.hpp"

#include <optional>
#include <string>

namespace affiche {

struct DisplayOptions {
    bool windowed = false;    // development: a window instead of full screen
    std::optional<Size> size; // window size; full screen uses the display's own mode
    bool headless = false;    // offscreen video driver and software renderer (--render, tests)
};

// Owns SDL's subsystems for its lifetime (one per process).
class SdlLibrary {
  public:
    SdlLibrary() = default;
    SdlLibrary(const SdlLibrary&) = delete;
    SdlLibrary& operator=(const SdlLibrary&) = delete;
    ~SdlLibrary();
    // Initialises video, SDL_ttf and SDL_image. On failure returns SDL's message. On a real
    // display (not headless) first chooses the renderer (see renderer_choice()).
    std::optional<std::string> init(bool headless);
    void quit_video();
    // What init chose for the renderer, and why (a software rasterizer behind OpenGL, or
    // SDL_RENDER_DRIVER set): already told to SDL as hints.
    const RendererChoice& renderer_choice() const { return choice_; }

  private:
    void choose_renderer();

    RendererChoice choice_{"software", false, "headless"};
    bool video_ = false;
    bool ttf_ = false;
    bool image_ = false;
};

struct Display {
    WindowPtr window;
    RendererPtr renderer; // declared after window: destroyed first
    Size size;            // output size in pixels
    int max_texture_side = 4096;
    std::string renderer_name;
    std::string renderer_reason; // why this renderer (SdlLibrary::renderer_choice)
    std::string fallback_note;   // why SDL's first choice was dropped, or empty
};

// Creates the window and renderer (accelerated with vsync, else software). Returns the display,
// or the Diagnostic (no path) whose message says what could not be created and SDL's reason.
Result<Display> open_display(const DisplayOptions& options);

// The descriptor SDL's window-system events arrive on, to poll() beside the loop's own: the X11
// connection, or the Wayland display's socket. -1 for KMSDRM, offscreen and dummy, which have
// none (see Screen::event_wait_ms for how the loop looks at their queue).
int window_event_fd(SDL_Window* window);

// Reads the current render target (before SDL_RenderPresent) as PNG bytes. Returns them, or the
// Diagnostic (no path) with SDL's reason. save_png and the studio's previews both use it, so they
// give the same bytes.
Result<std::string> encode_png(SDL_Renderer* renderer, Size size);

// Reads the current render target (before SDL_RenderPresent) and writes it as a PNG file with
// write_file_atomically (Durability::crash: a reader never sees half a file). Returns Done, or
// the Diagnostic of the read-back, or the one at path of the write.
Result<Done> save_png(SDL_Renderer* renderer, Size size, const std::string& path);

} // namespace affiche
