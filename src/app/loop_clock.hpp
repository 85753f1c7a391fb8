// The loop's clock: loop ms for deadlines, wall-clock ms for the clock overlay and the schedule.
// Tests and bench scripts may fake the clock's start and speed through the environment:
// AFFICHE_FAKE_CLOCK="2026-12-24 17:59x60" (local time, or Unix seconds, then an optional x and
// speed factor) runs the player from that moment, 60 times faster. The speed applies to the whole
// clock (slides, fades, debounce, the schedule) and to poll()'s timeouts, so the loop has one code
// path: a faked clock only changes what read() and timeout_ms() answer. (The watchdog's pings
// count loop time too: never fake a clock slower than 1 under systemd's watchdog.)
#pragma once

#include "base/millis.hpp"

#include <optional>
#include <string>

namespace affiche {

struct FakeClock {
    Millis start_wall = 0; // wall-clock ms at the process's first read
    double speed = 1;      // loop (and wall-clock) ms per real ms
};

// Parses "START[xSPEED]": START is Unix seconds or "YYYY-MM-DD HH:MM" local time, SPEED > 0.
std::optional<FakeClock> parse_fake_clock(const std::string& text);

class LoopClock {
  public:
    // Reads AFFICHE_FAKE_CLOCK; logs a faked clock, and a malformed value (then the real clock).
    static LoopClock from_environment();
    explicit LoopClock(std::optional<FakeClock> fake = std::nullopt);
    // Loop ms (monotonic; speed times the real monotonic clock when faked) and wall ms.
    LoopTime read() const;
    // The loop time at which the wall clock reads wall_ms, seen from the pass t (never for
    // never). Loop and wall clock run at the same speed, faked or not.
    Millis monotonic_at(const LoopTime& t, Millis wall_ms) const;
    // poll()'s timeout: real ms from now until the loop time reaches at (0 when passed, never
    // for never), rounded up so the loop does not wake a little early for nothing.
    Millis timeout_ms(Millis at) const;

  private:
    Millis loop_ms(Millis real_monotonic) const;

    std::optional<FakeClock> fake_;
    Millis origin_ = 0; // real monotonic ms at construction
};

} // namespace affiche
