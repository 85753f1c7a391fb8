// SDL start-up, window and renderer creation with fallbacks, and PNG read-back.
#include "platform/display.hpp"

#include "base/atomic_file.hpp"
#include "platform/gl_probe.hpp"
#include "platform/image_encode.hpp"

#include <SDL_image.h>
#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <string>

// Includes Xlib.h: last, because of its macros (None, Status, Bool).
#include <SDL_syswm.h>

namespace affiche {

SdlLibrary::~SdlLibrary() {
    if (image_) IMG_Quit();
    if (ttf_) TTF_Quit();
    if (video_) SDL_Quit();
}

void SdlLibrary::choose_renderer() {
    const char* env = std::getenv("SDL_RENDER_DRIVER");
    std::optional<std::string> override_driver;
    if (env && *env) override_driver = env;
    // The probe starts a GL driver in a child process: ~0.4 s measured on llvmpipe, once per start
    // (and per retry while no display works). Not needed when the user named the renderer.
    constexpr int probe_timeout_ms = 5000;
    const GlProbeResult probe = override_driver ? GlProbeResult{} : probe_gl(probe_timeout_ms);
    choice_ = affiche::choose_renderer(override_driver, probe);
    // Hints at normal priority: SDL_RENDER_DRIVER and SDL_FRAMEBUFFER_ACCELERATION in the
    // environment still win. Reset first: a retry may find another display than the last one.
    SDL_ResetHint(SDL_HINT_RENDER_DRIVER);
    SDL_ResetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION);
    if (!choice_.driver.empty()) SDL_SetHint(SDL_HINT_RENDER_DRIVER, choice_.driver.c_str());
    if (!choice_.framebuffer_acceleration) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

std::optional<std::string> SdlLibrary::init(bool headless) {
    if (!headless) choose_renderer();
    if (headless) {
        // Only the environment variable reliably selects these drivers in SDL 2.26.
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    }
    const char* driver = std::getenv("SDL_VIDEODRIVER");
    if (headless ||
        (driver && (std::string(driver) == "offscreen" || std::string(driver) == "dummy"))) {
        // Without a screen, SDL 2.26 would still push the software renderer's frames through a
        // hidden OpenGL context (Mesa llvmpipe): +100 MB resident, 5x the CPU. Plain memory it is.
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    // We handle SIGINT/SIGTERM ourselves (signalfd), together with SIGHUP and SIGUSR1.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) return std::string(SDL_GetError());
    video_ = true;
    if (TTF_Init() != 0) return std::string(TTF_GetError());
    ttf_ = true;
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
    image_ = true;
    return std::nullopt;
}

void SdlLibrary::quit_video() {
    if (video_) SDL_QuitSubSystem(SDL_INIT_VIDEO);
}

namespace {
std::string renderer_name(SDL_Renderer* renderer) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer, &info) != 0 || !info.name) return "?";
    return info.name;
}

// True when the renderer really draws into a target texture (the crossfade and the slide cache
// need it), which a renderer's advertised flags do not prove.
bool draws_into_textures(SDL_Renderer* renderer) {
    TexturePtr target(
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 4, 4));
    if (!target) return false;
    const bool ok =
        SDL_SetRenderTarget(renderer, target.get()) == 0 && SDL_RenderClear(renderer) == 0;
    SDL_SetRenderTarget(renderer, nullptr);
    return ok;
}

// SDL's index of the named render driver, or -1 when this SDL has none by that name.
int render_driver_index(const char* name) {
    const int count = SDL_GetNumRenderDrivers();
    for (int i = 0; i < count; ++i) {
        SDL_RendererInfo info{};
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && info.name && std::string(info.name) == name)
            return i;
    }
    return -1;
}
} // namespace

