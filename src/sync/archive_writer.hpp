// Packs a deck into one deterministic tar archive (zstd, else gzip) through libarchive.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace affiche {

// The compression publish uses: zstd when libarchive has it, else gzip.
struct ArchiveCompression {
    std::string suffix; // ".tar.zst" or ".tar.gz"
    bool zstd = true;
};
ArchiveCompression best_compression();

struct PackReport {
    std::uint64_t files = 0;
    std::uint64_t folders = 0;
    std::uint64_t bytes_in = 0; // sum of the files' sizes
};

// Writes out_path (created, must not exist) with the given folders and files of content_dir
// (relative paths with '/', e.g. from list_content). Sorted by path; modes 0644/0755, owner 0:0,
// no user/group names, mtime 0, pax headers only when a name needs one: equal content gives
// byte-equal archives. Files are read safely (regular files only, each at most max_file_bytes).
Result<PackReport>
write_deck_archive(const std::string& content_dir, const std::vector<std::string>& folders,
                   const std::vector<std::string>& files, const std::string& out_path,
                   const ArchiveCompression& compression, std::uint64_t max_file_bytes);

} // namespace affiche
