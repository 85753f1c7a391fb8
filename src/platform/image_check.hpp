// Decodes every image a deck shows, to refuse a deck whose pictures are corrupt before it plays.
#pragma once

#include "base/error.hpp"
#include "deck/content_snapshot.hpp"
#include "deck/deck.hpp"
#include "deck/image_header.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// One error per image that SDL_image cannot decode (truncated, corrupt), at the slide's position.
// Decodes the bytes the loader read (content), so what is checked is what plays. Safe on any
// thread: it touches no renderer.
Diagnostics decode_check(const Deck& deck, ContentSnapshot& content);

// Why SDL_image cannot decode bytes whose header parsed as header (a PNG cut short, SDL_image's
// message); nullopt when they decode. Safe on any thread (the studio checks uploads with it).
std::optional<std::string> decode_failure(std::string_view bytes, const ImageHeader& header);

} // namespace affiche
