// The deck's revision: one hash over the files the loader reads, for the status file and logs.
#pragma once

#include <string>

namespace affiche {

// 16 lowercase hex digits of XXH3-64 over the relative path ("slides/a.toml") and the bytes of
// every regular file under content_dir's slides/, images/ and fonts/ (recursively, sorted by
// path, following the content_dir symlink and symlinked files; dotfiles, editor leftovers and
// ignored folders skipped). Equal contents give equal revisions on any machine. A missing folder
// or unreadable file just contributes nothing (or a marker); never throws.
std::string deck_revision(const std::string& content_dir);

} // namespace affiche
