// The bytes of a deck's fonts and images, read once at load time, so a deck keeps playing from
// memory when its folder disappears or is half-way through an update.
#pragma once

#include "core/deck.hpp"

#include <SDL.h>

#include <map>
#include <memory>
#include <string>

namespace affiche {

struct AssetBytes {
    std::map<std::string, std::string> files; // path -> contents
    std::size_t total = 0;                    // bytes held
    const std::string* find(const std::string& path) const;
};

// Reads the theme's fonts and every shown slide's image. Files that cannot be read are skipped
// (the loader has reported them); images past max_total bytes are left on disk.
std::shared_ptr<const AssetBytes> read_assets(const Deck& deck,
                                              std::size_t max_total = 64u * 1024 * 1024);

// An SDL stream over the held bytes of path, or over the file itself when not held.
SDL_RWops* open_asset(const AssetBytes* assets, const std::string& path);

} // namespace affiche
