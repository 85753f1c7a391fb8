// Local calendar arithmetic and the conversions between Unix time and local wall-clock time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace affiche {

// A local calendar day as days since 1970-01-01 (proleptic Gregorian): date arithmetic is integer
// arithmetic, and the day's weekday is (day + 3) % 7 with 0 = Monday.
using LocalDay = int;

// A local moment: a calendar day and seconds since its midnight (0..86400).
struct LocalStamp {
    LocalDay day = 0;
    int second = 0;
    auto operator<=>(const LocalStamp&) const = default;
};

// A range of local wall-clock time, in minutes since midnight (0..1440). end <= start wraps past
// midnight into the next day.
struct TimeRange {
    int start_min = 0;
    int end_min = 0;
    bool wraps() const { return end_min <= start_min; }
};

// Wall-clock time as Unix seconds; local time is the process's time zone (TZ / /etc/localtime).
using UnixTime = std::int64_t;

struct CivilDate {
    int year = 1970;
    int month = 1; // 1..12
    int day = 1;   // 1..31
};

// Days since 1970-01-01 of a proleptic Gregorian date (valid or not: the caller checks).
LocalDay day_from_civil(CivilDate date);
CivilDate civil_from_day(LocalDay day);
// 0 = Monday ... 6 = Sunday.
int weekday_of(LocalDay day);
// Whether year-month-day names a real date.
bool is_valid_date(CivilDate date);

// The local day and second of day at t (localtime_r).
LocalStamp local_stamp(UnixTime t);
// The Unix time of a local day and second of day (mktime with tm_isdst = -1): a second counts past
// 86400 into the next days. A time in the hour a DST change skips is the jump itself (02:30 on the
// March night in Paris gives 03:00 CEST); a time in the repeated hour is its first pass, still in
// summer time, whatever mktime's previous calls were (glibc's own pick depends on them).
UnixTime to_unix(LocalDay day, int second);

// "2026-12-24"
std::string format_date(LocalDay day);
// "09:05" for a second of day.
std::string format_hhmm(int second);
// "mon" ... "sun" and "Monday" ... "Sunday".
std::string_view short_day_name(int weekday);
std::string_view day_name(int weekday);

// Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (or 'T' between them): the command line's dates.
std::optional<LocalStamp> parse_local_stamp(const std::string& text);
// Parses "HH:MM" (00:00..24:00) into minutes since midnight.
std::optional<int> parse_hhmm(std::string_view text);
// Parses "HH:MM-HH:MM".
std::optional<TimeRange> parse_time_range(std::string_view text);

} // namespace affiche
