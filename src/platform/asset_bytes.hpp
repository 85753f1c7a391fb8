// The bytes of a deck's fonts and images, read once at load time, so a deck keeps playing from
// memory when its folder disappears or is half-way through an update.
#pragma once

#include "deck/content_snapshot.hpp"
#include "deck/deck.hpp"
#include "deck/image_header.hpp"

#include <SDL.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace affiche {

struct AssetBytes {
    // path -> contents, shared with the snapshot the loader validated: the same bytes play.
    std::map<std::string, std::shared_ptr<const std::string>> files;
    std::size_t total = 0; // bytes held
    const std::string* find(const std::string& path) const;
};

// The theme's fonts and every shown slide's image as the load read them (content.held()). Files
// the snapshot did not hold (past its memory budget) stay on disk and are opened when needed.
std::shared_ptr<const AssetBytes> assets_from(const Deck& deck, const ContentSnapshot& content);

// True when both hold the same paths with the same bytes (what they draw is the same).
bool same_assets(const AssetBytes& a, const AssetBytes& b);

// The image header of path from its held bytes, or from the file read safely (regular files
// within the image size limit only, so a FIFO swapped in cannot block the loop). nullopt when
// unreadable or not an image.
std::optional<ImageHeader> asset_image_header(const AssetBytes* assets, const std::string& path);

// An SDL stream over the held bytes of path, or over the file itself when not held; the file is
// opened only when it is a regular file within the size limit (never a FIFO that would block).
SDL_RWops* open_asset(const AssetBytes* assets, const std::string& path);

} // namespace affiche
