// Loads a content folder (slides/deck.toml, slides/*.toml, images/, fonts/) into a Deck and
// validates all of it, reporting every problem as a Diagnostic with file, line and column.
#pragma once

#include "base/error.hpp"
#include "deck/content_snapshot.hpp"
#include "deck/deck.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace affiche {

struct LoadResult {
    std::optional<Deck> deck; // set when there is no error (warnings allowed)
    Diagnostics diagnostics;  // errors and warnings, in file order
    // The files as read (held images and fonts, digests): decode-check, hash and play these.
    std::shared_ptr<ContentSnapshot> content;
};

// Reads and validates everything. Image files are checked for existence, staying inside
// images/, and a readable header within decode limits (not decoded). Each file is read once
// (content_snapshot.hpp), safely and within its size limit. Reports no filesystem failure by
// exception; out of memory may still throw (the reloader catches it).
LoadResult load_deck(const std::string& content_dir);

// load_deck with some files' bytes given instead of read: relative path ("slides/10.toml") ->
// bytes. The studio checks an edit this way before it writes anything. A path given here must be
// a file the folder already lists.
LoadResult load_deck(const std::string& content_dir,
                     const std::map<std::string, std::string>& replaced);

} // namespace affiche
