// The renderer decision: a CPU rasterizer behind OpenGL makes SDL's software renderer cheaper.
#include "platform/renderer_choice.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace affiche {

bool is_software_rasterizer(std::string_view gl_renderer) {
    std::string lower(gl_renderer);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    // Mesa: "llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer" (swrast);
    // ANGLE/Chromium: "Google SwiftShader".
    constexpr std::array<std::string_view, 5> names{"llvmpipe", "softpipe", "swrast",
                                                    "software rasterizer", "swiftshader"};
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return lower.find(n) != std::string::npos; });
}

bool has_plain_framebuffer(std::string_view video_driver) {
    return video_driver == "x11" || video_driver == "offscreen" || video_driver == "dummy";
}

RendererChoice choose_renderer(const std::optional<std::string>& override_driver,
                               const GlProbeResult& probe) {
    if (override_driver && !override_driver->empty()) {
        // The user's driver and framebuffer settings stay exactly as they set them.
        return {"", true, "SDL_RENDER_DRIVER=" + *override_driver + " set"};
    }
    if (!probe.gl_renderer) {
        return {"", true, "no OpenGL probe (" + probe.error + "): SDL's default order"};
    }
    const std::string gl = "OpenGL is " + *probe.gl_renderer;
    if (!is_software_rasterizer(*probe.gl_renderer)) return {"", true, gl + ", a GPU"};
    if (!has_plain_framebuffer(probe.video_driver)) {
        // SDL's software renderer would present through OpenGL anyway: no gain, keep GL.
        return {"", true,
                gl + ", a software rasterizer, but " + probe.video_driver +
                    " can only present through it"};
    }
    // On llvmpipe the GL renderer costs ~4x the memory and ~3x the CPU of plain
    // software rendering for the same picture (README, "Renderer choice").
    return {"software", false, gl + ", a software rasterizer"};
}

} // namespace affiche
