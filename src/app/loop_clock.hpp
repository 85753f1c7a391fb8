// The loop's clock: monotonic ms for deadlines, wall-clock ms for the clock overlay and the
// schedule. Tests and bench scripts may fake the wall clock's start and speed through the
// environment: AFFICHE_FAKE_CLOCK="2026-12-24 17:59x60" (local time, or Unix seconds, then an
// optional x and speed factor) runs the schedule from that moment, 60 times faster.
#pragma once

#include "base/millis.hpp"

#include <optional>
#include <string>

namespace affiche {

struct FakeClock {
    Millis start_wall = 0; // wall-clock ms at the process's first read
    double speed = 1;      // wall-clock ms per monotonic ms
};

// Parses "START[xSPEED]": START is Unix seconds or "YYYY-MM-DD HH:MM" local time, SPEED > 0.
std::optional<FakeClock> parse_fake_clock(const std::string& text);

class LoopClock {
  public:
    // Reads AFFICHE_FAKE_CLOCK; logs a faked clock, and a malformed value (then the real clock).
    static LoopClock from_environment();
    explicit LoopClock(std::optional<FakeClock> fake = std::nullopt);
    LoopTime read() const;
    // The monotonic time at which the wall clock reads wall_ms, seen from the pass t (never for
    // never).
    Millis monotonic_at(const LoopTime& t, Millis wall_ms) const;

  private:
    std::optional<FakeClock> fake_;
    Millis origin_ = 0; // monotonic ms at construction
};

} // namespace affiche
