// Tests for burn-in care: the slow path of the overlays' offset, and the overlays laid out along it
// staying inside the safe area.
#include "layout/burn_in.hpp"
#include "layout/slide_layout.hpp"
#include "layout/slide_overlays.hpp"
#include "support/fake_measurer.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <utility>
#include <variant>

using namespace affiche;
using affiche::testing::FakeMeasurer;

namespace {

constexpr std::int64_t t0 = 1'798'000'000; // a Unix time in December 2026, s

Deck overlay_deck() {
    Deck d;
    d.overlays.footer_text = "Cabinet du Dr Exemple";
    d.overlays.clock = true;
    d.overlays.progress = true;
    d.overlays.position = true;
    for (const char* id : {"a", "b", "c"}) {
        Slide s;
        s.id = id;
        s.title = "Titre";
        d.slides.push_back(s);
    }
    d.play_order = {0, 1, 2};
    return d;
}

Rect box_of(const DrawItem& item) {
    if (const auto* t = std::get_if<DrawText>(&item)) return {t->x, t->y, t->width, t->height};
    if (const auto* r = std::get_if<DrawRect>(&item)) return r->rect;
    return {};
}

} // namespace

TEST_CASE("burn-in: switched off, or amplitude 0, the overlays never move") {
    BurnInSettings off;
    off.enabled = false;
    BurnInSettings zero;
    zero.amplitude_px = 0;
    for (std::int64_t t = t0; t < t0 + 86'400; t += 60) {
        CHECK(burn_in_shift(off, t) == BurnInShift{});
        CHECK(burn_in_shift(zero, t) == BurnInShift{});
    }
    CHECK(burn_in_margin(off) == 0);
}

TEST_CASE("burn-in: the path stays within the amplitude, a pixel per step at most, a step every "
          "few minutes") {
    BurnInSettings s; // defaults: 4 px, every 3 minutes
    std::set<std::pair<int, int>> seen;
    BurnInShift last = burn_in_shift(s, t0);
    int moves = 0;
    for (std::int64_t t = t0; t < t0 + 86'400; t += 30) {
        const BurnInShift now = burn_in_shift(s, t);
        CHECK(std::abs(now.dx) <= 4);
        CHECK(std::abs(now.dy) <= 4);
        CHECK(std::abs(now.dx - last.dx) <= 1);
        CHECK(std::abs(now.dy - last.dy) <= 1);
        // Constant within a step: the same offset 179 s into the step as at its start.
        const std::int64_t step_start = t - t % 180;
        CHECK(burn_in_shift(s, step_start) == now);
        moves += !(now == last);
        last = now;
        seen.insert({now.dx, now.dy});
    }
    // One pixel on one axis at every step: t0 is 160 s into a step, so 480 steps start in the day.
    CHECK(moves == 480);
    CHECK(t0 % 180 == 160);
    // A day covers the whole 9 x 9 square, corners included: no pixel keeps one edge all day.
    CHECK(seen.size() == 81);
    int corners = 0;
    for (const auto& c : {std::pair{-4, -4}, std::pair{4, 4}, std::pair{-4, 4}, std::pair{4, -4}})
        corners += static_cast<int>(seen.count(c));
    CHECK(corners == 4);
}

TEST_CASE("burn-in: step 0 is the rest position, and times before 1970 are no trouble") {
    const BurnInSettings s;
    CHECK(burn_in_shift(s, 0) == BurnInShift{});
    const BurnInShift before = burn_in_shift(s, -1);
    CHECK(std::abs(before.dx) <= 1);
    CHECK(std::abs(before.dy) <= 1);
}

TEST_CASE("burn-in: the overlays' area stays in the safe area at every shift") {
    BurnInSettings s;
    s.amplitude_px = 6;
    const Rect safe{96, 54, 1728, 972};
    for (int dx = -6; dx <= 6; ++dx) {
        for (int dy = -6; dy <= 6; ++dy) {
            const Rect a = burn_in_area(safe, s, {dx, dy});
            CHECK(safe.contains(a));
            CHECK(a.w == safe.w - 12);
        }
    }
    s.enabled = false;
    CHECK(burn_in_area(safe, s, {}) == safe);
}

TEST_CASE(
    "burn-in: footer, dots, clock and progress bar move by the shift and stay in the safe area") {
    const FakeMeasurer m;
    const Deck deck = overlay_deck();
    const Size screen{1920, 1080};
    const SlideLayout rest = layout_slide(deck, 0, screen, m, std::nullopt);
    const DrawList rest_live = layout_live_overlays(deck, screen, m, "09:41", 0.5);
    const Rect live_area = live_overlays_area(deck, screen, m);
    for (const BurnInShift shift : {BurnInShift{-4, -4}, BurnInShift{4, 4}, BurnInShift{3, -2}}) {
        INFO(shift.dx << "," << shift.dy);
        const SlideLayout l = layout_slide(deck, 0, screen, m, std::nullopt, shift);
        REQUIRE(l.list.items.size() == rest.list.items.size());
        // The content above does not move; the overlays (footer, then dots) are the last items.
        const std::size_t overlays = 1 + 3; // footer text and three dots
        for (std::size_t i = 0; i < l.list.items.size(); ++i) {
            const Rect a = box_of(rest.list.items[i]);
            const Rect b = box_of(l.list.items[i]);
            const bool overlay = i + overlays >= l.list.items.size();
            CHECK(b.x == a.x + (overlay ? shift.dx : 0));
            CHECK(b.y == a.y + (overlay ? shift.dy : 0));
            if (overlay) CHECK(l.safe_area.contains(b));
            // The content ends above the highest the overlays ever go, with half the gap
            // (0.022 of 1080 px) left between them.
            if (!overlay && i > 0) CHECK(b.bottom() + 12 <= box_of(rest.list.items.back()).y - 4);
        }
        const DrawList live = layout_live_overlays(deck, screen, m, "09:41", 0.5, shift);
        REQUIRE(live.items.size() == rest_live.items.size());
        for (std::size_t i = 0; i < live.items.size(); ++i) {
            const Rect a = box_of(rest_live.items[i]);
            const Rect b = box_of(live.items[i]);
            CHECK(b.x == a.x + shift.dx);
            CHECK(b.y == a.y + shift.dy);
            CHECK(l.safe_area.contains(b));
            CHECK(live_area.contains(b)); // redrawing the live strip covers every shift
        }
    }
}

TEST_CASE("burn-in: a large amplitude shrinks the content instead of running into it") {
    const FakeMeasurer m;
    Deck deck = overlay_deck();
    const Size screen{1280, 720};
    deck.burn_in.amplitude_px = 20;
    const SlideLayout l = layout_slide(deck, 0, screen, m, std::nullopt, {0, -20});
    int overlays_top = screen.h;
    for (std::size_t i = l.list.items.size() - 4; i < l.list.items.size(); ++i)
        overlays_top = std::min(overlays_top, box_of(l.list.items[i]).y);
    // The box all text is fitted in ends above the overlays at their highest.
    CHECK(l.text_box.h > 0);
    CHECK(l.text_box.bottom() <= overlays_top);
}
