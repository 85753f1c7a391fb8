// Tests for slide timing with an injected clock.
#include "schedule/playlist.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("playlist: slides advance at their durations and loop") {
    Playlist p({1000, 2000, 500}, 300, 10'000);
    CHECK(p.index() == 0);
    CHECK_FALSE(p.update(10'999));
    CHECK(p.index() == 0);
    CHECK(p.update(11'000));
    CHECK(p.index() == 1);
    CHECK(p.shown_since() == 11'000);
    CHECK(p.slide_deadline() == 13'000);
    CHECK(p.update(13'000));
    CHECK(p.index() == 2);
    CHECK(p.update(13'500));
    CHECK(p.index() == 0); // loops
}

TEST_CASE("playlist: a late update skips whole slides but keeps the schedule") {
    Playlist p({1000, 1000, 1000, 1000}, 0, 0);
    CHECK(p.update(2'500)); // two slides elapsed
    CHECK(p.index() == 2);
    CHECK(p.slide_deadline() == 3'000);
}

TEST_CASE("playlist: a stall longer than a whole cycle restarts the current slide") {
    Playlist p({1000, 1000}, 0, 0);
    p.update(1'000'000);
    CHECK(p.slide_deadline() > 1'000'000);
    CHECK(p.slide_deadline() <= 1'001'000);
}

TEST_CASE("playlist: fade runs from 0 to 1 over the transition, then stops") {
    Playlist p({1000, 1000}, 400, 0);
    p.update(1'000);
    CHECK(p.fade(1'000) == doctest::Approx(0.0));
    CHECK(p.fade(1'200) == doctest::Approx(0.5));
    CHECK(p.fading(1'399));
    CHECK_FALSE(p.fading(1'400));
    Playlist cut({1000}, 0, 0);
    CHECK(cut.fade(0) == doctest::Approx(1.0));
}

TEST_CASE("playlist: progress and pause") {
    Playlist p({1000, 1000}, 0, 0);
    CHECK(p.progress(250) == doctest::Approx(0.25));
    p.toggle_pause(500);
    CHECK(p.paused());
    CHECK(p.slide_deadline() == never);
    CHECK_FALSE(p.update(5'000));
    CHECK(p.index() == 0);
    CHECK(p.progress(5'000) == doctest::Approx(0.5));
    p.toggle_pause(5'000);
    CHECK(p.slide_deadline() == 5'500);
    CHECK(p.update(5'500));
    CHECK(p.index() == 1);
}

TEST_CASE("playlist: next and previous wrap and restart the slide time") {
    Playlist p({1000, 1000, 1000}, 200, 0);
    p.previous(100);
    CHECK(p.index() == 2);
    CHECK(p.shown_since() == 100);
    CHECK(p.slide_deadline() == 1'100);
    p.next(300);
    CHECK(p.index() == 0);
    p.next(300);
    CHECK(p.index() == 1);
}

TEST_CASE("playlist: a start index beyond the deck is clamped") {
    Playlist p({1000, 1000}, 0, 0, 7);
    CHECK(p.index() == 1);
}

TEST_CASE("playlist: restarting the fade keeps the slide's schedule") {
    Playlist p({1000, 1000}, 400, 0);
    p.update(1'000);
    p.restart_fade(1'100); // the slide took 100 ms to draw
    CHECK(p.fade(1'100) == doctest::Approx(0.0));
    CHECK(p.fade(1'300) == doctest::Approx(0.5));
    CHECK(p.slide_deadline() == 2'000);
}

TEST_CASE("playlist: a new deck resumes at the same slide id, else at the same position") {
    const std::vector<std::string> fresh{"a", "b", "c"};
    CHECK(resume_index(fresh, "c", 0) == 2); // the id wins over the position
    CHECK(resume_index(fresh, "b", 1) == 1);
    CHECK(resume_index(fresh, "gone", 1) == 1); // a removed slide: same position
    CHECK(resume_index(fresh, "gone", 4) == 1); // wrapped to the shorter deck
    CHECK(resume_index({}, "a", 3) == 0);
}

TEST_CASE("playlist: slide changes skip the slides the schedule leaves out") {
    Playlist p({1000, 1000, 1000, 1000}, 0, 0);
    p.set_eligible({0, 2});
    CHECK(p.update(1000));
    CHECK(p.index() == 2);
    CHECK(p.update(2000));
    CHECK(p.index() == 0);
    p.next(2500);
    CHECK(p.index() == 2);
    p.previous(2600);
    CHECK(p.index() == 0);
    // The set changes while slide 0 shows: it plays to its end, then the new set applies.
    p.set_eligible({3});
    CHECK_FALSE(p.update(3000));
    CHECK(p.index() == 0);
    CHECK(p.update(3600));
    CHECK(p.index() == 3);
    // A single eligible slide repeats; an empty or invalid list means every slide.
    CHECK(p.update(4600));
    CHECK(p.index() == 3);
    p.set_eligible({7, -1});
    CHECK(p.update(5600));
    CHECK(p.index() == 0);
}

TEST_CASE("playlist: a first slide out of schedule is left before it shows") {
    Playlist p({1000, 1000, 1000}, 500, 0, 1);
    p.set_eligible({2});
    p.skip_ineligible(10);
    CHECK(p.index() == 2);
    CHECK(p.slide_deadline() == 1010);
    p.skip_ineligible(20); // already eligible: nothing moves
    CHECK(p.slide_deadline() == 1010);
}

TEST_CASE("playlist: a slide alone begins again without fading into itself") {
    Playlist one({1000}, 400, 0);
    CHECK(one.update(1'000));       // its time restarts...
    CHECK_FALSE(one.fading(1'000)); // ...with no crossfade of the picture into itself
    CHECK(one.progress(1'000) == doctest::Approx(0.0));
    CHECK(one.progress(1'500) == doctest::Approx(0.5));
    CHECK(one.shown_since() == 0);
    // The same when the schedule leaves one slide of three eligible.
    Playlist three({1000, 1000, 1000}, 400, 0);
    three.set_eligible({0});
    CHECK(three.update(1'000));
    CHECK(three.index() == 0);
    CHECK_FALSE(three.fading(1'000));
    // Two eligible slides still fade.
    three.set_eligible({0, 2});
    CHECK(three.update(2'000));
    CHECK(three.index() == 2);
    CHECK(three.fading(2'000));
}
