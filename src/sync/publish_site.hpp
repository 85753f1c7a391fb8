// The files of a publication folder (SITE_DIR): previous manifest, archives, atomic writes,
// pruning.
#pragma once

#include "base/result.hpp"
#include "sync/manifest.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// The manifest already in site_dir (nullopt when there is none). A malformed one is an error:
// the next sequence cannot be known.
Result<std::optional<Manifest>> previous_manifest(const std::string& site_dir);

// Gives temp_path the name final_path without ever replacing a file: link(2) then unlink. When
// final_path exists with the same SHA-256 it is kept (and touched, so pruning sees it as new) and
// temp_path removed: returns true ("reused"). Different bytes under that name: an error.
Result<bool> place_archive(const std::string& temp_path, const std::string& final_path,
                           const std::string& sha256);

// Removes the oldest archives ("deck-*.tar.zst" / ".tar.gz", by modification time) so that at
// most keep remain; current is never removed. keep <= 0 removes nothing. Returns removed names.
Result<std::vector<std::string>> prune_archives(const std::string& site_dir, int keep,
                                                const std::string& current);

} // namespace affiche
