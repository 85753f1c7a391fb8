// Tests for next_wake: each of the loop's deadlines wins when it is the earliest.
#include "schedule/wake.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {
// A pass at now = 100000 ms, 20.5 s into a wall-clock minute, on a slide shown since 99700 ms
// with nothing due: every test turns on the deadlines it is about.
WakeInputs quiet() {
    WakeInputs in;
    in.now = 100'000;
    in.wall_ms = 1'699'999'980'000 + 20'500; // the epoch ms of a minute boundary, + 20.5 s
    in.shown_since = 99'700;
    return in;
}
} // namespace

TEST_CASE("wake: with no deadline at all the loop waits for an event") {
    CHECK(next_wake(quiet()) == never);
}

TEST_CASE("wake: the slide's end wins when it is the earliest") {
    WakeInputs in = quiet();
    in.slide_end = 104'000;
    in.watchdog = 110'000;
    in.debounce = 105'000;
    CHECK(next_wake(in) == 104'000);
}

TEST_CASE("wake: paused, the slide has no end and the progress bar does not move") {
    WakeInputs in = quiet();
    in.slide_end = 104'000;
    in.progress_shown = true;
    in.paused = true;
    CHECK(next_wake(in) == never);
    in.watchdog = 130'000;
    CHECK(next_wake(in) == 130'000);
}

TEST_CASE("wake: the clock overlay wakes at the next wall-clock minute") {
    WakeInputs in = quiet();
    in.clock_shown = true;
    CHECK(next_wake(in) == 100'000 + 39'500); // 20.5 s into the minute
    in.wall_ms = 1'699'999'980'000;           // exactly on a boundary: the next one
    CHECK(next_wake(in) == 160'000);
    in.wall_ms = 1'699'999'980'000 + 59'999;
    CHECK(next_wake(in) == 100'001);
    in.wall_ms = -1; // one ms before the epoch: one ms before a minute boundary too
    CHECK(next_minute(in.now, in.wall_ms) == 100'001);
}

TEST_CASE("wake: the progress bar wakes at its next whole step since the slide appeared") {
    WakeInputs in = quiet();
    in.progress_shown = true;
    CHECK(next_wake(in) == 100'700); // shown 300 ms ago: 700 ms to the next second
    in.progress_step_ms = 250;
    CHECK(next_wake(in) == 100'200);
    in.now = 100'700; // exactly on a step: the next one
    in.progress_step_ms = 1000;
    CHECK(next_wake(in) == 101'700);
}

TEST_CASE("wake: fading gives the frame step, and it replaces slide, clock and progress") {
    WakeInputs in = quiet();
    in.fading = true;
    in.slide_end = 100'005;
    in.clock_shown = true;
    in.progress_shown = true;
    in.wall_ms = 1'699'999'980'000 + 59'999; // the minute would come in 1 ms
    CHECK(next_wake(in) == 100'016);
    in.fade_frame_ms = 40;
    CHECK(next_wake(in) == 100'040);
    in.debounce = 100'010; // debounce, watchdog and exit still count while fading
    CHECK(next_wake(in) == 100'010);
}

TEST_CASE("wake: debounce, watchdog, exit-after and housekeeping each win when earliest") {
    WakeInputs in = quiet();
    in.slide_end = 200'000;
    in.debounce = 100'400;
    in.watchdog = 100'300;
    in.exit_at = 100'200;
    in.housekeeping = 100'100;
    CHECK(next_wake(in) == 100'100);
    in.housekeeping = never;
    CHECK(next_wake(in) == 100'200);
    in.exit_at = never;
    CHECK(next_wake(in) == 100'300);
    in.watchdog = never;
    CHECK(next_wake(in) == 100'400);
    in.debounce = never;
    CHECK(next_wake(in) == 200'000);
}

TEST_CASE("wake: a deadline already passed is returned as it is (the loop waits 0 ms)") {
    WakeInputs in = quiet();
    in.slide_end = 99'000;
    CHECK(next_wake(in) == 99'000);
}

TEST_CASE("wake: the schedule's next change and the CEC retry are deadlines like the others") {
    WakeInputs in = quiet();
    in.slide_end = 104'000;
    in.schedule = 101'000;
    CHECK(next_wake(in) == 101'000);
    in.power_retry = 100'500;
    CHECK(next_wake(in) == 100'500);
}

TEST_CASE("wake: screen off, no slide, overlay or housekeeping wake-up, only the schedule and the "
          "service") {
    WakeInputs in = quiet();
    in.screen_off = true;
    in.slide_end = 104'000;
    in.fading = true;
    in.clock_shown = true;
    in.progress_shown = true;
    in.housekeeping = 101'000;
    CHECK(next_wake(in) == never); // nothing due: the loop sleeps until a descriptor wakes it
    in.schedule = 3'600'000;
    CHECK(next_wake(in) == 3'600'000);
    in.watchdog = 130'000;
    CHECK(next_wake(in) == 130'000);
    in.debounce = 120'000;
    CHECK(next_wake(in) == 120'000);
    in.exit_at = 110'000;
    CHECK(next_wake(in) == 110'000);
}
