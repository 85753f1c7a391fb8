// When a valid new deck replaces the one on screen, and on which slide it starts.
#pragma once

#include "deck/deck.hpp"

#include <set>
#include <string>

namespace affiche {

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
// changed), at_once stays on the same slide, and service waits for the boundary, unless the
// announcement changed (came, went, other text or dates): then every mode takes it now, on the
// same slide.
AdoptionPlan plan_adoption(const Deck& old, int on_screen, const Deck& fresh,
                           const std::set<std::string>& changed_files, AdoptMode mode);

} // namespace affiche
