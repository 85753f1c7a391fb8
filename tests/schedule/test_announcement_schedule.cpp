// The announcement in the schedule: from and until as bounds and wake-up times, the screen's
// schedule, and the slots of its own slide (style "slide") in the play order.
#include "schedule/announcement_slides.hpp"
#include "schedule/schedule.hpp"
#include "support/schedule_test_util.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;
using namespace affiche::test;

namespace {

LocalStamp stamp(const std::string& text) {
    const auto s = parse_local_stamp(text);
    REQUIRE(s);
    return *s;
}

// n slides "s1".."sn" and an announcement from 09:00 to 12:00 on 2026-12-08.
Deck deck_of(int n, AnnouncementStyle style) {
    Deck d;
    for (int i = 1; i <= n; ++i) {
        Slide s;
        s.id = "s" + std::to_string(i);
        s.title = s.id;
        s.duration_s = 15;
        d.slides.push_back(s);
        d.play_order.push_back(i - 1);
    }
    Announcement a;
    a.text = "Le Dr X a environ 30 minutes de retard";
    a.from = stamp("2026-12-08 09:00");
    a.until = stamp("2026-12-08 12:00");
    a.style = style;
    d.announcement = a;
    return d;
}

std::vector<std::string> ids_at(const Deck& d, UnixTime t) {
    std::vector<std::string> out;
    for (const int p : eligible_positions(d, t))
        out.push_back(d.shown(p).id);
    return out;
}

} // namespace

TEST_CASE("announcement schedule: shown from 'from' included to 'until' excluded") {
    ZoneForTest zone;
    Deck d = deck_of(2, AnnouncementStyle::band);
    CHECK_FALSE(announcement_active(d, at("2026-12-08 09:00") - 1));
    CHECK(announcement_active(d, at("2026-12-08 09:00")));
    CHECK(announcement_active(d, at("2026-12-08 11:59") + 59));
    CHECK_FALSE(announcement_active(d, at("2026-12-08 12:00")));
    // Without from: at once.
    d.announcement->from.reset();
    CHECK(announcement_active(d, at("2020-01-01 00:00")));
    CHECK_FALSE(announcement_active(d, at("2026-12-09 00:00")));
    d.announcement.reset();
    CHECK_FALSE(announcement_active(d, at("2026-12-08 10:00")));
}

TEST_CASE("announcement schedule: the loop wakes at from and at until, with no reload") {
    ZoneForTest zone;
    const Deck d = deck_of(2, AnnouncementStyle::band);
    CHECK(next_schedule_change(d, at("2026-12-08 08:00")) == at("2026-12-08 09:00"));
    CHECK(next_schedule_change(d, at("2026-12-08 09:00")) == at("2026-12-08 12:00"));
    CHECK(next_schedule_change(d, at("2026-12-08 11:59")) == at("2026-12-08 12:00"));
    // After until, nothing more from it (the next midnight is the deck's own boundary).
    CHECK(next_schedule_change(d, at("2026-12-08 12:00")) != at("2026-12-08 12:00"));
}

TEST_CASE("announcement schedule: nothing shows while the screen is off, even when active") {
    ZoneForTest zone;
    Deck d = deck_of(2, AnnouncementStyle::band);
    d.opening_hours.set = true;
    for (auto& day : d.opening_hours.week)
        day = {range("10:00-18:00")};
    // Active from 09:00, but the screen is off until 10:00: the player draws nothing then.
    CHECK(announcement_active(d, at("2026-12-08 09:30")));
    CHECK_FALSE(screen_state(d, at("2026-12-08 09:30")).on);
    CHECK(screen_state(d, at("2026-12-08 10:00")).on);
}

TEST_CASE("announcement slide: a slot after every slide, used after every third and the last") {
    ZoneForTest zone;
    Deck d = deck_of(7, AnnouncementStyle::slide);
    insert_announcement_slots(d);
    REQUIRE(d.shown_count() == 14);
    CHECK(d.slides.back().announcement);
    CHECK(d.slides.back().title == d.announcement->text);
    CHECK(d.slides.back().duration_s == d.settings.default_duration_s);
    const std::vector<std::string> none{"s1", "s2", "s3", "s4", "s5", "s6", "s7"};
    CHECK(ids_at(d, at("2026-12-08 08:59")) == none);
    CHECK(ids_at(d, at("2026-12-08 09:00")) ==
          std::vector<std::string>{"s1", "s2", "s3", "announcement", "s4", "s5", "s6",
                                   "announcement", "s7", "announcement"});
    CHECK(ids_at(d, at("2026-12-08 12:00")) == none);

    // Only some slides eligible: still one after every third of those, and after the last.
    d.slides[1].schedule.until = stamp("2026-01-01 00:00");
    CHECK(ids_at(d, at("2026-12-08 10:00")) == std::vector<std::string>{"s1", "s3", "s4",
                                                                        "announcement", "s5", "s6",
                                                                        "s7", "announcement"});
    // A one-slide deck alternates with it.
    Deck one = deck_of(1, AnnouncementStyle::slide);
    insert_announcement_slots(one);
    CHECK(ids_at(one, at("2026-12-08 10:00")) == std::vector<std::string>{"s1", "announcement"});
}

TEST_CASE("announcement slide: the fallback still plays when the other slides are out of date") {
    ZoneForTest zone;
    Deck d = deck_of(2, AnnouncementStyle::slide);
    d.slides[0].schedule.until = stamp("2026-01-01 00:00");
    d.slides[1].fallback = true;
    insert_announcement_slots(d);
    CHECK(ids_at(d, at("2026-12-08 10:00")) == std::vector<std::string>{"s2", "announcement"});
    CHECK(ids_at(d, at("2026-12-08 13:00")) == std::vector<std::string>{"s2"});
}

TEST_CASE("announcement slide: a band, or no announcement, leaves the play order alone") {
    Deck band = deck_of(3, AnnouncementStyle::band);
    insert_announcement_slots(band);
    CHECK(band.shown_count() == 3);
    Deck none = deck_of(3, AnnouncementStyle::slide);
    none.announcement.reset();
    insert_announcement_slots(none);
    CHECK(none.shown_count() == 3);
}

TEST_CASE("announcement slide: Arabic text in a deck showing Arabic gets an Arabic slide") {
    Deck d = deck_of(2, AnnouncementStyle::slide);
    d.settings.languages = {"fr", "ar"};
    d.announcement->text = "الطبيب متأخر حوالي ثلاثين دقيقة";
    insert_announcement_slots(d);
    CHECK(d.slides.back().lang == "ar");
    Deck f = deck_of(2, AnnouncementStyle::slide);
    f.settings.languages = {"fr", "ar"};
    insert_announcement_slots(f);
    CHECK(f.slides.back().lang == "fr");
}
