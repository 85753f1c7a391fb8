// Tests for local_time: civil-day arithmetic, parsing, and mktime conversions across DST.
#include "base/local_time.hpp"

#include "support/schedule_test_util.hpp"

#include <doctest/doctest.h>

using namespace affiche;
using namespace affiche::test;

TEST_CASE("local time: civil days and weekdays") {
    CHECK(day_from_civil({1970, 1, 1}) == 0);
    CHECK(day_from_civil({2000, 3, 1}) == 11017);
    for (LocalDay d : {-1000, 0, 11016, 11017, 20816, 40000}) {
        const CivilDate c = civil_from_day(d);
        CHECK(day_from_civil(c) == d);
    }
    CHECK(weekday_of(day_from_civil({2026, 12, 24})) == 3); // Thursday
    CHECK(weekday_of(day_from_civil({2026, 11, 30})) == 0); // Monday
    CHECK(weekday_of(day_from_civil({2026, 3, 29})) == 6);  // Sunday
    CHECK(is_valid_date({2028, 2, 29}));
    CHECK_FALSE(is_valid_date({2026, 2, 29}));
    CHECK_FALSE(is_valid_date({2026, 13, 1}));
    CHECK(format_date(day_from_civil({2026, 12, 4})) == "2026-12-04");
    CHECK(format_hhmm(9 * 3600 + 5 * 60) == "09:05");
}

TEST_CASE("local time: parsing ranges, times and stamps") {
    CHECK(parse_hhmm("08:30") == 510);
    CHECK(parse_hhmm("24:00") == 1440);
    CHECK_FALSE(parse_hhmm("8:30"));
    CHECK_FALSE(parse_hhmm("24:01"));
    CHECK_FALSE(parse_hhmm("12:60"));
    const auto r = parse_time_range("08:00-12:30");
    REQUIRE(r);
    CHECK(r->start_min == 480);
    CHECK(r->end_min == 750);
    CHECK_FALSE(r->wraps());
    const auto night = parse_time_range("22:00 - 02:00");
    REQUIRE(night);
    CHECK(night->wraps());
    const auto to_midnight = parse_time_range("22:00-00:00");
    REQUIRE(to_midnight);
    CHECK(to_midnight->end_min == 1440);
    CHECK_FALSE(to_midnight->wraps());
    CHECK_FALSE(parse_time_range("08:00"));
    CHECK_FALSE(parse_time_range("24:00-02:00"));
    const auto s = parse_local_stamp("2026-12-24 09:15");
    REQUIRE(s);
    CHECK(s->day == day_from_civil({2026, 12, 24}));
    CHECK(s->second == 9 * 3600 + 15 * 60);
    CHECK(parse_local_stamp("2026-12-24T09:15"));
    CHECK(parse_local_stamp("2026-12-24")->second == 0);
    CHECK_FALSE(parse_local_stamp("2026-02-30"));
    CHECK_FALSE(parse_local_stamp("2026-12-24 9:15"));
    CHECK_FALSE(parse_local_stamp("24/12/2026"));
}

TEST_CASE("local time: mktime round trip and the DST changes in Paris") {
    ZoneForTest zone;
    const UnixTime noon = at("2026-12-24 12:00");
    CHECK(noon == 1798110000); // 11:00 UTC
    const LocalStamp back = local_stamp(noon);
    CHECK(back.day == day("2026-12-24"));
    CHECK(back.second == 12 * 3600);
    // March: 02:00 CET becomes 03:00 CEST; the missing wall times are the jump itself.
    const UnixTime before_jump = at("2026-03-29 01:30");
    CHECK(at("2026-03-29 03:00") - before_jump == 1800);
    CHECK(at("2026-03-29 02:00") == at("2026-03-29 03:00"));
    CHECK(at("2026-03-29 02:45") == at("2026-03-29 03:00"));
    CHECK(to_unix(day("2026-03-29"), 2 * 3600 + 30 * 60 + 1) == at("2026-03-29 03:00"));
    // October: 03:00 CEST becomes 02:00 CET; the repeated hour takes one pass, the day 25 hours.
    CHECK(at("2026-10-26 00:00") - at("2026-10-25 00:00") == 25 * 3600);
    CHECK(at("2026-03-30 00:00") - at("2026-03-29 00:00") == 23 * 3600);
    const UnixTime repeated = at("2026-10-25 02:30");
    CHECK(local_stamp(repeated).second == 2 * 3600 + 30 * 60);
    CHECK(at("2026-10-25 03:00") - at("2026-10-25 01:00") == 3 * 3600);
    // Its first pass (00:30 UTC), whatever came before: glibc's mktime guesses from its last call.
    for (const char* before : {"2026-12-01 12:00", "2026-07-01 12:00", "2026-10-25 17:15"}) {
        CAPTURE(before);
        at(before);
        CHECK(at("2026-10-25 02:30") == 1792888200);
        CHECK(at("2026-10-25 02:00") == 1792886400);
    }
}
