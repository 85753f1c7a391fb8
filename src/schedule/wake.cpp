// next_wake: the minimum over the loop's deadlines.
#include "schedule/wake.hpp"

#include <algorithm>

namespace affiche {

Millis next_minute(Millis now, Millis wall_ms) {
    constexpr Millis minute_ms = 60'000;
    const Millis into = ((wall_ms % minute_ms) + minute_ms) % minute_ms; // also before 1970
    return now + (minute_ms - into);
}

Millis next_wake(const WakeInputs& in) {
    Millis wake = std::min({in.debounce, in.watchdog, in.exit_at, in.schedule, in.power_retry});
    if (in.screen_off) return wake;
    wake = std::min(wake, in.housekeeping);
    if (in.fading) return std::min(wake, in.now + std::max<Millis>(1, in.fade_frame_ms));
    if (!in.paused) wake = std::min(wake, in.slide_end);
    if (in.clock_shown) wake = std::min(wake, next_minute(in.now, in.wall_ms));
    if (in.progress_shown && !in.paused && in.progress_step_ms > 0) {
        const Millis since = std::max<Millis>(0, in.now - in.shown_since);
        wake = std::min(wake, in.now + in.progress_step_ms - since % in.progress_step_ms);
    }
    return wake;
}

} // namespace affiche
