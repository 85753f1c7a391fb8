// Theme fonts a deck names but does not carry, found among the fonts Debian packages install.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Folders searched, in order: Debian's fonts-noto-core (Noto Sans Arabic) and fonts-dejavu-core.
// A fixed list rather than fontconfig: the name in deck.toml is a file name, and these are the
// folders the package's dependencies fill.
const std::vector<std::string>& system_font_dirs();

// The system copy of the theme font `name` when the deck's fonts_dir has no entry of that name
// (no file, no link, nothing): dirs[i]/name for the first dir holding it as a regular file.
// "" when the deck has an entry (the loader checks it, even a broken one), when name is not a
// plain file name ("sub/x.ttf", "..", "") or when no dir has it.
std::string system_font_for(const std::string& fonts_dir, std::string_view name,
                            const std::vector<std::string>& dirs = system_font_dirs());

} // namespace affiche
