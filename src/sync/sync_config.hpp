// The sync's settings: /etc/affiche/sync.toml, or the pull command line, with their defaults.
#pragma once

#include "base/result.hpp"
#include "sync/fetcher.hpp"
#include "sync/safe_extract.hpp"

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
    // A PEM file of the authorities trusted for https, for the pull and the report alike ("" =
    // the system's). It replaces the system's: e.g. the studio's studio-ca.crt alone.
    std::string ca_file;
    int keep = 5; // installed revisions kept besides the live one
    // Screen reports (issue 19): after each pass, one signed POST to report_url ("" = none).
    std::string name;       // the screen's name in reports; "" = the host name (screen_name())
    std::string report_url; // https://, or http:// to a loopback address only
    // What the player says (affiche --status, --thumbnail in systemd/affiche.service.in).
    std::string player_status = "/run/affiche/status.json";
    std::string player_thumbnail = "/run/affiche/thumbnail.jpg";
    // `PLAYER --check` also runs on an unpacked deck before the swap (SDL_image decodes every
    // image). Not a setting: the affiche beside affiche-sync. "" (none there) makes every pass
    // that would install refuse: a deck the player's own check has not accepted never reaches
    // current.
    std::string player_program;
    // Longest wait for that check: then it is killed with everything it started (seconds). It
    // never runs past the pass's deadline either.
    std::chrono::seconds player_check_timeout{300};
    // One deadline for the whole pass (seconds; [limits] pass_timeout_s): every transfer, the
    // unpacking and the player's check stop there, and nothing is swapped after it. Below the
    // unit's TimeoutStartSec (15 min, systemd/affiche-sync.service.in) by more than the state and
    // status writes need, so a pass ends by itself, never killed by systemd.
    std::chrono::seconds pass_timeout{720};
    FetchLimits fetch;
    std::uint64_t max_manifest_bytes = 64 * 1024;
    // Archive size, entries, unpacked and file sizes: publish's defaults too (safe_extract.hpp).
    ExtractLimits deck;
};

// Reads path. Returns the settings (defaults for what it does not give), or the Diagnostic at
// path:line:col of the first problem: an unknown key, a wrong type, a value out of range, a
// missing url, a ca_file that cannot be read or holds no certificate. Paths are used as written
// (absolute in practice).
Result<SyncConfig> load_sync_config(const std::string& path);

} // namespace affiche
