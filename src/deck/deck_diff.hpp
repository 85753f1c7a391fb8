// Which slides an edit changed: two decks compared slide by slide, by id and content.
#pragma once

#include "deck/deck.hpp"

#include <set>
#include <string>
#include <vector>

namespace affiche {

// The ids of the deck's shown slides, in play order.
std::vector<std::string> shown_ids(const Deck& d);

// True when the two slides would look the same: every field the layout or the timing reads.
// Where a field is written in the file (SourceLoc) does not count.
bool same_slide_content(const Slide& a, const Slide& b);

// True when both decks have no announcement, or the same one (text, from, until, style).
bool same_announcement(const Deck& a, const Deck& b);

// True when what every slide shares (theme, overlays, transition, languages) is the same.
bool same_look(const Deck& a, const Deck& b);

// The ids, in the fresh deck's play order, of its shown slides that are new or differ from the
// slide with the same id in old. changed_files: content paths (images, fonts) whose bytes
// differ between the two decks; a slide showing such an image counts as changed, and a changed
// theme font or a different look changes every slide.
std::vector<std::string> changed_slides(const Deck& old, const Deck& fresh,
                                        const std::set<std::string>& changed_files);

} // namespace affiche
