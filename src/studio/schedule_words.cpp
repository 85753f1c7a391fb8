// Writes dates, weekdays and hours of a schedule as a short French phrase.
#include "studio/schedule_words.hpp"

#include "base/local_time.hpp"

#include <cstdio>

namespace affiche {

namespace {

constexpr const char* french_days[] = {"lundi",    "mardi",  "mercredi", "jeudi",
                                       "vendredi", "samedi", "dimanche"};

std::string french_date(const LocalStamp& s) {
    const CivilDate d = civil_from_day(s.day);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
    std::string out = buf;
    if (s.second > 0) out += " à " + format_hhmm(s.second);
    return out;
}

} // namespace

std::string schedule_words(const SlideSchedule& schedule) {
    std::string out;
    auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (schedule.from && schedule.until)
        add("du " + french_date(*schedule.from) + " au " + french_date(*schedule.until));
    else if (schedule.from)
        add("à partir du " + french_date(*schedule.from));
    else if (schedule.until)
        add("jusqu’au " + french_date(*schedule.until));
    if (schedule.days != all_days) {
        std::string days;
        for (int d = 0; d < 7; ++d)
            if (schedule.days & (1u << d))
                days += (days.empty() ? "le " : ", ") + std::string(french_days[d]);
        add(days.empty() ? "aucun jour" : days);
    }
    for (const auto& h : schedule.hours) {
        if (h.start_min < 13 * 60 && h.end_min <= 13 * 60 && !h.wraps() && h.start_min <= 9 * 60)
            add("le matin (" + format_hhmm(h.start_min * 60) + "–" + format_hhmm(h.end_min * 60) +
                ")");
        else
            add("de " + format_hhmm(h.start_min * 60) + " à " + format_hhmm(h.end_min * 60));
    }
    return out;
}

} // namespace affiche
