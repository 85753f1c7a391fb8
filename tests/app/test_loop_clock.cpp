// Tests for the loop's clock: the fake clock tests and benches use (AFFICHE_FAKE_CLOCK), and the
// conversion of a wall-clock deadline (a schedule change) into the loop's monotonic time.
#include "app/loop_clock.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <string>

using namespace affiche;

namespace {
// Runs the test in UTC, restoring the caller's TZ after.
struct InUtc {
    std::string old;
    bool had = false;
    InUtc() {
        if (const char* tz = std::getenv("TZ")) {
            old = tz;
            had = true;
        }
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~InUtc() {
        if (had) {
            setenv("TZ", old.c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
};
} // namespace

TEST_CASE("loop clock: a fake start as Unix seconds or local time, with a speed") {
    const InUtc utc;
    std::optional<FakeClock> f = parse_fake_clock("1798000000");
    REQUIRE(f);
    CHECK(f->start_wall == 1'798'000'000'000);
    CHECK(f->speed == 1.0);
    f = parse_fake_clock("2026-12-21 11:40x300");
    REQUIRE(f);
    CHECK(f->start_wall == 1'797'853'200'000); // 2026-12-21T11:40:00Z
    CHECK(f->speed == 300.0);
    f = parse_fake_clock("2026-12-21x0.5");
    REQUIRE(f);
    CHECK(f->start_wall == 1'797'811'200'000); // midnight
    CHECK(f->speed == 0.5);
}

TEST_CASE("loop clock: malformed fake clocks are refused") {
    for (const char* bad : {"", "x60", "tomorrow", "2026-12-21 11:40x", "2026-12-21 11:40x0",
                            "2026-12-21 11:40x-2", "2026-12-21 11:40xfast", "2026-13-01"}) {
        INFO(bad);
        CHECK_FALSE(parse_fake_clock(bad));
    }
}

TEST_CASE("loop clock: a wall-clock deadline in monotonic time, at the clock's speed") {
    const LoopTime t{50'000, 1'797'853'200'000};
    const LoopClock real;
    CHECK(real.monotonic_at(t, t.wall + 90'000) == 140'000);
    CHECK(real.monotonic_at(t, never) == never);
    // A faked clock's loop time runs as fast as its wall clock: 20 min are 20 min of loop time
    // (poll() turns them into 4 real s at x300: timeout_ms below).
    const LoopClock fast(FakeClock{t.wall, 300});
    CHECK(fast.monotonic_at(t, t.wall + 1'200'000) == 1'250'000);
    CHECK(fast.monotonic_at(t, t.wall + 1) == 50'001);
    CHECK(fast.monotonic_at(t, t.wall - 3000) == 47'000); // a passed deadline stays passed
    CHECK(fast.monotonic_at(t, never) == never);
}

TEST_CASE("loop clock: poll()'s timeout is real ms until a loop time, at the clock's speed") {
    const LoopClock real;
    const Millis now = real.read().now;
    CHECK(real.timeout_ms(never) == never);
    CHECK(real.timeout_ms(now - 5) == 0); // passed: poll() returns at once
    const Millis second = real.timeout_ms(now + 1000);
    CHECK(second > 0);
    CHECK(second <= 1000);
    const LoopClock fast(FakeClock{1'000'000, 1000});
    const Millis fast_now = fast.read().now;
    // 20 min of loop time at x1000: at most 1.2 real s (less by the time between the two reads).
    const Millis twenty_min = fast.timeout_ms(fast_now + 1'200'000);
    CHECK(twenty_min > 0);
    CHECK(twenty_min <= 1200);
    CHECK(fast.timeout_ms(fast_now - 1) == 0);
    CHECK(fast.timeout_ms(never) == never);
}

TEST_CASE("loop clock: the fake clock starts at its start and runs at its speed") {
    const LoopClock fake(FakeClock{1'000'000, 1000});
    const LoopTime a = fake.read();
    CHECK(a.wall >= 1'000'000);
    timespec pause{0, 20'000'000}; // 20 ms
    nanosleep(&pause, nullptr);
    const LoopTime b = fake.read();
    // At least 20 ms of monotonic time went by: at least 20 s on the fake wall clock.
    // At least 20 ms of real time went by: at least 20 s of the fake clock, loop and wall alike
    // (slides, fades and the debounce run at its speed too).
    CHECK(b.now - a.now >= 20'000);
    CHECK(b.wall - a.wall == b.now - a.now); // one monotonic read gives both
}
