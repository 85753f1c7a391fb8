// Which SDL renderer to ask for, decided from the OpenGL driver's name: pure, no SDL.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

struct RendererChoice {
    // SDL_HINT_RENDER_DRIVER to set: "software", or "" to let SDL pick its accelerated renderer
    // (or leave the user's SDL_RENDER_DRIVER as it is).
    std::string driver;
    // False: SDL_HINT_FRAMEBUFFER_ACCELERATION "0", so the software renderer's frames go to the
    // window as plain memory instead of through a hidden OpenGL context.
    bool framebuffer_acceleration = true;
    std::string reason; // one phrase for the log and the status file
};

// True when GL_RENDERER names a CPU rasterizer: Mesa's llvmpipe, softpipe and swrast, Google's
// SwiftShader. Case-insensitive.
bool is_software_rasterizer(std::string_view gl_renderer);

// What a probe OpenGL context told about the display.
struct GlProbeResult {
    std::string video_driver;               // SDL's video driver: "x11", "kmsdrm", "wayland"...
    std::optional<std::string> gl_renderer; // GL_RENDERER; nullopt when no context could be made
    std::string error;                      // why not, when gl_renderer is nullopt
};

// True when SDL 2.26's video driver can show plain memory without OpenGL (a window framebuffer of
// its own): x11 (XShm), offscreen, dummy. KMSDRM and Wayland cannot.
bool has_plain_framebuffer(std::string_view video_driver);

// The choice for a real display. override_driver: $SDL_RENDER_DRIVER, when set and not empty
// (always obeyed, the probe is not needed). Without a probe context: SDL's own order, as before
// the probe existed.
RendererChoice choose_renderer(const std::optional<std::string>& override_driver,
                               const GlProbeResult& probe);

} // namespace affiche
