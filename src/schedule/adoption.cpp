// Adopting a new deck: the slide on screen changed, a preview jumping to the edit, or a boundary.
#include "schedule/adoption.hpp"

#include "deck/deck_diff.hpp"
#include "schedule/playlist.hpp"

#include <algorithm>

namespace affiche {

AdoptionPlan plan_adoption(const Deck& old, int on_screen, const Deck& fresh,
                           const std::set<std::string>& changed_files, AdoptMode mode) {
    const std::vector<std::string> ids = shown_ids(fresh);
    const std::vector<std::string> changed = changed_slides(old, fresh, changed_files);
    const std::string& current = old.shown(on_screen).id;
    const auto index_of = [&ids](const std::string& id) {
        return static_cast<int>(std::find(ids.begin(), ids.end(), id) - ids.begin());
    };
    if (std::find(changed.begin(), changed.end(), current) != changed.end()) {
        return {true, index_of(current)}; // the slide on screen, in its new version
    }
    const int same = resume_index(ids, current, on_screen);
    // An announcement that came, went or changed concerns every slide, and it is urgent: now,
    // on the same slide (composed again with the band), not at the end of a long slide.
    if (!same_announcement(old, fresh)) return {true, same};
    switch (mode) {
    case AdoptMode::preview:
        return {true, changed.empty() ? same : index_of(changed.front())};
    case AdoptMode::at_once:
        return {true, same};
    case AdoptMode::service:
        break;
    }
    return {false, same};
}

} // namespace affiche
