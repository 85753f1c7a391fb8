// Reads and checks slides/announcement.toml: text, from, until and style, each at its position.
#include "deck/announcement_reader.hpp"

#include "base/i18n.hpp"
#include "base/utf8.hpp"
#include "text/text_limits.hpp"

#include <algorithm>
#include <limits>

namespace affiche {

namespace {

constexpr std::string_view top_keys[] = {"announcement"};
constexpr std::string_view announcement_keys[] = {"text", "until", "from", "style"};
constexpr std::string_view style_names[] = {"band", "slide"}; // AnnouncementStyle's order

// "e.g. until = 2026-12-08T12:00:00 ...", for the key at hand.
std::string stamp_example(std::string_view key) {
    return trf("e.g. {1} = 2026-12-08T12:00:00 (local time, no quotes)", {key});
}

// A TOML local date-time: the screen's wall clock, so no zone and a time of day.
std::optional<LocalStamp> local_date_time(const TableReader& r, std::string_view key) {
    const toml::node* node = r.get(key);
    if (!node) return std::nullopt;
    const SourceLoc loc = r.value_loc(key);
    const std::string name = quoted_name(key);
    if (const auto* dt = node->as_date_time()) {
        const toml::date_time v = dt->get();
        if (v.offset) {
            r.error(loc, trf("{1} must be in local time, without a time zone offset", {name}),
                    tr("remove the 'Z' or '+01:00' at its end"));
            return std::nullopt;
        }
        return LocalStamp{day_from_civil({v.date.year, v.date.month, v.date.day}),
                          v.time.hour * 3600 + v.time.minute * 60 + v.time.second};
    }
    if (node->is_date()) {
        r.error(loc, trf("{1} needs a time of day too", {name}), stamp_example(key));
    } else {
        r.error(loc,
                trf("{1} must be a local date and time, got {2}", {name, describe_type(*node)}),
                stamp_example(key));
    }
    return std::nullopt;
}

// The text's problems: blank, several lines, too long, damaged. True when it is good.
bool check_text(const TableReader& r, const std::string& text) {
    const SourceLoc loc = r.value_loc("text");
    const bool blank = std::all_of(text.begin(), text.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    });
    if (blank) {
        r.error(loc, tr("the announcement's 'text' is empty"),
                tr("write the message, or delete slides/announcement.toml"));
        return false;
    }
    if (text.find_first_of("\r\n") != std::string::npos) {
        r.error(loc, tr("the announcement's 'text' must be one paragraph, on one line"),
                tr("remove the line breaks: the band wraps the text itself"));
        return false;
    }
    const std::size_t chars = decode_utf8(text).size();
    if (chars > max_announcement_chars) {
        r.error(loc,
                trf("the announcement's 'text' is {1} characters long, over the limit of {2}",
                    {std::to_string(chars), std::to_string(max_announcement_chars)}),
                tr("it is read from 4 m away in a few seconds: shorten it"));
        return false;
    }
    if (auto p = text_limit_problem(text, "'text'", std::numeric_limits<std::size_t>::max())) {
        r.error(loc, p->message, p->hint);
        return false;
    }
    return true;
}

} // namespace

std::optional<Announcement> read_announcement(const TableReader& top) {
    const OtherTable elsewhere[] = {{"[announcement]", announcement_keys}};
    top.check_keys(top_keys, tr("at the top of announcement.toml"), elsewhere);
    const toml::table* table = top.table("announcement");
    if (!table) {
        if (!top.get("announcement")) {
            top.error(SourceLoc{top.path(), 1, 1}, tr("announcement.toml has no [announcement]"),
                      tr("write [announcement] with its text and until, or delete the file"));
        }
        return std::nullopt;
    }
    const TableReader r(*table, top.path(), top.diagnostics());
    r.check_keys(announcement_keys, tr("in [announcement]"));
    Announcement a;
    a.loc = r.table_loc();
    bool good = false;
    if (!r.get("text")) {
        r.error(r.table_loc(), tr("[announcement] needs a 'text'"),
                tr("e.g. text = \"Le Dr X a environ 30 minutes de retard\""));
    } else if (auto text = r.string("text")) {
        good = check_text(r, *text);
        a.text = std::move(*text);
    }
    a.from = local_date_time(r, "from");
    good = good && (a.from || !r.get("from"));
    const auto until = local_date_time(r, "until");
    a.until_loc = r.value_loc("until");
    if (!r.get("until")) {
        r.error(r.table_loc(), tr("[announcement] needs an 'until': it ends by itself then"),
                stamp_example("until"));
    }
    good = good && until;
    if (until) a.until = *until;
    if (a.from && until && *until <= *a.from) {
        r.error(a.until_loc, tr("the announcement's 'until' is not after its 'from'"),
                tr("check both dates and times"));
        good = false;
    }
    if (auto style = r.choice("style", style_names)) {
        a.style = AnnouncementStyle(*style);
    } else if (r.get("style")) {
        good = false;
    }
    if (!good) return std::nullopt;
    return a;
}

} // namespace affiche
