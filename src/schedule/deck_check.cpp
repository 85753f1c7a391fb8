// The SDL-free deck check: load and validate, the caller's extra checks, then schedule warnings.
#include "schedule/deck_check.hpp"

#include "deck/announcement_dates.hpp"
#include "schedule/schedule_report.hpp"

namespace affiche {

LoadResult check_deck(const std::string& content_dir, UnixTime now, const ExtraDeckChecks& extra,
                      const std::map<std::string, std::string>& replaced) {
    LoadResult loaded = load_deck(content_dir, replaced);
    if (extra) extra(loaded);
    if (loaded.deck) {
        for (auto& d : schedule_warnings(*loaded.deck, now))
            loaded.diagnostics.push_back(std::move(d));
    }
    // The 7-day rule and the past `until`: here, where the time now is known (not the reload).
    if (loaded.deck && loaded.deck->announcement) {
        for (auto& d : announcement_date_problems(*loaded.deck->announcement, local_stamp(now)))
            loaded.diagnostics.push_back(std::move(d));
        if (has_errors(loaded.diagnostics)) loaded.deck.reset();
    }
    return loaded;
}

} // namespace affiche
