// Reads the schedule keys of slides and deck.toml, each problem reported at its line and column.
#include "deck/schedule_reader.hpp"

#include "base/i18n.hpp"
#include "base/local_time.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <cctype>

namespace affiche {

namespace {

using namespace schedule_schema;

constexpr NumberRange amplitude_range{1, 20, false, "pixels"};
constexpr NumberRange step_range{1, 120, false, "minutes"};

const char* const stamp_hint = "write a date such as 2026-12-24, or a date and time such as "
                               "2026-12-24T18:00 (local time, no quotes needed)";

// A date, a local date-time, or a string holding one. end_of_day: a plain date means the next
// midnight (an `until` date is shown through that day).
std::optional<LocalStamp> stamp_of(const TableReader& r, const toml::node& node,
                                   std::string_view what, bool end_of_day, bool date_only) {
    const SourceLoc loc = to_loc(r.path(), node.source().begin);
    std::optional<LocalStamp> stamp;
    bool had_time = false;
    if (const auto* d = node.as_date()) {
        const toml::date v = d->get();
        stamp = LocalStamp{day_from_civil({v.year, v.month, v.day}), 0};
    } else if (const auto* dt = node.as_date_time()) {
        const toml::date_time v = dt->get();
        if (v.offset) {
            r.error(loc, std::string(what) + " must be in local time, without a time zone offset",
                    "remove the 'Z' or '+01:00' at its end");
            return std::nullopt;
        }
        stamp = LocalStamp{day_from_civil({v.date.year, v.date.month, v.date.day}),
                           v.time.hour * 3600 + v.time.minute * 60 + v.time.second};
        had_time = true;
    } else if (const auto* s = node.as_string()) {
        stamp = parse_local_stamp(s->get());
        had_time = s->get().size() > 10;
        if (!stamp) {
            r.error(loc, std::string(what) + " is not a date: \"" + printable(s->get()) + "\"",
                    stamp_hint);
            return std::nullopt;
        }
    } else {
        r.error(loc, std::string(what) + " must be a date, got " + std::string(describe_type(node)),
                stamp_hint);
        return std::nullopt;
    }
    if (had_time && date_only) {
        r.error(loc, std::string(what) + " must be a date without a time", "e.g. 2026-12-24");
        return std::nullopt;
    }
    if (!had_time && end_of_day) ++stamp->day;
    return stamp;
}

// "Mon" and "monday" are near misses worth naming; anything else gets the list.
std::string day_hint(const std::string& name) {
    std::string lower;
    for (char c : name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string three = lower.substr(0, 3);
    if (std::find(std::begin(day_names), std::end(day_names), three) != std::end(day_names))
        return "did you mean \"" + three + "\"?";
    return "use \"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\" or \"sun\"";
}

std::optional<std::uint8_t> read_days(const TableReader& r) {
    const auto names = r.string_array("days");
    if (!names) return std::nullopt;
    const toml::array& array = *r.get("days")->as_array();
    std::uint8_t days = 0;
    std::size_t n = 0; // index among the string items, to find each one's position
    for (std::size_t i = 0; i < array.size(); ++i) {
        if (!array.get(i)->is_string()) continue;
        const std::string& name = (*names)[n++];
        const auto* it = std::find(std::begin(day_names), std::end(day_names), name);
        if (it == std::end(day_names)) {
            r.error(to_loc(r.path(), array.get(i)->source().begin),
                    "'days' holds an unknown day \"" + printable(name) + "\"", day_hint(name));
            continue;
        }
        days = static_cast<std::uint8_t>(days | 1u << (it - std::begin(day_names)));
    }
    return days;
}

// One range "HH:MM-HH:MM", reported at node when it is not one.
std::optional<TimeRange> range_of(const TableReader& r, const toml::node& node,
                                  std::string_view key) {
    const SourceLoc loc = to_loc(r.path(), node.source().begin);
    const auto* s = node.as_string();
    if (!s) {
        r.error(loc,
                quoted_name(key) + " must hold time ranges, got " +
                    std::string(describe_type(node)),
                "e.g. \"08:00-12:30\"");
        return std::nullopt;
    }
    const auto range = parse_time_range(s->get());
    if (!range) {
        r.error(loc, quoted_name(key) + " holds \"" + printable(s->get()) + "\", not a time range",
                "write it as \"08:00-12:30\", with two digits for hours and minutes");
    } else if (range->start_min == range->end_min) {
        r.error(loc, quoted_name(key) + " holds an empty range \"" + printable(s->get()) + "\"",
                "for a whole day write \"00:00-24:00\"");
        return std::nullopt;
    }
    return range;
}

// A string or an array of strings, each a time range; at most max_time_ranges of them (more is
// an error at the array, and none is read: a day needs a handful, and every range costs each
// schedule evaluation).
std::optional<std::vector<TimeRange>> read_ranges(const TableReader& r, std::string_view key) {
    const toml::node* node = r.get(key);
    if (!node) return std::nullopt;
    std::vector<TimeRange> ranges;
    if (const auto* array = node->as_array()) {
        if (array->size() > max_time_ranges) {
            r.error(r.value_loc(key),
                    quoted_name(key) + " holds " + std::to_string(array->size()) +
                        " time ranges; at most " + std::to_string(max_time_ranges) + " are allowed",
                    "merge ranges that touch, e.g. \"08:00-12:00\" and \"12:00-13:00\" into "
                    "\"08:00-13:00\"");
            return ranges;
        }
        for (const toml::node& item : *array) {
            if (auto range = range_of(r, item, key)) ranges.push_back(*range);
        }
    } else if (auto range = range_of(r, *node, key)) {
        ranges.push_back(*range);
    }
    return ranges;
}

void read_schedule_keys(const TableReader& r, SlideSchedule& s) {
    for (std::string_view key : schedule_keys) {
        if (!r.get(key)) continue;
        if (s.loc.line == 0 || s.loc.path != r.path()) s.loc = r.value_loc(key);
        break;
    }
    if (const toml::node* n = r.get("from")) s.from = stamp_of(r, *n, "'from'", false, false);
    if (const toml::node* n = r.get("until")) {
        s.until = stamp_of(r, *n, "'until'", true, false);
        s.until_loc = r.value_loc("until");
    }
    if (auto days = read_days(r)) s.days = *days;
    if (auto hours = read_ranges(r, "hours")) s.hours = std::move(*hours);
}

// Conditions that can never hold together: the slide would never show.
void warn_contradictions(const TableReader& r, const SlideSchedule& s) {
    if (s.from && s.until && *s.until <= *s.from) {
        r.warning(s.until_loc, "the slide is never shown: 'until' is not after 'from'",
                  "check both dates");
    }
    if (s.days == 0) {
        r.warning(s.loc, "the slide is never shown: 'days' is empty",
                  "list days such as [\"mon\", \"tue\"], or remove 'days'");
    }
}

std::vector<DateRange> read_closed(const TableReader& r) {
    std::vector<DateRange> closed;
    const toml::node* node = r.get("closed");
    if (!node) return closed;
    const auto* array = node->as_array();
    if (!array) {
        r.error(r.value_loc("closed"), "'closed' must be an array of dates",
                "e.g. closed = [2026-12-25, { from = 2026-08-03, until = 2026-08-21 }]");
        return closed;
    }
    if (array->size() > max_closed_entries) {
        r.error(r.value_loc("closed"),
                trf("'closed' holds {1} dates and ranges; at most {2} are allowed",
                    {std::to_string(array->size()), std::to_string(max_closed_entries)}),
                tr("write days in a row as one range, e.g. { from = 2026-08-03, until = "
                   "2026-08-21 }, and remove dates already past"));
        return closed;
    }
    for (const toml::node& item : *array) {
        if (const auto* t = item.as_table()) {
            const TableReader range(*t, r.path(), r.diagnostics());
            constexpr std::string_view keys[] = {"from", "until"};
            range.check_keys(keys, "in a closed range");
            const toml::node* from = range.get("from");
            const toml::node* until = range.get("until");
            if (!from || !until) {
                r.error(to_loc(r.path(), item.source().begin),
                        "a closed range needs both 'from' and 'until'",
                        "e.g. { from = 2026-08-03, until = 2026-08-21 }");
                continue;
            }
            const auto first = stamp_of(range, *from, "'from'", false, true);
            const auto last = stamp_of(range, *until, "'until'", false, true);
            if (!first || !last) continue;
            if (last->day < first->day) {
                r.error(to_loc(r.path(), until->source().begin),
                        "'until' is before 'from' in a closed range", "swap the two dates");
                continue;
            }
            closed.push_back({first->day, last->day});
        } else if (auto day = stamp_of(r, item, "a closed date", false, true)) {
            closed.push_back({day->day, day->day});
        }
    }
    return closed;
}

// Unknown keys of [opening_hours], with "did you mean 'thu'?" for "thursday" or "Thu" too.
void check_opening_keys(const toml::table& table, const TableReader& r) {
    for (auto&& [key, value] : table) {
        const std::string name(key.str());
        if (std::find(std::begin(opening_hours_keys), std::end(opening_hours_keys), name) !=
            std::end(opening_hours_keys))
            continue;
        std::string hint = day_hint(name);
        if (hint.starts_with("did you mean")) {
            hint = "did you mean " + quoted_name(hint.substr(14, 3)) + "?";
        } else {
            hint = suggestion(name, opening_hours_keys, "allowed keys");
        }
        r.error(to_loc(r.path(), key.source().begin),
                "unknown key " + quoted_name(name) + " in [opening_hours]", hint);
    }
}

void read_opening_hours(const toml::table& table, const TableReader& r, OpeningHours& out) {
    check_opening_keys(table, r);
    out.set = true;
    out.loc = r.table_loc();
    bool any_day = false;
    for (std::size_t d = 0; d < 7; ++d) {
        if (auto ranges = read_ranges(r, day_names[d])) out.week[d] = std::move(*ranges);
        any_day = any_day || !out.week[d].empty();
    }
    out.closed = read_closed(r);
    if (!any_day) {
        r.warning(out.loc, "[opening_hours] opens on no day: the screen stays off",
                  "add days such as mon = [\"08:30-12:30\", \"14:00-18:30\"]");
    }
}

int whole(const TableReader& r, std::string_view key, const NumberRange& range, int fallback) {
    const auto v = r.number(key, range);
    if (!v) return fallback;
    if (*v != static_cast<int>(*v)) {
        r.error(r.value_loc(key), quoted_name(key) + " must be a whole number",
                "e.g. " + std::to_string(fallback));
        return fallback;
    }
    return static_cast<int>(*v);
}

} // namespace

SlideSchedule read_file_schedule(const TableReader& r) {
    SlideSchedule s;
    read_schedule_keys(r, s);
    return s;
}

void read_slide_schedule(const TableReader& r, const SlideSchedule& defaults, Slide& s) {
    s.schedule = defaults;
    read_schedule_keys(r, s.schedule);
    s.fallback = r.boolean("fallback").value_or(false);
    s.fallback_loc = r.value_loc("fallback");
    const bool own_keys = std::any_of(std::begin(schedule_keys), std::end(schedule_keys),
                                      [&](std::string_view key) { return r.get(key); });
    if (s.fallback && own_keys) {
        r.warning(s.fallback_loc,
                  "a fallback slide shows whenever no other slide does: its from, until, days "
                  "and hours are ignored",
                  "remove them, or remove 'fallback'");
    }
    if (s.fallback) s.schedule = SlideSchedule{}; // the file's conditions do not apply either
    if (!s.fallback) warn_contradictions(r, s.schedule);
}

void read_deck_schedule(const TableReader& top, Deck& deck) {
    Diagnostics& out = top.diagnostics();
    if (const auto* t = top.table("opening_hours"))
        read_opening_hours(*t, TableReader(*t, top.path(), out), deck.opening_hours);
    if (const auto* t = top.table("screen")) {
        const TableReader r(*t, top.path(), out);
        r.check_keys(screen_keys, "in [screen]");
        deck.screen_power.cec = r.boolean("cec").value_or(deck.screen_power.cec);
        deck.screen_power.dpms = r.boolean("dpms").value_or(deck.screen_power.dpms);
    }
    if (const auto* t = top.table("burn_in")) {
        const TableReader r(*t, top.path(), out);
        r.check_keys(burn_in_keys, "in [burn_in]");
        BurnInSettings& b = deck.burn_in;
        b.enabled = r.boolean("enabled").value_or(b.enabled);
        b.amplitude_px = whole(r, "amplitude", amplitude_range, b.amplitude_px);
        b.step_minutes = whole(r, "step_minutes", step_range, b.step_minutes);
    }
}

} // namespace affiche
