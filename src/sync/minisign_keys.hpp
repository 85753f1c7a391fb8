// minisign key files: public keys ("RW..." base64 with key id) and secret keys from `minisign -G`.
#pragma once

#include "base/result.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// minisign's 8-byte key number, as stored (little-endian).
using KeyId = std::array<std::uint8_t, 8>;

// How minisign prints a key id: the little-endian number in uppercase hex, no leading zeros.
std::string key_id_hex(const KeyId& id);

// An Ed25519 public key with its minisign key id.
struct PublicKey {
    KeyId id{};
    std::array<std::uint8_t, 32> key{};
    std::string source; // file it came from, for messages
};

// An Ed25519 secret key (libsodium's 64 bytes: seed then public key) with its key id.
struct SecretKey {
    KeyId id{};
    std::array<std::uint8_t, 64> key{};
};

// Parses a public key: the whole .pub file ("untrusted comment: ..." then the base64 line) or the
// bare base64 line. path names it in messages (path:line:col).
Result<PublicKey> parse_public_key(std::string_view text, const std::string& path);
Result<PublicKey> read_public_key(const std::string& path);

// True when the secret key file is encrypted (needs a password).
Result<bool> secret_key_is_encrypted(const std::string& path);

// Reads a `minisign -G` secret key. Encrypted keys ("Sc": scrypt) need password; keys made with
// `minisign -G -W` have none. The checksum in the file is checked, so a wrong password is
// reported as such. The scrypt stream is wiped after use; keep the SecretKey short-lived.
Result<SecretKey> read_secret_key(const std::string& path,
                                  const std::optional<std::string>& password);

// The public half of a secret key.
PublicKey public_key_of(const SecretKey& secret);

// The .pub file text minisign writes for key.
std::string format_public_key(const PublicKey& key);

} // namespace affiche
