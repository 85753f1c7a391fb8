// Sweeps the schedule day by day to print a week ahead, and finds the slides never shown.
#include "schedule/schedule_report.hpp"

#include "schedule/announcement_slides.hpp"
#include "schedule/schedule.hpp"

#include <algorithm>
#include <set>

namespace affiche {

namespace {

// What the screen does during one stretch of time.
struct Stretch {
    bool on = true;
    std::string what; // the reason when off, the slide ids when on
    bool operator==(const Stretch&) const = default;
};

// The screen's part of a stretch, which changes only at the deck's own boundaries.
struct ScreenPart {
    bool on = true;
    std::string off_reason;
    bool announcement = false;
};

ScreenPart screen_part(const Deck& deck, UnixTime t) {
    if (!screen_on(deck.opening_hours, t)) {
        // The reason without "until ...": the stretch's end already says when.
        return {false, screen_off_reason(deck.opening_hours, t), false};
    }
    return {true, "", announcement_active(deck, t)};
}

// The stretch at t from the screen's part and the regular slides eligible then (positions, in
// play order): the same choice as eligible_positions, built in the size of what it prints.
Stretch stretch_of(const Deck& deck, const ScreenPart& screen, const std::set<int>& regular,
                   const std::vector<int>& fallbacks, UnixTime t) {
    if (!screen.on) return {false, screen.off_reason};
    std::vector<int> shown = !regular.empty()     ? std::vector<int>(regular.begin(), regular.end())
                             : !fallbacks.empty() ? fallbacks
                             : deck.shown_count() > 0 ? std::vector<int>{0}
                                                      : std::vector<int>{};
    if (screen.announcement) shown = with_announcement_slots(deck, shown);
    std::string ids;
    bool any_regular = !regular.empty();
    for (int p : shown) {
        const Slide& s = deck.shown(p);
        ids += (ids.empty() ? "" : ", ") + s.id;
        any_regular = any_regular || (s.announcement && slide_eligible(s, t));
    }
    if (!any_regular) ids += " (fallback: no other slide is scheduled)";
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

// A regular slide turning eligible (on) or not at t.
struct Change {
    UnixTime t = 0;
    int position = 0;
    bool on = false;
};

// One day's stretches in one sweep: each regular slide's eligible spans (looked at once) become
// on/off changes, the deck's own boundaries (opening hours, closed dates, the announcement) update
// the screen's part, and a stretch is built only at those times. The work grows with the ranges
// and the text printed, not with the slides times the boundaries.
void report_day(std::string& out, const Deck& deck, LocalDay day) {
    const UnixTime day_begin = to_unix(day, 0);
    const UnixTime day_end = to_unix(day + 1, 0);
    std::vector<Change> changes;
    std::vector<int> fallbacks;
    for (int p = 0; p < deck.shown_count(); ++p) {
        const Slide& s = deck.shown(p);
        if (s.announcement) continue; // its slots follow the others (stretch_of)
        if (s.fallback) {
            fallbacks.push_back(p);
            continue;
        }
        for (const TimeSpan& span : eligible_spans(s, day)) {
            changes.push_back({span.begin, p, true});
            if (span.end < day_end) changes.push_back({span.end, p, false});
        }
    }
    std::sort(changes.begin(), changes.end(),
              [](const Change& a, const Change& b) { return a.t < b.t; });
    const std::vector<UnixTime> deck_times = deck_boundaries(deck, day_begin, day_end);
    std::set<int> regular;
    std::size_t next_change = 0;
    const auto apply_through = [&](UnixTime t) {
        for (; next_change < changes.size() && changes[next_change].t <= t; ++next_change) {
            const Change& c = changes[next_change];
            if (c.on) {
                regular.insert(c.position);
            } else {
                regular.erase(c.position);
            }
        }
    };
    apply_through(day_begin);
    ScreenPart screen = screen_part(deck, day_begin);
    UnixTime begin = day_begin;
    Stretch current = stretch_of(deck, screen, regular, fallbacks, begin);
    std::size_t next_deck_time = 0;
    while (next_change < changes.size() || next_deck_time < deck_times.size()) {
        const UnixTime change_t = next_change < changes.size() ? changes[next_change].t : day_end;
        const UnixTime deck_t =
            next_deck_time < deck_times.size() ? deck_times[next_deck_time] : day_end;
        const UnixTime t = std::min(change_t, deck_t);
        if (t >= day_end) break;
        apply_through(t);
        if (deck_t == t) {
            screen = screen_part(deck, t);
            ++next_deck_time;
        }
        Stretch next = stretch_of(deck, screen, regular, fallbacks, t);
        if (next == current) continue;
        print_stretch(out, day, begin, t, current);
        begin = t;
        current = std::move(next);
    }
    print_stretch(out, day, begin, day_end, current);
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
        // The day's boundaries at once, not one search of the days ahead per boundary.
        const UnixTime day_end = std::min(to, to_unix(day + 1, 0));
        if (slide_eligible(slide, t) && screen_on(deck.opening_hours, t)) return true;
        for (const UnixTime b : schedule_boundaries(one, t, day_end)) {
            if (slide_eligible(slide, b) && screen_on(deck.opening_hours, b)) return true;
        }
        t = day_end;
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
        report_day(out, deck, day);
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
