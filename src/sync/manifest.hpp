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
// The highest sequence a manifest may carry: 2^53 - 1, exact in JSON and doubles, and so far
// below int64's maximum that no manifest (a typo signed by hand included) can leave a screen
// where no later publication can go higher. At one publication a second: 285 million years.
inline constexpr std::int64_t max_sequence = (std::int64_t{1} << 53) - 1;

// manifest.toml: TOML as publish writes it (a comment line, then `key = value` lines whose values
// are "strings", integers, or UTC date-times like 2026-11-29T08:00:00Z), read with toml++ like
// every other TOML file, so every problem has a path:line:col.
struct Manifest {
    int format = manifest_format_version;
    std::string revision;      // deck_revision() of the deck: 16 lowercase hex digits
    std::int64_t sequence = 0; // one more than the previous publication; only goes up; 1 to
                               // max_sequence
    std::int64_t created = 0;  // Unix time, seconds (UTC)
    std::int64_t expires = 0;  // Unix time, seconds (UTC); after it the screen reports "stale"
    std::string archive;       // file name beside the manifest, e.g. "deck-<revision>.tar.zst"
    std::uint64_t size = 0;    // archive size in bytes
    std::string sha256;        // archive SHA-256, 64 lowercase hex digits
};

// The manifest's text, keys in a fixed order: these exact bytes are signed, and every published
// manifest so far has this form.
std::string format_manifest(const Manifest& m);

// Parses and checks every field (all required, no unknown keys, revision/sha256 hex, archive a
// plain file name, times in UTC, expires after created).
// Returns the manifest, or the Diagnostic at path:line:col of the first problem.
Result<Manifest> parse_manifest(std::string_view text, const std::string& path);
// read_manifest reads path (a regular file within max_toml_bytes) and parses it the same way.
Result<Manifest> read_manifest(const std::string& path);

// The trusted comment publish signs: "affiche-manifest sequence:7 revision:0123456789abcdef".
std::string manifest_trusted_comment(const Manifest& m);

// When the trusted comment carries "sequence:" or "revision:", they must equal the manifest's
// (a comment from `minisign -t` without them is accepted: the manifest itself is signed).
// Returns Done, or the Diagnostic at sig_path that names the field that differs.
Result<Done> check_trusted_comment(const Manifest& m, std::string_view comment,
                                   const std::string& sig_path);

// "30d", "12h", "90m", "3600s" or a bare number of seconds; > 0. Returns the seconds, or the
// Diagnostic (no position) that says how to write one.
Result<std::int64_t> parse_duration_seconds(std::string_view text);

} // namespace affiche
