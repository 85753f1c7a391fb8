// The SDL-free deck check: load and validate, the caller's extra checks, then schedule warnings.
#include "schedule/deck_check.hpp"

#include "schedule/schedule_report.hpp"

namespace affiche {

LoadResult check_deck(const std::string& content_dir, UnixTime now, const ExtraDeckChecks& extra) {
    LoadResult loaded = load_deck(content_dir);
    if (extra) extra(loaded);
    if (loaded.deck) {
        for (auto& d : schedule_warnings(*loaded.deck, now))
            loaded.diagnostics.push_back(std::move(d));
    }
    return loaded;
}

} // namespace affiche
