// The announcement's rules that depend on the time now, each reported where `until` is written.
#include "deck/announcement_dates.hpp"

#include "base/i18n.hpp"
#include "base/result.hpp"

namespace affiche {

namespace {

std::string stamp_text(LocalStamp s) {
    return format_date(s.day) + " " + format_hhmm(s.second);
}

} // namespace

Diagnostics announcement_date_problems(const Announcement& a, LocalStamp now) {
    Diagnostics out;
    if (a.until <= now) {
        out.push_back({Severity::warning, a.until_loc,
                       trf("the announcement is not shown any more: its 'until' ({1}) is past",
                           {stamp_text(a.until)}),
                       tr("delete slides/announcement.toml, or give it a later 'until'")});
        return out;
    }
    const LocalStamp latest{now.day + max_announcement_days, now.second};
    if (a.until > latest) {
        out.push_back(failure(
            a.until_loc,
            trf("'until' ({1}) is more than {2} days after now ({3})",
                {stamp_text(a.until), std::to_string(max_announcement_days), stamp_text(now)}),
            tr("an announcement is for today or this week: end it sooner, or make it a slide "
               "with 'from' and 'until'")));
    }
    return out;
}

} // namespace affiche
