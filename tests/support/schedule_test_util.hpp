// Test helpers for the schedule: a time zone set for one test, local times and small decks.
#pragma once

#include "base/local_time.hpp"
#include "schedule/schedule.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace affiche::test {

// Sets TZ for the test's lifetime and restores the previous value after. Europe/Paris from
// tzdata when installed, else the same rules written as a POSIX TZ string.
class ZoneForTest {
  public:
    explicit ZoneForTest(const char* zone = "Europe/Paris") {
        if (const char* old = std::getenv("TZ")) old_ = old;
        std::string name = zone;
        if (name == "Europe/Paris" && !std::filesystem::exists("/usr/share/zoneinfo/Europe/Paris"))
            name = "CET-1CEST,M3.5.0,M10.5.0/3";
        setenv("TZ", name.c_str(), 1);
        tzset();
    }
    ~ZoneForTest() {
        if (old_) {
            setenv("TZ", old_->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    ZoneForTest(const ZoneForTest&) = delete;
    ZoneForTest& operator=(const ZoneForTest&) = delete;

  private:
    std::optional<std::string> old_;
};

// "2026-12-24 09:00" in the current time zone.
inline UnixTime at(const std::string& text) {
    const auto stamp = parse_local_stamp(text);
    REQUIRE_MESSAGE(stamp.has_value(), text);
    return to_unix(stamp->day, stamp->second);
}

inline LocalDay day(const std::string& text) {
    const auto stamp = parse_local_stamp(text);
    REQUIRE_MESSAGE(stamp.has_value(), text);
    return stamp->day;
}

inline TimeRange range(const std::string& text) {
    const auto r = parse_time_range(text);
    REQUIRE_MESSAGE(r.has_value(), text);
    return *r;
}

inline Slide slide_named(const std::string& id) {
    Slide s;
    s.id = id;
    s.title = id;
    return s;
}

// Every slide shown, in the given order.
inline Deck deck_of(std::vector<Slide> slides) {
    Deck d;
    d.slides = std::move(slides);
    for (int i = 0; i < static_cast<int>(d.slides.size()); ++i)
        d.play_order.push_back(i);
    return d;
}

} // namespace affiche::test
