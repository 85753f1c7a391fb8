// Test support: wait for the condition a test then checks, never a fixed sleep.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace affiche::testing {

using SteadyClock = std::chrono::steady_clock;

// Milliseconds elapsed since t.
inline long ms_since(SteadyClock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - t).count());
}

// Polls cond every 20 ms until it holds or timeout_ms pass; true if it held (asked once more at
// the deadline, so a slow machine that got there late still passes).
inline bool wait_for(const std::function<bool()>& cond, int timeout_ms) {
    const auto start = SteadyClock::now();
    for (;;) {
        if (cond()) return true;
        if (ms_since(start) >= timeout_ms) return cond();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace affiche::testing
