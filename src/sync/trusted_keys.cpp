// Trusted public keys from a folder, and verification with whichever one made a signature.
#include "sync/trusted_keys.hpp"

#include "base/file_read.hpp"
#include "sync/manifest.hpp"
#include "sync/minisign_signature.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

namespace affiche {

namespace {

constexpr std::uint64_t max_signature_file_bytes = 16 * 1024;

} // namespace

Result<std::vector<PublicKey>> read_trusted_keys(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        auto key = read_public_key(path);
        if (!key) return key.error();
        return std::vector<PublicKey>{std::move(*key)};
    }
    std::vector<std::string> names;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.ends_with(".pub") && !name.starts_with(".")) names.push_back(name);
    }
    if (ec) return failure({path}, "cannot list the trusted keys: " + ec.message());
    std::sort(names.begin(), names.end());
    std::vector<PublicKey> keys;
    for (const auto& name : names) {
        auto key = read_public_key(path + "/" + name);
        if (!key) return key.error();
        keys.push_back(std::move(*key));
    }
    if (keys.empty())
        return failure({path}, "no trusted public key (*.pub) in this folder",
                       "copy the publisher's minisign.pub here");
    return keys;
}

Result<Verified> verify_with_keys(std::string_view data, const std::string& data_name,
                                  std::string_view sig_text, const std::string& sig_path,
                                  const std::vector<PublicKey>& keys) {
    auto sig = parse_signature(sig_text, sig_path);
    if (!sig) return sig.error();
    // Every trusted key with the signature's key id is tried: a key id is 8 bytes anyone may
    // choose, so two trusted keys can share one, and the first alone would mis-verify.
    std::optional<Diagnostic> first_failure;
    for (const PublicKey& key : keys) {
        if (key.id != sig->key_id) continue;
        auto ok = verify_signature(*sig, key, data, data_name, sig_path);
        if (ok) return Verified{key, sig->trusted_comment};
        if (!first_failure) first_failure = ok.error();
    }
    if (first_failure) return *first_failure;
    std::string known;
    for (const auto& k : keys)
        known += (known.empty() ? "" : ", ") + key_id_hex(k.id);
    return failure({sig_path}, "signed by unknown key " + key_id_hex(sig->key_id),
                   "trusted keys: " + known);
}

Result<Verified> verify_file(const std::string& data_path, const std::vector<PublicKey>& keys) {
    const std::string sig_path = data_path + std::string(signature_suffix);
    FileBytes sig = read_regular_file(sig_path, max_signature_file_bytes);
    if (sig.problem == FileProblem::missing)
        return failure({data_path}, "unsigned: " + sig_path + " is missing");
    if (!sig.ok()) return failure({sig_path}, "cannot read the signature: " + sig.reason);
    FileBytes data = read_regular_file(data_path, max_toml_bytes);
    if (!data.ok()) return failure({data_path}, "cannot read: " + data.reason);
    return verify_with_keys(data.bytes, data_path, sig.bytes, sig_path, keys);
}

} // namespace affiche
