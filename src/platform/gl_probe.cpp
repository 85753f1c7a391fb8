// The OpenGL probe: a forked child reports SDL's video driver and GL_RENDERER through a pipe.
#include "platform/gl_probe.hpp"

#include <SDL.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
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

[[noreturn]] void run_child(int out) {
    // Driver chatter (Mesa's loader warnings) is not the player's: the answer says what matters.
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0) dup2(null, STDERR_FILENO);
    const std::string answer = child_answer();
    for (std::size_t at = 0; at < answer.size();) {
        const ssize_t n = write(out, answer.data() + at, answer.size() - at);
        if (n <= 0) break;
        at += static_cast<std::size_t>(n);
    }
    _exit(0); // no atexit handlers, no SDL_Quit: the process and its connection simply end
}

// Everything the child writes, until it closes the pipe or timeout_ms pass (false then).
bool read_all(int in, int timeout_ms, std::string& text) {
    char buf[512];
    for (;;) {
        pollfd p{in, POLLIN, 0};
        const int r = poll(&p, 1, timeout_ms);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        const ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return true;
        text.append(buf, static_cast<std::size_t>(n));
    }
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
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return {"", std::nullopt, std::string("pipe: ") + std::strerror(errno)};
    const pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return {"", std::nullopt, std::string("fork: ") + std::strerror(errno)};
    }
    if (pid == 0) {
        close(fds[0]);
        run_child(fds[1]);
    }
    close(fds[1]);
    std::string text;
    const bool answered = read_all(fds[0], timeout_ms, text);
    close(fds[0]);
    if (!answered) kill(pid, SIGKILL); // a driver stuck in its start-up
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!answered) {
        return {"", std::nullopt, "no answer within " + std::to_string(timeout_ms) + " ms"};
    }
    return parse_answer(text);
}

} // namespace affiche
