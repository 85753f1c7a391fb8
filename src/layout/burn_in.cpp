// The burn-in path: x sweeps back and forth, y moves one pixel at the end of each sweep.
#include "layout/burn_in.hpp"

#include <algorithm>

namespace affiche {

namespace {
constexpr int largest_margin_px = 64; // a shift bigger than this is no longer "a few pixels"

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// -a, -a+1, ..., a, a-1, ..., -a+1, then again: period 4a steps, 1 px per step.
int triangle(std::int64_t n, int a) {
    const std::int64_t period = 4 * static_cast<std::int64_t>(a);
    const auto m = static_cast<int>(((n % period) + period) % period);
    return m <= 2 * a ? m - a : 3 * a - m;
}

// Like triangle, but resting one step at each edge: -a, ..., a, a, ..., -a, -a (period 4a + 2),
// so a sweep of 2a + 1 steps, from one edge's rest to the other's, visits every position.
int sweep(std::int64_t n, int a) {
    const std::int64_t period = 4 * static_cast<std::int64_t>(a) + 2;
    const auto m = static_cast<int>(((n % period) + period) % period);
    if (m <= 2 * a) return m - a;
    return m == 2 * a + 1 ? a : 3 * a + 1 - m;
}
} // namespace

int burn_in_margin(const BurnInSettings& s) {
    return s.enabled ? std::clamp(s.amplitude_px, 0, largest_margin_px) : 0;
}

BurnInShift burn_in_shift(const BurnInSettings& s, std::int64_t unix_s) {
    const int a = burn_in_margin(s);
    if (a == 0) return {};
    const std::int64_t step_s = 60 * static_cast<std::int64_t>(std::max(1, s.step_minutes));
    const std::int64_t k = floor_div(unix_s, step_s);
    // x sweeps edge to edge; y moves one row while x rests at an edge. Phases chosen so that
    // step 0 is the rest position.
    const std::int64_t n = k + a;
    return {sweep(n, a), triangle(floor_div(n, 2 * a + 1) + a, a)};
}

Rect burn_in_area(Rect safe_area, const BurnInSettings& s, BurnInShift shift) {
    const int m = burn_in_margin(s);
    return {safe_area.x + m + shift.dx, safe_area.y + m + shift.dy, safe_area.w - 2 * m,
            safe_area.h - 2 * m};
}

} // namespace affiche
