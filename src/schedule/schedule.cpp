// The schedule: opening hours and slide conditions evaluated at a Unix time in local time.
#include "schedule/schedule.hpp"

#include "schedule/announcement_slides.hpp"

#include <algorithm>

namespace affiche {

namespace {

constexpr int week_window_days = 8; // a weekly pattern repeats within this many days

bool has_day(std::uint8_t days, LocalDay day) {
    return (days >> weekday_of(day) & 1) != 0;
}

struct Span {
    UnixTime begin = 0;
    UnixTime end = 0; // exclusive
    bool contains(UnixTime t) const { return begin <= t && t < end; }
};

// The Unix interval of range r starting on day: both ends through mktime, so across a DST change
// the range keeps its wall-clock ends and is never counted twice.
Span occurrence(LocalDay day, TimeRange r) {
    return {to_unix(day, r.start_min * 60), to_unix(r.wraps() ? day + 1 : day, r.end_min * 60)};
}

// Whether one of ranges, starting on a day that days allows (yesterday or today), holds t.
bool in_ranges(const std::vector<TimeRange>& ranges, std::uint8_t days, LocalDay today,
               UnixTime t) {
    for (const TimeRange& r : ranges) {
        if (has_day(days, today) && occurrence(today, r).contains(t)) return true;
        if (r.wraps() && has_day(days, today - 1) && occurrence(today - 1, r).contains(t))
            return true;
    }
    return false;
}

bool closed_on(const OpeningHours& hours, LocalDay day) {
    return std::any_of(hours.closed.begin(), hours.closed.end(),
                       [&](const DateRange& r) { return r.first <= day && day <= r.last; });
}

bool open_at(const OpeningHours& hours, LocalDay today, UnixTime t) {
    for (LocalDay d : {today - 1, today}) {
        for (const TimeRange& r : hours.week[static_cast<std::size_t>(weekday_of(d))]) {
            if (d < today && !r.wraps()) continue; // yesterday's range ended yesterday
            if (occurrence(d, r).contains(t)) return true;
        }
    }
    return false;
}

void add_ranges(std::vector<UnixTime>& out, LocalDay day, const std::vector<TimeRange>& ranges) {
    out.push_back(to_unix(day, 0));
    for (const TimeRange& r : ranges) {
        const Span s = occurrence(day, r);
        out.push_back(s.begin);
        out.push_back(s.end);
    }
}

void add_stamp(std::vector<UnixTime>& out, const std::optional<LocalStamp>& s) {
    if (s) out.push_back(to_unix(s->day, s->second));
}

// Every time in the days [first, last] where the opening hours may switch. A closed range adds
// its ends only when they fall in those days (compared as day numbers, no mktime): the midnights
// already bound every search to them, and a year of closed dates then costs each call little.
void add_screen_boundaries(std::vector<UnixTime>& out, const OpeningHours& hours, LocalDay first,
                           LocalDay last) {
    if (!hours.set) return;
    for (LocalDay d = first; d <= last; ++d)
        add_ranges(out, d, hours.week[static_cast<std::size_t>(weekday_of(d))]);
    for (const DateRange& r : hours.closed) {
        if (first <= r.first && r.first <= last + 1) out.push_back(to_unix(r.first, 0));
        if (first <= r.last + 1 && r.last + 1 <= last + 1) out.push_back(to_unix(r.last + 1, 0));
    }
}

void add_slide_boundaries(std::vector<UnixTime>& out, const SlideSchedule& s, LocalDay first,
                          LocalDay last) {
    add_stamp(out, s.from);
    add_stamp(out, s.until);
    if (s.days == all_days && s.hours.empty()) return;
    for (LocalDay d = first; d <= last; ++d)
        add_ranges(out, d, s.hours);
}

// The sorted boundaries after t, weekly ones within the next week_window_days days.
std::vector<UnixTime> boundaries_after(const Deck& deck, UnixTime t, bool screen_only) {
    const LocalDay today = local_stamp(t).day;
    const LocalDay last = today + week_window_days;
    std::vector<UnixTime> out;
    add_screen_boundaries(out, deck.opening_hours, today - 1, last);
    if (!screen_only) {
        for (const Slide& slide : deck.slides)
            add_slide_boundaries(out, slide.schedule, today - 1, last);
        if (deck.announcement) {
            add_stamp(out, deck.announcement->from);
            add_stamp(out, deck.announcement->until);
        }
    }
    std::erase_if(out, [&](UnixTime b) { return b <= t; });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// The first boundary after t where the screen's state differs from on; 0 = none within a year.
UnixTime next_screen_change(const Deck& deck, UnixTime t, bool on) {
    constexpr int max_windows = 53;
    UnixTime from = t;
    for (int w = 0; w < max_windows; ++w) {
        const std::vector<UnixTime> cands = boundaries_after(deck, from, true);
        const LocalDay window_end = local_stamp(from).day + week_window_days;
        const UnixTime limit = to_unix(window_end, 0);
        for (UnixTime c : cands) {
            if (c > limit) break;
            if (screen_on(deck.opening_hours, c) != on) return c;
        }
        from = limit;
    }
    return 0;
}

// "18:30" the same day, "Monday 08:30" within a week, else "2027-01-04 08:30".
std::string when_text(UnixTime now, UnixTime then) {
    const LocalStamp a = local_stamp(now);
    const LocalStamp b = local_stamp(then);
    if (a.day == b.day) return format_hhmm(b.second);
    if (b.day - a.day < 7)
        return std::string(day_name(weekday_of(b.day))) + " " + format_hhmm(b.second);
    return format_date(b.day) + " " + format_hhmm(b.second);
}

std::string closed_reason(const OpeningHours& hours, UnixTime t, UnixTime next) {
    const LocalDay today = local_stamp(t).day;
    if (closed_on(hours, today)) return "closed date " + format_date(today);
    if (hours.week[static_cast<std::size_t>(weekday_of(today))].empty())
        return "closed: " + std::string(day_name(weekday_of(today)));
    return next ? "closed until " + when_text(t, next) : "closed";
}

} // namespace

std::string screen_off_reason(const OpeningHours& hours, UnixTime t) {
    return closed_reason(hours, t, 0);
}

std::vector<UnixTime> schedule_boundaries(const Deck& deck, UnixTime from, UnixTime to) {
    std::vector<UnixTime> out = boundaries_after(deck, from, false);
    std::erase_if(out, [&](UnixTime b) { return b >= to; });
    return out;
}

std::vector<UnixTime> deck_boundaries(const Deck& deck, UnixTime from, UnixTime to) {
    std::vector<UnixTime> out = boundaries_after(deck, from, true);
    if (deck.announcement) {
        add_stamp(out, deck.announcement->from);
        add_stamp(out, deck.announcement->until);
    }
    std::erase_if(out, [&](UnixTime b) { return b <= from || b >= to; });
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::optional<LocalDay> closed_through(const OpeningHours& hours, LocalDay day) {
    std::optional<LocalDay> last;
    for (const DateRange& r : hours.closed) {
        if (r.first <= day && day <= r.last && (!last || r.last > *last)) last = r.last;
    }
    return last;
}

bool screen_on(const OpeningHours& hours, UnixTime t) {
    if (!hours.set) return true;
    const LocalDay today = local_stamp(t).day;
    return !closed_on(hours, today) && open_at(hours, today, t);
}

ScreenState screen_state(const Deck& deck, UnixTime t) {
    if (!deck.opening_hours.set) return ScreenState{true, "no opening hours set", 0};
    ScreenState s;
    s.on = screen_on(deck.opening_hours, t);
    s.next_change = next_screen_change(deck, t, s.on);
    if (s.on) {
        s.reason = s.next_change ? "open until " + when_text(t, s.next_change) : "open";
    } else {
        s.reason = closed_reason(deck.opening_hours, t, s.next_change);
    }
    return s;
}

ScreenState unless_clock_unsynced(ScreenState s, bool clock_synced) {
    if (clock_synced) return s;
    if (s.on) {
        s.reason += " (clock not synchronised yet)";
    } else {
        s.on = true;
        s.reason =
            "clock not synchronised yet: the screen stays on (the schedule says " + s.reason + ")";
    }
    return s;
}

bool announcement_active(const Deck& deck, UnixTime t) {
    if (!deck.announcement) return false;
    const Announcement& a = *deck.announcement;
    if (a.from && t < to_unix(a.from->day, a.from->second)) return false;
    return t < to_unix(a.until.day, a.until.second);
}

bool slide_eligible(const Slide& slide, UnixTime t) {
    const SlideSchedule& s = slide.schedule;
    if (!s.any()) return true;
    if (s.from && t < to_unix(s.from->day, s.from->second)) return false;
    if (s.until && t >= to_unix(s.until->day, s.until->second)) return false;
    const LocalDay today = local_stamp(t).day;
    if (s.hours.empty()) return has_day(s.days, today);
    return in_ranges(s.hours, s.days, today, t);
}

std::vector<TimeSpan> eligible_spans(const Slide& slide, LocalDay day) {
    const SlideSchedule& s = slide.schedule;
    UnixTime lo = to_unix(day, 0);
    UnixTime hi = to_unix(day + 1, 0);
    std::vector<TimeSpan> spans;
    if (s.hours.empty()) {
        if (has_day(s.days, day)) spans.push_back({lo, hi});
    } else {
        // As in_ranges: today's ranges, and yesterday's that wrap into today.
        for (const TimeRange& r : s.hours) {
            const auto add = [&](Span o) { spans.push_back({o.begin, o.end}); };
            if (has_day(s.days, day)) add(occurrence(day, r));
            if (r.wraps() && has_day(s.days, day - 1)) add(occurrence(day - 1, r));
        }
    }
    if (s.from) lo = std::max(lo, to_unix(s.from->day, s.from->second));
    if (s.until) hi = std::min(hi, to_unix(s.until->day, s.until->second));
    for (TimeSpan& span : spans) {
        span.begin = std::max(span.begin, lo);
        span.end = std::min(span.end, hi);
    }
    std::erase_if(spans, [](const TimeSpan& span) { return span.end <= span.begin; });
    std::sort(spans.begin(), spans.end(),
              [](const TimeSpan& a, const TimeSpan& b) { return a.begin < b.begin; });
    // Overlapping or touching spans become one: the slide stays on, no change between them.
    std::vector<TimeSpan> merged;
    for (const TimeSpan& span : spans) {
        if (!merged.empty() && span.begin <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, span.end);
        } else {
            merged.push_back(span);
        }
    }
    return merged;
}

std::vector<int> eligible_positions(const Deck& deck, UnixTime t) {
    std::vector<int> regular;
    std::vector<int> fallbacks;
    for (int p = 0; p < deck.shown_count(); ++p) {
        const Slide& slide = deck.shown(p);
        if (slide.announcement) continue; // its slots: with_announcement_slots below
        if (slide.fallback) {
            fallbacks.push_back(p);
        } else if (slide_eligible(slide, t)) {
            regular.push_back(p);
        }
    }
    std::vector<int> shown = !regular.empty()         ? std::move(regular)
                             : !fallbacks.empty()     ? std::move(fallbacks)
                             : deck.shown_count() > 0 ? std::vector<int>{0}
                                                      : std::vector<int>{};
    return announcement_active(deck, t) ? with_announcement_slots(deck, shown) : shown;
}

UnixTime next_schedule_change(const Deck& deck, UnixTime t) {
    const std::vector<UnixTime> b = boundaries_after(deck, t, false);
    return b.empty() ? 0 : b.front();
}

} // namespace affiche
