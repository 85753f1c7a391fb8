// Local calendar arithmetic (Hinnant's civil-day algorithms) and localtime_r / mktime conversions.
#include "base/local_time.hpp"

#include <charconv>
#include <ctime>

namespace affiche {

LocalDay day_from_civil(CivilDate date) {
    const int y = date.month <= 2 ? date.year - 1 : date.year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;                         // 0..399
    const int mp = (date.month + 9) % 12;                  // March = 0
    const int doy = (153 * mp + 2) / 5 + date.day - 1;     // 0..365
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // 0..146096
    return era * 146097 + doe - 719468;
}

CivilDate civil_from_day(LocalDay day) {
    const int z = day + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return CivilDate{m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d};
}

int weekday_of(LocalDay day) {
    return ((day % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday
}

bool is_valid_date(CivilDate date) {
    if (date.year < 1970 || date.year > 9999 || date.month < 1 || date.month > 12) return false;
    const CivilDate back = civil_from_day(day_from_civil(date));
    return back.day == date.day && back.month == date.month;
}

LocalStamp local_stamp(UnixTime t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return LocalStamp{day_from_civil({tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday}),
                      tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec};
}

namespace {

bool before(LocalStamp a, LocalDay day, int second) {
    return a.day < day || (a.day == day && a.second < second);
}

} // namespace

UnixTime to_unix(LocalDay day, int second) {
    day += second / 86400;
    second %= 86400;
    const CivilDate date = civil_from_day(day);
    std::tm tm{};
    tm.tm_year = date.year - 1900;
    tm.tm_mon = date.month - 1;
    tm.tm_mday = date.day;
    tm.tm_hour = second / 3600;
    tm.tm_min = second / 60 % 60;
    tm.tm_sec = second % 60;
    tm.tm_isdst = -1; // let the time zone say whether DST applies on that date
    const UnixTime t = static_cast<UnixTime>(std::mktime(&tm));
    const LocalStamp back = local_stamp(t);
    if (back.day == day && back.second == second) {
        // A wall time in the repeated hour (autumn) has two passes, and glibc's mktime picks one
        // by the offset its previous call saw: the first pass is taken, always, so that a time
        // is the same instant whatever was computed before it.
        for (const UnixTime earlier : {t - 3600, t - 1800}) {
            const LocalStamp e = local_stamp(earlier);
            if (e.day == day && e.second == second) return earlier;
        }
        return t;
    }
    // The wall time does not exist (the hour a DST change skips): mktime moved it past the jump.
    // Take the jump itself, the first moment whose wall time is not before the one asked for, so
    // a range reaching into the gap keeps the part that exists. Search 1 s steps over 3 hours.
    UnixTime lo = t - 3 * 3600;
    UnixTime hi = t;
    while (hi - lo > 1) {
        const UnixTime mid = lo + (hi - lo) / 2;
        (before(local_stamp(mid), day, second) ? lo : hi) = mid;
    }
    return hi;
}

std::string format_date(LocalDay day) {
    const CivilDate d = civil_from_day(day);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
    return text;
}

std::string format_hhmm(int second) {
    char text[8];
    std::snprintf(text, sizeof text, "%02d:%02d", second / 3600 % 100, second / 60 % 60);
    return text;
}

std::string_view short_day_name(int weekday) {
    static constexpr std::string_view names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return names[((weekday % 7) + 7) % 7];
}

std::string_view day_name(int weekday) {
    static constexpr std::string_view names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                 "Friday", "Saturday", "Sunday"};
    return names[((weekday % 7) + 7) % 7];
}

namespace {

// Reads exactly n digits at text[pos].
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t n) {
    if (pos + n > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

} // namespace

std::optional<int> parse_hhmm(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    const auto h = digits(text, 0, 2);
    const auto m = digits(text, 3, 2);
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return *h * 60 + *m;
}

std::optional<TimeRange> parse_time_range(std::string_view text) {
    const std::size_t dash = text.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto trim = [](std::string_view s) {
        while (!s.empty() && s.front() == ' ')
            s.remove_prefix(1);
        while (!s.empty() && s.back() == ' ')
            s.remove_suffix(1);
        return s;
    };
    const auto start = parse_hhmm(trim(text.substr(0, dash)));
    const auto end = parse_hhmm(trim(text.substr(dash + 1)));
    if (!start || !end || *start == 1440) return std::nullopt;
    return TimeRange{*start, *end == 0 ? 1440 : *end};
}

std::optional<LocalStamp> parse_local_stamp(const std::string& text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const auto y = digits(text, 0, 4);
    const auto mo = digits(text, 5, 2);
    const auto d = digits(text, 8, 2);
    if (!y || !mo || !d || !is_valid_date({*y, *mo, *d})) return std::nullopt;
    LocalStamp stamp{day_from_civil({*y, *mo, *d}), 0};
    if (text.size() == 10) return stamp;
    if (text[10] != ' ' && text[10] != 'T') return std::nullopt;
    const auto minutes = parse_hhmm(std::string_view(text).substr(11));
    if (!minutes || *minutes == 1440) return std::nullopt;
    stamp.second = *minutes * 60;
    return stamp;
}

} // namespace affiche
