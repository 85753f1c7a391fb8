// Millis: the one type for times and durations in milliseconds; `never`; one loop pass's time.
#pragma once

#include <cstdint>
#include <limits>

namespace affiche {

// Milliseconds: a monotonic time (from an arbitrary origin) or a duration.
using Millis = std::int64_t;
// A deadline that never comes: the neutral value for std::min over deadlines.
inline constexpr Millis never = std::numeric_limits<Millis>::max();

// The time of one pass of the play loop: read once at its start and passed down.
struct LoopTime {
    Millis now = 0;  // monotonic ms: playlist, fades, deadlines
    Millis wall = 0; // wall-clock ms since the Unix epoch: the clock overlay
};

} // namespace affiche
