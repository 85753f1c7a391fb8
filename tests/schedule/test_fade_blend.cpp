// Tests for the crossfade arithmetic: texture alphas and the in-place steps over the screen.
#include "schedule/fade_blend.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace affiche;

namespace {
// One colour channel of the screen, as the in-place strategy changes it: starts as the old
// slide's value, and each step blends the new slide's value over it with the step's alpha.
struct Channel {
    double value;
    void apply(const InPlaceStep& s, double fresh) {
        if (s.whole) {
            value = fresh;
        } else {
            value += (fresh - value) * s.alpha / 255.0;
        }
    }
};
} // namespace

TEST_CASE("fade blend: the texture alpha is the fade in 8 bits, clamped") {
    CHECK(texture_fade_alpha(0.0) == 0);
    CHECK(texture_fade_alpha(1.0) == 255);
    CHECK(texture_fade_alpha(0.5) == 128); // 127.5 rounds half away from zero
    CHECK(texture_fade_alpha(-0.2) == 0);
    CHECK(texture_fade_alpha(1.7) == 255);
}

TEST_CASE("fade blend: the in-place step is b = (f - s) / (1 - s) in 8 bits") {
    const InPlaceStep first = in_place_step(0.25, 0.0);
    CHECK_FALSE(first.whole);
    CHECK(first.alpha == 64); // 63.75
    CHECK(first.shown_after == doctest::Approx(64 / 255.0));
    // Half the new slide is on screen; to show 75 %, blend half of what is left.
    const InPlaceStep half = in_place_step(0.75, 0.5);
    CHECK(half.alpha == 128);
    CHECK(half.shown_after == doctest::Approx(0.5 + 0.5 * 128 / 255.0));
}

TEST_CASE("fade blend: the share tracks the alpha applied, not the step asked for") {
    // A step too small for 8 bits draws nothing and leaves the share where it was.
    const InPlaceStep tiny = in_place_step(0.001, 0.0);
    CHECK(tiny.alpha == 0);
    CHECK_FALSE(tiny.whole);
    CHECK(tiny.shown_after == 0.0);
    // A fade that went backwards (clock rounding) never blends a negative amount.
    const InPlaceStep back = in_place_step(0.3, 0.4);
    CHECK(back.alpha == 0);
    CHECK(back.shown_after == doctest::Approx(0.4));
}

TEST_CASE("fade blend: the last step is an exact copy, whatever came before") {
    CHECK(in_place_step(1.0, 0.0).whole);
    CHECK(in_place_step(1.0, 0.999).whole);
    CHECK(in_place_step(0.2, 1.0).whole); // already whole (a renderer reset): stays whole
    CHECK(in_place_step(1.0, 0.3).shown_after == 1.0);
}

TEST_CASE("fade blend: a sequence of steps follows the fade and ends at exactly the new slide") {
    // 60 frames of a 1 s fade, at the fade values a 16 ms loop sees, with uneven frame times.
    std::vector<double> fades;
    for (int ms = 0; ms < 1000; ms += (ms % 3 == 0 ? 16 : 17))
        fades.push_back(ms / 1000.0);
    fades.push_back(1.0);
    const double old_value = 200, new_value = 30;
    Channel screen{old_value};
    double shown = 0;
    for (double f : fades) {
        const InPlaceStep s = in_place_step(f, shown);
        screen.apply(s, new_value);
        shown = s.shown_after;
        // The screen holds (1 - shown) old + shown new: the tracked share is the real one...
        CHECK(screen.value == doctest::Approx((1 - shown) * old_value + shown * new_value));
        // ...and it stays within half an 8-bit step of the fade asked for.
        CHECK(std::abs(shown - f) <= 0.5 / 255 + 1e-9);
    }
    CHECK(screen.value == new_value); // exactly, not approximately
    CHECK(shown == 1.0);
}
