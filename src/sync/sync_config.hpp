// The sync's settings: /etc/affiche/sync.toml, or the pull command line, with their defaults.
#pragma once

#include "base/result.hpp"
#include "sync/fetcher.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace affiche {

struct SyncConfig {
    std::string url;                        // the manifest's URL
    std::string keys = "/etc/affiche/keys"; // a trusted public key file or a folder of them
    std::string root = "/var/lib/affiche";  // content/ and current
    std::string state_dir = "/var/lib/affiche/state";          // outside content/
    std::string status_file = "/run/affiche-sync/status.json"; // "" = none
    std::string metrics_file;                                  // Prometheus textfile; "" = none
    int keep = 5; // installed revisions kept besides the live one
    // `PLAYER --check` also runs on an unpacked deck before the swap (SDL_image decodes every
    // image); "" = only the SDL-free checks. Not a setting: the affiche beside affiche-sync.
    std::string player_program;
    // Longest wait for that check: then it is killed with everything it started (seconds).
    std::chrono::seconds player_check_timeout{300};
    FetchLimits fetch;
    std::uint64_t max_manifest_bytes = 64 * 1024;
    std::uint64_t max_archive_bytes = std::uint64_t{1} << 30;  // even when signed: 1 GiB
    std::uint64_t max_entries = 10000;                         // files and folders in an archive
    std::uint64_t max_unpacked_bytes = std::uint64_t{2} << 30; // 2 GiB in all
    std::uint64_t max_file_bytes = std::uint64_t{100} << 20;   // 100 MiB for one file
};

// Reads path: unknown keys, wrong types and values out of range are errors at path:line:col; a
// missing url or keys is an error too. Paths are used as written (absolute in practice).
Result<SyncConfig> load_sync_config(const std::string& path);

} // namespace affiche
