// Decodes every image a deck shows, to refuse a deck whose pictures are corrupt before it plays.
#pragma once

#include "base/error.hpp"
#include "deck/content_snapshot.hpp"
#include "deck/deck.hpp"

namespace affiche {

// One error per image that SDL_image cannot decode (truncated, corrupt), at the slide's position.
// Decodes the bytes the loader read (content), so what is checked is what plays. Safe on any
// thread: it touches no renderer.
Diagnostics decode_check(const Deck& deck, ContentSnapshot& content);

} // namespace affiche
