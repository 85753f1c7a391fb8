// Decodes every image a deck shows, to refuse a deck whose pictures are corrupt before it plays.
#pragma once

#include "core/deck.hpp"
#include "core/error.hpp"

namespace affiche {

// One error per image that SDL_image cannot decode (truncated, corrupt), at the slide's position.
// Safe on any thread: it touches no renderer.
Diagnostics decode_check(const Deck& deck);

} // namespace affiche
