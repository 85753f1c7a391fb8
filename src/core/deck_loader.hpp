// Loads a content folder (slides/deck.toml, slides/*.toml, images/, fonts/) into a Deck and
// validates all of it, reporting every problem as a Diagnostic with file, line and column.
#pragma once

#include "core/deck.hpp"
#include "core/error.hpp"

#include <optional>
#include <string>

namespace affiche {

struct LoadResult {
    std::optional<Deck> deck; // set when there is no error (warnings allowed)
    Diagnostics diagnostics;  // errors and warnings, in file order
};

// Reads and validates everything; never throws. Image files are checked for existence,
// staying inside images/, and a readable header within decode limits (not decoded).
LoadResult load_deck(const std::string& content_dir);

// True for file names the loader reads as slide files: "*.toml", not deck.toml, not a dotfile,
// not an editor leftover ("*~", ".*.swp", "#*#").
bool is_slide_file_name(const std::string& name);

// Names the watcher ignores: dotfiles and editor leftovers, anywhere in the content folder.
bool is_ignored_file_name(const std::string& name);

} // namespace affiche
