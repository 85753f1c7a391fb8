// Tests for image fitting geometry: contain, cover, and the CPU shrink before upload.
#include "base/geometry.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("geometry: fit_inside keeps the aspect ratio and centres") {
    // A 2:1 image in a square box: full width, centred vertically.
    CHECK(fit_inside({400, 200}, {0, 0, 100, 100}) == Rect{0, 25, 100, 50});
    // A tall image in a wide box: full height, centred horizontally, offset kept.
    CHECK(fit_inside({100, 300}, {10, 20, 600, 300}) == Rect{260, 20, 100, 300});
    // Small images grow to the box (slides want pictures large).
    CHECK(fit_inside({10, 10}, {0, 0, 200, 100}) == Rect{50, 0, 100, 100});
    // Degenerate input gives an empty rectangle, never a division by zero.
    CHECK(fit_inside({0, 10}, {0, 0, 100, 100}).w == 0);
    CHECK(fit_inside({10, 10}, {5, 5, 0, 100}).w == 0);
}

TEST_CASE("geometry: cover fills the box and may overflow it") {
    const Rect r = cover({400, 200}, {0, 0, 100, 100});
    CHECK(r.h == 100);
    CHECK(r.w == 200);
    CHECK(r.x == -50); // centred: equal overflow on both sides
    CHECK(Rect{r.x, r.y, r.w, r.h}.contains(Rect{0, 0, 100, 100}));
}

TEST_CASE("geometry: shrink_factor brings the longest side to the texture limit") {
    CHECK(shrink_factor({1000, 500}, 4096) == doctest::Approx(1.0));
    CHECK(shrink_factor({8192, 1024}, 4096) == doctest::Approx(0.5));
    CHECK(shrink_factor({1000, 30000}, 4096) == doctest::Approx(4096.0 / 30000));
}

TEST_CASE("geometry: Rect::contains") {
    const Rect box{10, 10, 100, 50};
    CHECK(box.contains({10, 10, 100, 50}));
    CHECK(box.contains({20, 20, 10, 10}));
    CHECK_FALSE(box.contains({9, 10, 10, 10}));
    CHECK_FALSE(box.contains({100, 10, 11, 10}));
    CHECK_FALSE(box.contains({10, 55, 10, 10}));
}
