// Tests for adoption: when a valid new deck takes over, and on which slide.
#include "schedule/adoption.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {

Slide slide(const std::string& id, const std::string& title) {
    Slide s;
    s.id = id;
    s.title = title;
    s.duration_s = 10;
    return s;
}

// Three shown slides a, b, c; every slide in play order.
Deck three() {
    Deck d;
    d.slides = {slide("a", "A"), slide("b", "B"), slide("c", "C")};
    d.play_order = {0, 1, 2};
    return d;
}

} // namespace

TEST_CASE("adoption: the slide on screen changed: every mode takes the new deck now, on it") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides[1].title = "B, corrigé";
    for (AdoptMode mode : {AdoptMode::service, AdoptMode::at_once, AdoptMode::preview}) {
        const AdoptionPlan p = plan_adoption(old, 1, fresh, {}, mode);
        CHECK(p.now);
        CHECK(p.first == 1);
    }
    // Also when the slides before it moved: found by id.
    fresh.slides.insert(fresh.slides.begin(), slide("z", "Z"));
    fresh.play_order = {0, 1, 2, 3};
    const AdoptionPlan p = plan_adoption(old, 1, fresh, {}, AdoptMode::service);
    CHECK(p.now);
    CHECK(p.first == 2);
}

TEST_CASE("adoption: another slide changed: the service waits, the preview jumps to it") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides[2].title = "C, corrigé";
    const AdoptionPlan service = plan_adoption(old, 0, fresh, {}, AdoptMode::service);
    CHECK_FALSE(service.now);
    CHECK(service.first == 0);
    const AdoptionPlan paused = plan_adoption(old, 0, fresh, {}, AdoptMode::at_once);
    CHECK(paused.now);
    CHECK(paused.first == 0);
    const AdoptionPlan preview = plan_adoption(old, 0, fresh, {}, AdoptMode::preview);
    CHECK(preview.now);
    CHECK(preview.first == 2);
}

TEST_CASE("adoption: preview with nothing shown changed stays on the slide on screen") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides.push_back(slide("off", "Jamais montré"));
    fresh.slides.back().enabled = false; // not in the play order
    const AdoptionPlan p = plan_adoption(old, 2, fresh, {}, AdoptMode::preview);
    CHECK(p.now);
    CHECK(p.first == 2);
}

TEST_CASE("adoption: the slide on screen renamed: the service waits, the preview shows the new") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides[0].id = "a-v2";
    const AdoptionPlan service = plan_adoption(old, 0, fresh, {}, AdoptMode::service);
    CHECK_FALSE(service.now);
    CHECK(service.first == 0); // the same position
    const AdoptionPlan preview = plan_adoption(old, 0, fresh, {}, AdoptMode::preview);
    CHECK(preview.now);
    CHECK(preview.first == 0);
}

TEST_CASE("adoption: an announcement that comes, changes or goes is taken now, on the same slide") {
    const Deck old = three();
    Deck fresh = three();
    Announcement a;
    a.text = "Retard";
    a.until = {day_from_civil({2026, 12, 8}), 12 * 3600};
    fresh.announcement = a;
    CHECK_FALSE(plan_adoption(old, 1, old, {}, AdoptMode::service).now); // nothing new: waits
    const AdoptionPlan came = plan_adoption(old, 1, fresh, {}, AdoptMode::service);
    CHECK(came.now);
    CHECK(came.first == 1);
    Deck later = fresh;
    later.announcement->until.second += 3600;
    CHECK(plan_adoption(fresh, 2, later, {}, AdoptMode::service).now);
    CHECK(plan_adoption(fresh, 2, fresh, {}, AdoptMode::service).now == false);
    const AdoptionPlan went = plan_adoption(fresh, 2, old, {}, AdoptMode::service);
    CHECK(went.now);
    CHECK(went.first == 2);
}
