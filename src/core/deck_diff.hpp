// Which slides an edit changed, and when a new deck should replace the one on screen.
#pragma once

#include "core/deck.hpp"

#include <set>
#include <string>
#include <vector>

namespace affiche {

// True when the two slides would look the same: every field the layout or the timing reads.
// Where a field is written in the file (SourceLoc) does not count.
bool same_slide_content(const Slide& a, const Slide& b);

// True when what every slide shares (theme, overlays, transition, languages) is the same.
bool same_look(const Deck& a, const Deck& b);

// The ids, in the fresh deck's play order, of its shown slides that are new or differ from the
// slide with the same id in old. changed_files: content paths (images, fonts) whose bytes
// differ between the two decks; a slide showing such an image counts as changed, and a changed
// theme font or a different look changes every slide.
std::vector<std::string> changed_slides(const Deck& old, const Deck& fresh,
                                        const std::set<std::string>& changed_files);

// How a valid new deck takes over.
enum class AdoptMode {
    service, // full screen: at the next slide boundary, unless the slide on screen changed
    at_once, // a paused screen: now, on the same slide (it would never reach a boundary)
    preview, // --windowed: now, on the slide being edited
};

struct AdoptionPlan {
    bool now = false; // false: wait for the next slide boundary
    int first = 0;    // the fresh deck's play index to show when now
};

// The slide on screen is old.shown(on_screen). When it changed (same id, new content) every mode
// takes the new deck now, on its new version: a crossfade to what was just edited. Otherwise
// preview jumps to the first changed slide (or stays on the same slide when nothing shown
// changed), at_once stays on the same slide, and service waits for the boundary.
AdoptionPlan plan_adoption(const Deck& old, int on_screen, const Deck& fresh,
                           const std::set<std::string>& changed_files, AdoptMode mode);

} // namespace affiche
