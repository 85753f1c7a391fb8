// The deck's revision: one hash over the files that belong to the deck, for the status file and
// logs.
#pragma once

#include "base/file_read.hpp"
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

// Lists and hashes content_dir afresh. With Links::refuse a file that is a symbolic link counts
// as unreadable (a marker, not its target's bytes): the sync checks that an installed folder
// still holds the signed files themselves, not links that could later point elsewhere.
std::string deck_revision(const std::string& content_dir, Links files = Links::follow);

} // namespace affiche
