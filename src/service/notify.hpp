// systemd notifications (READY, STATUS, WATCHDOG, STOPPING): no-ops when built without libsystemd
// or when not started by systemd (NOTIFY_SOCKET unset).
#pragma once

#include "base/millis.hpp"

#include <cstdint>
#include <string>

namespace affiche {

// True when built with libsystemd (AFFICHE_HAVE_SYSTEMD); otherwise every call below is a no-op.
bool notify_available();

// READY=1: the first frame is on screen (Type=notify).
void notify_ready();
// STATUS=<text>, shown by "systemctl status"; newlines become spaces (one line only).
void notify_status(const std::string& text);
// WATCHDOG=1: the loop is alive. Send at least every watchdog_interval_ms().
void notify_watchdog();
// EXTEND_TIMEOUT_USEC=<usec> (microseconds): more time to start or stop, e.g. during a slow
// first deck load or while waiting for a display.
void notify_extend_timeout(std::int64_t usec);
// STOPPING=1: shutting down on purpose.
void notify_stopping();

// How often to ping the watchdog, ms: half of WatchdogSec= (from WATCHDOG_USEC, when WATCHDOG_PID
// is unset or names this process); 0 when the watchdog is off.
Millis watchdog_interval_ms();

} // namespace affiche
