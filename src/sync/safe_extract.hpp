// Extracts a deck archive without trusting it: regular files and folders only, bounded, fsynced.
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace affiche {

// The one source of a deck's size limits: a screen's defaults (SyncConfig::deck, sync.toml's
// [limits] may change them on a screen), and what publish refuses, so that publish never puts out
// a deck a default screen would refuse. Counted while decompressing, so a bomb stops at the limit,
// not after it.
struct ExtractLimits {
    std::uint64_t max_archive_bytes = std::uint64_t{1} << 30; // 1 GiB compressed, even when signed
    std::uint64_t max_entries = 10000;                        // files + folders
    std::uint64_t max_total_bytes = std::uint64_t{2} << 30;   // 2 GiB unpacked
    std::uint64_t max_file_bytes = std::uint64_t{100} << 20;  // 100 MiB per file
    // Not a size: unpacking stops with an error once this steady-clock time has passed (the
    // pass's deadline).
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

struct ExtractReport {
    std::uint64_t files = 0;
    std::uint64_t folders = 0;
    std::uint64_t bytes = 0; // unpacked, in total
};

// Extracts archive_path (tar, any compression libarchive reads) into dest_dir, which must be an
// existing empty folder (not a link). Refused: symlinks, hardlinks, devices, FIFOs, sockets,
// absolute paths, "..", duplicate entries, any limit passed, a truncated or damaged archive, a
// write error (disk full). Every entry is created with openat/mkdirat under dest_dir's descriptor
// with O_NOFOLLOW and O_EXCL, so nothing is written through a link. Files become 0644, folders
// 0755. Files and folders are fsynced before success. On failure dest_dir may hold a partial tree:
// the caller removes it (it is a temporary folder).
Result<ExtractReport> extract_archive(const std::string& archive_path, const std::string& dest_dir,
                                      const ExtractLimits& limits);

} // namespace affiche
