// The signed manifest of a published deck: what it is (revision, sequence) and where its archive
// is.
#pragma once

#include "base/result.hpp"
#include "base/utc_time.hpp" // format_utc, parse_utc: the manifest's times

#include <cstdint>
#include <string>
#include <string_view>

namespace affiche {

inline constexpr int manifest_format_version = 1;
inline constexpr std::string_view manifest_file_name = "manifest.toml";
inline constexpr std::string_view signature_suffix = ".minisig";

// manifest.toml: a strict subset of TOML (what publish writes: `key = value` lines, values are
// "strings", integers, or UTC date-times like 2026-11-29T08:00:00Z; # comments), so that it is
// read without toml++ and every problem has a path:line:col.
struct Manifest {
    int format = manifest_format_version;
    std::string revision;      // deck_revision() of the deck: 16 lowercase hex digits
    std::int64_t sequence = 0; // one more than the previous publication; only goes up
    std::int64_t created = 0;  // Unix time, seconds (UTC)
    std::int64_t expires = 0;  // Unix time, seconds (UTC); after it the screen reports "stale"
    std::string archive;       // file name beside the manifest, e.g. "deck-<revision>.tar.zst"
    std::uint64_t size = 0;    // archive size in bytes
    std::string sha256;        // archive SHA-256, 64 lowercase hex digits
};

// The manifest's text, keys in a fixed order.
std::string format_manifest(const Manifest& m);

// Parses and checks every field (all required, no unknown keys, revision/sha256 hex, archive a
// plain file name, expires after created); path names it in messages.
Result<Manifest> parse_manifest(std::string_view text, const std::string& path);
Result<Manifest> read_manifest(const std::string& path);

// The trusted comment publish signs: "affiche-manifest sequence:7 revision:0123456789abcdef".
std::string manifest_trusted_comment(const Manifest& m);

// When the trusted comment carries "sequence:" or "revision:", they must equal the manifest's
// (a comment from `minisign -t` without them is accepted: the manifest itself is signed).
Result<Done> check_trusted_comment(const Manifest& m, std::string_view comment,
                                   const std::string& sig_path);

// "30d", "12h", "90m", "3600s" or a bare number of seconds; > 0.
Result<std::int64_t> parse_duration_seconds(std::string_view text);

} // namespace affiche
