// minisign signature files (.minisig): parsing, in-process signing and verification with libsodium.
#pragma once

#include "base/result.hpp"
#include "sync/minisign_keys.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace affiche {

// One .minisig file: "untrusted comment: ...", base64(alg + key id + signature),
// "trusted comment: ...", base64(global signature over signature || trusted comment).
struct Signature {
    bool prehashed = true; // "ED": signs BLAKE2b-512 of the file; "Ed" (legacy): the file itself
    KeyId key_id{};
    std::array<std::uint8_t, 64> signature{};
    std::string untrusted_comment;
    std::string trusted_comment;
    std::array<std::uint8_t, 64> global_signature{};
};

// Parses .minisig text; path names it in messages ("path:2:1: error: ..."). An empty text is
// reported as "unsigned".
Result<Signature> parse_signature(std::string_view text, const std::string& path);

// Signs data like `minisign -Sm` (prehashed "ED") and returns the .minisig text.
std::string sign_bytes(const SecretKey& key, std::string_view data,
                       std::string_view trusted_comment,
                       std::string_view untrusted_comment = "signature from affiche-sync");

// Checks sig against key and data, in minisign's order: key id, file signature, global signature
// (which covers the trusted comment). data_name and sig_path name the files in messages.
Result<Done> verify_signature(const Signature& sig, const PublicKey& key, std::string_view data,
                              const std::string& data_name, const std::string& sig_path);

} // namespace affiche
