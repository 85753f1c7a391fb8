// The display retry loop, with systemd kept informed and TERM still obeyed.
#include "app/display_wait.hpp"

#include "core/millis.hpp"
#include "platform/log.hpp"
#include "service/notify.hpp"

#include <poll.h>

#include <algorithm>

namespace affiche {

std::optional<Display> wait_for_display(SdlLibrary& sdl, const DisplayOptions& options,
                                        Signals& signals) {
    Millis backoff = 1000;
    bool logged = false;
    for (;;) {
        std::string error;
        if (auto err = sdl.init(false)) {
            error = "cannot start video: " + *err;
        } else if (std::optional<Display> display = open_display(options, error)) {
            display->renderer_reason = sdl.renderer_choice().reason;
            return display;
        }
        if (!logged) log_error(error + "; retrying until a display appears");
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
