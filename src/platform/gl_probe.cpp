// The OpenGL probe: a forked child (process runner) reports the video driver and GL_RENDERER.
#include "platform/gl_probe.hpp"

#include "base/process_runner.hpp"
#include "base/write_all.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace affiche {

namespace {

constexpr unsigned gl_renderer_enum = 0x1F01; // GL_RENDERER, without including GL headers

// A context of SDL's default kind (desktop OpenGL), else OpenGL ES 2 (what a Pi may only have).
SDL_GLContext make_context(SDL_Window*& window) {
    const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (attempt == 1) {
            SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
            SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
            SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
        }
        window = SDL_CreateWindow("affiche-probe", 0, 0, 16, 16, flags);
        if (!window) continue;
        if (SDL_GLContext context = SDL_GL_CreateContext(window)) return context;
        SDL_DestroyWindow(window);
        window = nullptr;
    }
    return nullptr;
}

// The child's answer: "driver\nrenderer" on success, "driver\n\nerror" otherwise.
std::string child_answer() {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return "\n\ncannot start video: " + std::string(SDL_GetError());
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    SDL_Window* window = nullptr;
    SDL_GLContext context = make_context(window);
    if (!context) return driver + "\n\nno OpenGL context: " + SDL_GetError();
    using GetString = const unsigned char* (*)(unsigned);
    auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    const unsigned char* name = get_string ? get_string(gl_renderer_enum) : nullptr;
    if (!name) return driver + "\n\nglGetString(GL_RENDERER) gave nothing";
    return driver + "\n" + reinterpret_cast<const char*>(name);
}

// In the child: the answer on stdout (the process runner's pipe); driver chatter (Mesa's loader
// warnings) on stderr is not the player's, the answer says what matters.
void run_child() {
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) dup2(null, STDERR_FILENO);
    const std::string answer = child_answer();
    write_all(STDOUT_FILENO, answer.data(), answer.size());
    // run_forked ends the child with _exit: no atexit handlers, no SDL_Quit.
}

GlProbeResult parse_answer(const std::string& text) {
    GlProbeResult r;
    const auto first = text.find('\n');
    if (first == std::string::npos) {
        r.error = "the probe process gave no answer";
        return r;
    }
    r.video_driver = text.substr(0, first);
    const std::string rest = text.substr(first + 1);
    if (!rest.empty() && rest.front() == '\n') {
        r.error = rest.substr(1);
    } else if (rest.empty()) {
        r.error = "empty GL_RENDERER";
    } else {
        r.gl_renderer = rest;
    }
    return r;
}

} // namespace

GlProbeResult probe_gl(int timeout_ms) {
    ProcessOptions options;
    options.output = ChildOutput::capture;
    options.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    auto run = run_forked("the OpenGL probe", run_child, options);
    if (!run) return {"", std::nullopt, run.error().message};
    if (run->timed_out) { // a driver stuck in its start-up: killed
        return {"", std::nullopt, "no answer within " + std::to_string(timeout_ms) + " ms"};
    }
    return parse_answer(run->output);
}

} // namespace affiche
