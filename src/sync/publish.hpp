// `affiche-sync publish` as a library function: validate, pack, write and sign the manifest, prune.
#pragma once

#include "base/result.hpp"
#include "sync/manifest.hpp"
#include "sync/safe_extract.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

// The environment variable publish reads an encrypted key's password from (see
// docs/publishing.md); the CLI may also pass it from a prompt.
inline constexpr const char* key_password_env = "AFFICHE_SYNC_KEY_PASSWORD";

inline constexpr std::int64_t default_expiry_seconds = 30 * 24 * 3600; // 30 days

struct PublishOptions {
    std::string content_dir;
    std::string site_dir; // created when missing
    // In-process signing with this `minisign -G` secret key; empty: run `minisign -Sm`.
    std::string secret_key;
    std::optional<std::string> password; // for an encrypted secret_key
    // For the external tool: its program and, optionally, `-s KEY` (else minisign's default key).
    std::string minisign_program = "minisign";
    std::string minisign_secret_key;
    // When set (e.g. "affiche"), publish also runs `PLAYER --check CONTENT_DIR` in its own process
    // after its own check: the SDL_image decode of every image, so the refusals equal the
    // player's exactly, without linking SDL here. Its messages go to stderr.
    std::string player_program;
    std::int64_t now = 0; // Unix time, seconds; 0: the system clock (tests inject one)
    std::int64_t expires_in = default_expiry_seconds;
    // The screens' extraction limits: a deck past them is refused here rather than on every screen.
    ExtractLimits screen_limits;
    int keep = 0; // archives to keep (the current one always stays); 0 keeps all
    // Every diagnostic of the deck check (errors, warnings, notes) goes here when set.
    std::function<void(const Diagnostic&)> on_diagnostic;
};

struct PublishReport {
    Manifest manifest;
    std::string manifest_path;
    std::string archive_path;
    bool archive_reused = false;     // the same revision was published before: same bytes
    std::vector<std::string> pruned; // archive file names removed by keep
    std::uint64_t files = 0;         // files packed
};

// Validates content_dir like `affiche --check`: core's load_deck (TOML, schema, references, image
// headers within the decode limits, fonts), which is every error `--check` gives except an image
// whose header is fine but whose data SDL_image cannot decode; player_program adds that one. (The
// font-metric readability checks of `--check` are warnings only.) Then packs the deck to
// SITE_DIR/deck-<revision>.tar.zst (never replacing a different file), writes manifest.toml with
// sequence = previous + 1 and its .minisig, and prunes. On a refusal nothing new is left in
// SITE_DIR; an I/O error after the archive is placed can leave that archive (harmless, unlisted).
Result<PublishReport> publish(const PublishOptions& options);

// The player installed with the running program (same folder: affiche-sync, affiche-studio),
// whose --check also decodes every image with SDL_image; "" when there is none.
std::string player_beside_this_program();

// Reads the password from key_password_env, if set.
std::optional<std::string> password_from_environment();

} // namespace affiche
