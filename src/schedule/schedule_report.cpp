// Walks the schedule boundary by boundary to print a week ahead and to find slides never shown.
#include "schedule/schedule_report.hpp"

#include "schedule/schedule.hpp"

#include <algorithm>

namespace affiche {

namespace {

// What the screen does during one stretch of time.
struct Stretch {
    bool on = true;
    std::string what; // the reason when off, the slide ids when on
    bool operator==(const Stretch&) const = default;
};

Stretch stretch_at(const Deck& deck, UnixTime t) {
    if (!screen_on(deck.opening_hours, t)) {
        // The reason without "until ...": the stretch's end already says when.
        return {false, screen_off_reason(deck.opening_hours, t)};
    }
    std::string ids;
    bool regular = false;
    for (int p : eligible_positions(deck, t)) {
        const Slide& s = deck.shown(p);
        ids += (ids.empty() ? "" : ", ") + s.id;
        regular = regular || (!s.fallback && slide_eligible(s, t));
    }
    if (!regular) ids += " (fallback: no other slide is scheduled)";
    return {true, ids};
}

// "HH:MM" of t within day, "24:00" for the next midnight.
std::string clock_in_day(LocalDay day, UnixTime t) {
    const LocalStamp s = local_stamp(t);
    return s.day > day ? "24:00" : format_hhmm(s.second);
}

void print_stretch(std::string& out, LocalDay day, UnixTime begin, UnixTime end, const Stretch& s) {
    out += "  " + clock_in_day(day, begin) + "-" + clock_in_day(day, end) +
           (s.on ? "  on   " : "  off  ") + s.what + "\n";
}

// The next boundary after t, or limit when none comes sooner.
UnixTime next_boundary(const Deck& deck, UnixTime t, UnixTime limit) {
    const UnixTime next = next_schedule_change(deck, t);
    return next == 0 || next > limit ? limit : next;
}

// Days without a closed date after which the weekly pattern has shown all it can: two weeks.
constexpr int pattern_days = 15;

// Whether slide and the opening hours ever meet between from and to. Closed date ranges are
// jumped over whole (closed = [2999-12-25] is one step, not a walk of 973 years), and once
// pattern_days open days have gone by without a meeting none will come: closed dates only take
// days away. So the work is bounded by the closed ranges and two weeks, whatever to is.
bool ever_shown(const Deck& deck, const Slide& slide, UnixTime from, UnixTime to) {
    Deck one;
    one.opening_hours = deck.opening_hours;
    one.slides = {slide};
    LocalDay open_days_from = local_stamp(from).day;
    for (UnixTime t = from; t < to;) {
        const LocalDay day = local_stamp(t).day;
        if (const auto closed = closed_through(deck.opening_hours, day)) {
            t = to_unix(*closed + 1, 0);
            open_days_from = *closed + 1;
            continue;
        }
        if (day - open_days_from >= pattern_days) return false;
        if (slide_eligible(slide, t) && screen_on(deck.opening_hours, t)) return true;
        t = next_boundary(one, t, to);
    }
    return false;
}

} // namespace

std::string schedule_report(const Deck& deck, LocalDay first_day, int days) {
    std::string out = deck.opening_hours.set
                          ? ""
                          : "No opening hours set in deck.toml: the screen is always on.\n";
    for (LocalDay day = first_day; day < first_day + days; ++day) {
        out += "\n" + std::string(day_name(weekday_of(day))) + " " + format_date(day) + "\n";
        const UnixTime day_end = to_unix(day + 1, 0);
        UnixTime begin = to_unix(day, 0);
        Stretch current = stretch_at(deck, begin);
        // The day's boundaries once, not one search per boundary: linear in the ranges.
        for (const UnixTime t : schedule_boundaries(deck, begin, day_end)) {
            Stretch next = stretch_at(deck, t);
            if (next == current) continue;
            print_stretch(out, day, begin, t, current);
            begin = t;
            current = std::move(next);
        }
        print_stretch(out, day, begin, day_end, current);
    }
    return out;
}

Diagnostics schedule_warnings(const Deck& deck, UnixTime now) {
    Diagnostics out;
    LocalDay last_closed = local_stamp(now).day;
    for (const DateRange& r : deck.opening_hours.closed)
        last_closed = std::max(last_closed, r.last);
    for (int p = 0; p < deck.shown_count(); ++p) {
        const Slide& s = deck.shown(p);
        const SlideSchedule& sc = s.schedule;
        if (s.fallback) continue;
        const UnixTime until = sc.until ? to_unix(sc.until->day, sc.until->second) : 0;
        if (sc.until && until <= now) {
            out.push_back({Severity::warning, sc.until_loc,
                           "slide '" + s.id + "' will never show again: its 'until' is past",
                           "remove the slide, or set 'enabled = false' to keep it"});
            continue;
        }
        if (!deck.opening_hours.set) continue;
        const UnixTime from = std::max(now, sc.from ? to_unix(sc.from->day, sc.from->second) : 0);
        // Past the last closed date, two weeks show every weekday twice.
        UnixTime to = to_unix(std::max(local_stamp(from).day, last_closed) + 15, 0);
        if (sc.until) to = std::min(to, until);
        if (!ever_shown(deck, s, from, to)) {
            out.push_back({Severity::warning, sc.loc.line ? sc.loc : s.loc,
                           "slide '" + s.id +
                               "' never shows: its dates, days and hours never "
                               "fall within the opening hours",
                           "compare them with [opening_hours] in deck.toml"});
        }
    }
    return out;
}

} // namespace affiche
