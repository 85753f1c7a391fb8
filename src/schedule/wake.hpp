// When the play loop must wake next: a pure function of the loop's deadlines, no clock inside.
#pragma once

#include "base/millis.hpp"

namespace affiche {

// What the loop knows at the start of a pass. Times are monotonic ms on the loop's clock, except
// wall_ms (wall-clock ms since the Unix epoch, read in the same pass, for the clock overlay).
// A deadline the loop does not have is `never`.
struct WakeInputs {
    Millis now = 0;
    Millis wall_ms = 0;
    bool fading = false;         // a crossfade runs: the next frame is due one frame step on
    Millis fade_frame_ms = 16;   // ~60 fps cap while fading (vsync paces real screens)
    bool paused = false;         // no slide end, no progress step
    Millis slide_end = never;    // when the current slide's time is up
    bool clock_shown = false;    // the clock overlay changes at each wall-clock minute
    bool progress_shown = false; // the progress bar moves each progress_step_ms
    Millis shown_since = 0;      // when the current slide appeared (progress steps count from it)
    Millis progress_step_ms = 1000;
    Millis debounce = never;     // a file change settles: start the reload
    Millis watchdog = never;     // systemd's watchdog wants its next ping
    Millis exit_at = never;      // --exit-after (tests, bench)
    Millis housekeeping = never; // the window system's own chores (see Player), if any
    Millis schedule = never;     // the schedule's next change (screen on/off, slide eligibility)
    Millis power_retry = never;  // a TV not yet on the HDMI-CEC bus is looked for again
    bool screen_off = false;     // outside opening hours: nothing drawn, nothing to animate
};

// The earliest deadline, >= now is not guaranteed (a passed deadline is returned as it is: the
// loop then waits 0 ms). While fading, the frame step replaces the slide, clock and progress
// deadlines: the frame drawn then redraws the overlays anyway. While the screen is off only the
// schedule, reloads, the watchdog, the CEC retry and --exit-after count: no slide, overlay or
// window-system wake-up (the floor a closed night costs).
Millis next_wake(const WakeInputs& in);

// The next wall-clock minute boundary, as a monotonic time: now + the ms left in wall_ms's minute
// (a full minute when wall_ms is exactly on a boundary).
Millis next_minute(Millis now, Millis wall_ms);

} // namespace affiche
