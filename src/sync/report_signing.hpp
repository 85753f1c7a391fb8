// Screen reports' signing format (issue 19): Ed25519 over the exact body, key fingerprints.
// affiche-sync signs with it; affiche-studio (which links affiche_sync) verifies with it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// The HTTP header that carries base64 (standard, padded) of the 64-byte detached signature.
inline constexpr std::string_view report_signature_header = "X-Affiche-Signature";
// The largest report body a studio accepts (413 above).
inline constexpr std::size_t report_max_body = 256 * 1024;
// Raw sizes of libsodium's Ed25519 keys (crypto_sign_PUBLICKEYBYTES / SECRETKEYBYTES).
inline constexpr std::size_t report_public_key_size = 32;
inline constexpr std::size_t report_secret_key_size = 64;

// The fingerprint people compare: SHA-256 of the 32 raw public-key bytes, its first 8 bytes in
// lowercase hex as four groups of 4 joined by "-" ("3f2a-9c01-77be-d410"). Empty when
// public_key is not 32 bytes.
std::string report_fingerprint(std::string_view public_key);

// The 32 raw bytes of a report's "key" field (standard base64), or nullopt when it is not valid
// base64 of exactly 32 bytes.
std::optional<std::string> decode_report_key(std::string_view key_b64);

// The X-Affiche-Signature value for body: base64 of crypto_sign_detached over the exact body
// bytes with secret_key (libsodium's 64-byte Ed25519 secret key). Empty when secret_key is not 64
// bytes or libsodium cannot start.
std::string sign_report(std::string_view body, std::string_view secret_key);

// True when signature_b64 is standard padded base64 of a 64-byte Ed25519 detached signature of
// the exact body bytes by public_key (32 raw bytes, e.g. from decode_report_key). False for any
// malformed input (wrong sizes, bad base64), never an exception.
bool verify_report_signature(std::string_view body, std::string_view signature_b64,
                             std::string_view public_key);

} // namespace affiche