Result<Display> open_display(const DisplayOptions& options) {
    Display d;
    Size want = options.size.value_or(Size{1920, 1080});
    Uint32 flags = SDL_WINDOW_SHOWN;
    // --size asks for a window of that size; otherwise the display's own mode, full screen.
    if (!options.windowed && !options.headless && !options.size) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        // Created at the desktop's size too: an X server without a window manager (a bare kiosk
        // session, Xvfb) never resizes the window, and the picture would sit off screen.
        SDL_DisplayMode mode{};
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) {
            want = {mode.w, mode.h};
        }
    }
    d.window.reset(SDL_CreateWindow("affiche", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                    want.w, want.h, flags));
    if (!d.window) return failure({}, std::string("cannot create window: ") + SDL_GetError());
    if (!options.headless) {
        // Vsync: KMSDRM page flips are otherwise asynchronous and garble the picture on a Pi 5.
        constexpr Uint32 accelerated =
            SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE;
        d.renderer.reset(SDL_CreateRenderer(d.window.get(), -1, accelerated));
        if (d.renderer && !draws_into_textures(d.renderer.get())) {
            // SDL's first choice claimed render targets it cannot make: its "opengl" renderer on
            // KMSDRM + Mesa llvmpipe, when the GL probe did not answer in time (a slow start).
            // GLES2 is what the Pi's v3d and llvmpipe both do on KMSDRM; else software below.
            d.fallback_note = std::string("the ") + renderer_name(d.renderer.get()) +
                              " renderer cannot draw into textures";
            d.renderer.reset();
            const int gles2 = render_driver_index("opengles2");
            if (gles2 >= 0)
                d.renderer.reset(SDL_CreateRenderer(d.window.get(), gles2, accelerated));
            if (d.renderer && !draws_into_textures(d.renderer.get())) d.renderer.reset();
        }
    }
    if (!d.renderer) {
        d.renderer.reset(SDL_CreateRenderer(d.window.get(), -1,
                                            SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE));
    }
    if (!d.renderer) return failure({}, std::string("cannot create renderer: ") + SDL_GetError());
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(d.renderer.get(), &info);
    d.renderer_name = renderer_name(d.renderer.get());
    if (info.max_texture_width > 0 && info.max_texture_height > 0) {
        d.max_texture_side = std::min(info.max_texture_width, info.max_texture_height);
    } else {
        d.max_texture_side = 16384; // the software renderer has no limit of its own
    }
    SDL_GetRendererOutputSize(d.renderer.get(), &d.size.w, &d.size.h);
    SDL_ShowCursor(SDL_DISABLE); // after the window exists, or KMSDRM keeps the cursor
    SDL_DisableScreenSaver();
    return d;
}

namespace {
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
// wl_display_get_fd, from the libwayland-client that SDL already loaded: no link dependency of our
// own for a driver the screen (KMSDRM) never uses.
int wayland_fd(void* display) {
    void* lib = dlopen("libwayland-client.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (!lib) return -1;
    using GetFd = int (*)(void*);
    auto get_fd = reinterpret_cast<GetFd>(dlsym(lib, "wl_display_get_fd"));
    const int fd = get_fd ? get_fd(display) : -1;
    dlclose(lib); // SDL keeps its own reference
    return fd;
}
#endif
} // namespace

int window_event_fd(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info)) return -1;
    switch (info.subsystem) {
#if defined(SDL_VIDEO_DRIVER_X11)
    case SDL_SYSWM_X11:
        return ConnectionNumber(info.info.x11.display);
#endif
#if defined(SDL_VIDEO_DRIVER_WAYLAND)
    case SDL_SYSWM_WAYLAND:
        return wayland_fd(info.info.wl.display);
#endif
    default:
        return -1;
    }
}

Result<std::string> encode_png(SDL_Renderer* renderer, Size size) {
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!s ||
        SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0)
        return failure({}, std::string("cannot read the screen: ") + SDL_GetError());
    return encode_surface_png(s.get());
}

Result<Done> save_png(SDL_Renderer* renderer, Size size, const std::string& path) {
    auto png = encode_png(renderer, size);
    if (!png) return png.error();
    auto written = write_file_atomically(path, *png, Durability::crash);
    if (!written)
        return failure(written.error().loc, "cannot write the PNG: " + written.error().message,
                       written.error().hint);
    return Done{};
}

} // namespace affiche
