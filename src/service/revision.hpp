// The deck's revision: one hash over the files that belong to the deck, for the status file and
// logs.
#pragma once

#include "deck/content_snapshot.hpp"

#include <string>

namespace affiche {

// 16 lowercase hex digits of XXH3-64 over the relative path ("slides/a.toml") and the bytes of
// every file that belongs to the deck (content_files.hpp: slides/ flat, images/ and fonts/ with
// their subfolders; sorted by path, following the content_dir symlink and symlinked files).
// Files the snapshot already read are hashed from those bytes' digests; the others are read
// safely once (no FIFO, size-limited). Equal contents give equal revisions on any machine. A
// missing folder or unreadable file just contributes nothing (or a marker); never throws.
std::string deck_revision(const ContentSnapshot& content);

// Lists and hashes content_dir afresh.
std::string deck_revision(const std::string& content_dir);

} // namespace affiche
