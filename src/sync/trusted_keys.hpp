// A folder of trusted minisign public keys (rotation: add the new key, later remove the old one).
#pragma once

#include "base/result.hpp"
#include "sync/minisign_keys.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Reads every "*.pub" file of a folder, or the one key file when path is a file. Fails when a key
// file is malformed (so a typo never silently drops a key) or when no key is found.
Result<std::vector<PublicKey>> read_trusted_keys(const std::string& path);

// What a good signature tells: which key made it and the signed trusted comment.
struct Verified {
    PublicKey key;
    std::string trusted_comment;
};

// Verifies data against the .minisig text with the trusted keys that have the signature's key id
// (every one of them when several share it: the first that verifies is the signer).
// One clear error each: unsigned (empty), malformed, unknown key id, data changed, trusted comment
// changed.
Result<Verified> verify_with_keys(std::string_view data, const std::string& data_name,
                                  std::string_view sig_text, const std::string& sig_path,
                                  const std::vector<PublicKey>& keys);

// Reads data_path and data_path + ".minisig" (missing signature: "unsigned") and verifies.
Result<Verified> verify_file(const std::string& data_path, const std::vector<PublicKey>& keys);

} // namespace affiche
