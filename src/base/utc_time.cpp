// ISO 8601 UTC formatting and strict parsing over local_time's proleptic Gregorian calendar.
#include "base/utc_time.hpp"

#include <charconv>
#include <cstdio>

namespace affiche {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

} // namespace

std::string format_utc(UnixTime t) {
    std::int64_t days = t / seconds_per_day, secs = t % seconds_per_day;
    if (secs < 0) secs += seconds_per_day, --days;
    const CivilDate date = civil_from_day(static_cast<LocalDay>(days));
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", date.year, date.month,
                  date.day, static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                  static_cast<int>(secs % 60));
    return buf;
}

Result<UnixTime> parse_utc(std::string_view s, const std::string& path, int line, int column) {
    const auto bad = [&] {
        return failure({path, line, column}, "expected a UTC date-time such as "
                                             "2026-11-29T08:00:00Z, got '" +
                                                 std::string(s) + "'");
    };
    // YYYY-MM-DDTHH:MM:SSZ: 20 characters, separators at fixed places.
    if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != 'Z')
        return bad();
    auto number = [&](std::size_t at, std::size_t len) -> int {
        int v = 0;
        auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + len, v);
        return ec == std::errc() && end == s.data() + at + len ? v : -1;
    };
    const CivilDate date{number(0, 4), number(5, 2), number(8, 2)};
    const int h = number(11, 2), mi = number(14, 2), sec = number(17, 2);
    if (!is_valid_date(date) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59)
        return bad();
    return std::int64_t{day_from_civil(date)} * seconds_per_day + h * 3600 + mi * 60 + sec;
}

} // namespace affiche
