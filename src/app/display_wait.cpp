// The display retry loop, with systemd kept informed and TERM still obeyed.
#include "app/display_wait.hpp"

#include "base/millis.hpp"
#include "platform/log.hpp"
#include "service/notify.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace affiche {

namespace {
// A person at a terminal, not systemd (which sets INVOCATION_ID, and NOTIFY_SOCKET for
// Type=notify, and gives no terminal): they need to hear what to do, the service just retries.
bool started_by_hand() {
    return !std::getenv("INVOCATION_ID") && !std::getenv("NOTIFY_SOCKET") && isatty(STDIN_FILENO);
}
} // namespace

std::optional<Display> wait_for_display(SdlLibrary& sdl, const DisplayOptions& options,
                                        Signals& signals) {
    Millis backoff = 1000;
    bool logged = false;
    for (;;) {
        std::string error;
        if (auto err = sdl.init(false)) {
            error = "cannot start video: " + *err;
        } else if (Result<Display> display = open_display(options); display) {
            display->renderer_reason = sdl.renderer_choice().reason;
            if (!display->fallback_note.empty())
                display->renderer_reason += "; " + display->fallback_note;
            return std::move(*display);
        } else {
            error = display.error().message;
        }
        if (!logged) log_error(error + "; retrying until a display appears");
        if (!logged && started_by_hand()) {
            log_info("no display here: run it from a desktop session, or on the Raspberry Pi's "
                     "own console (a TV on HDMI), or look at the slides as PNG files with "
                     "`affiche --render OUT_DIR CONTENT_DIR`; Ctrl+C stops the wait");
        }
        logged = true;
        notify_status("waiting for a display: " + error);
        notify_watchdog(); // waiting is not hanging
        // Start-up may take as long as the TV stays off: keep systemd from timing it out.
        notify_extend_timeout((backoff + 5000) * 1000);
        sdl.quit_video();
        pollfd p{signals.fd(), POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(backoff)) > 0) {
            for (auto e : signals.drain()) {
                if (e == SignalEvent::quit) return std::nullopt;
            }
        }
        backoff = std::min<Millis>(backoff * 2, 30'000);
    }
}

} // namespace affiche
