// Small in-memory decks for tests of what follows an edit (deck_diff, adoption): no files.
#pragma once

#include "deck/deck.hpp"

#include <string>

namespace affiche::testing {

// A 10-second slide with an id and a title.
inline Slide titled_slide(const std::string& id, const std::string& title) {
    Slide s;
    s.id = id;
    s.title = title;
    s.duration_s = 10;
    return s;
}

// Three shown slides a, b, c (titles A, B, C); every slide in play order.
inline Deck three_slides() {
    Deck d;
    d.slides = {titled_slide("a", "A"), titled_slide("b", "B"), titled_slide("c", "C")};
    d.play_order = {0, 1, 2};
    return d;
}

} // namespace affiche::testing
