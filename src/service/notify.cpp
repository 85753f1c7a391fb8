// sd_notify wrappers; compiled to no-ops without AFFICHE_HAVE_SYSTEMD.
#include "service/notify.hpp"

#ifdef AFFICHE_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include <algorithm>

namespace affiche {

#ifdef AFFICHE_HAVE_SYSTEMD

namespace {
// sd_notify returns < 0 on a socket error and 0 when not under systemd: neither is worth a log
// line every frame, and the watchdog itself reports a player that cannot reach systemd.
void send(const std::string& state) {
    sd_notify(0, state.c_str());
}
} // namespace

bool notify_available() {
    return true;
}
void notify_ready() {
    send("READY=1");
}
void notify_status(const std::string& text) {
    std::string line = text;
    std::replace(line.begin(), line.end(), '\n', ' '); // a newline would start a new assignment
    send("STATUS=" + line);
}
void notify_watchdog() {
    send("WATCHDOG=1");
}
void notify_extend_timeout(std::int64_t usec) {
    if (usec > 0) send("EXTEND_TIMEOUT_USEC=" + std::to_string(usec));
}
void notify_stopping() {
    send("STOPPING=1");
}

Millis watchdog_interval_ms() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) <= 0) return 0;
    // Ping at half the interval; never 0 ("off") for a sub-2 ms watchdog.
    return std::max<Millis>(1, static_cast<Millis>(usec / 1000 / 2));
}

#else

bool notify_available() {
    return false;
}
void notify_ready() {}
void notify_status(const std::string&) {}
void notify_watchdog() {}
void notify_extend_timeout(std::int64_t) {}
void notify_stopping() {}
Millis watchdog_interval_ms() {
    return 0;
}

#endif

} // namespace affiche
