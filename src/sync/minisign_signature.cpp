// minisign signatures: "ED" (BLAKE2b-512 prehash) and legacy "Ed", plus the global signature.
#include "sync/minisign_signature.hpp"

#include "sync/minisign_text.hpp"
#include "sync/sha256.hpp"

#include <sodium.h>

#include <cstring>

namespace affiche {

namespace {

constexpr std::size_t signature_bytes = 2 + 8 + 64; // alg, key id, signature
constexpr std::size_t max_comment_bytes = 1024;     // minisign's COMMENTMAXBYTES

std::array<std::uint8_t, 64> blake2b_512(std::string_view data) {
    std::array<std::uint8_t, 64> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                       data.size(), nullptr, 0);
    return out;
}

// What the global signature covers: the file signature, then the trusted comment's text.
std::string global_message(const std::array<std::uint8_t, 64>& sig, std::string_view comment) {
    std::string m(reinterpret_cast<const char*>(sig.data()), sig.size());
    m.append(comment);
    return m;
}

Diagnostic malformed(const std::string& path, int line, std::string what) {
    return failure({path, line, 1}, "malformed signature: " + std::move(what),
                   "expected the four lines `minisign -Sm` writes");
}

} // namespace

Result<Signature> parse_signature(std::string_view text, const std::string& path) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        return failure({path}, "unsigned: the signature file is empty");
    auto lines = split_minisign_lines(text);
    if (lines.size() < 4) return malformed(path, static_cast<int>(lines.size()), "too few lines");
    if (!lines[0].text.starts_with(untrusted_prefix))
        return malformed(path, 1, "no 'untrusted comment:' line");
    auto blob = decode_base64(lines[1].text);
    if (!blob || blob->size() != signature_bytes)
        return malformed(path, 2, "line 2 is not base64 of a signature");
    Signature sig;
    if (blob->starts_with("ED"))
        sig.prehashed = true;
    else if (blob->starts_with("Ed"))
        sig.prehashed = false;
    else
        return malformed(path, 2, "unknown signature algorithm (not Ed25519)");
    std::memcpy(sig.key_id.data(), blob->data() + 2, 8);
    std::memcpy(sig.signature.data(), blob->data() + 10, 64);
    if (!lines[2].text.starts_with(trusted_prefix))
        return malformed(path, 3, "no 'trusted comment:' line");
    sig.untrusted_comment = lines[0].text.substr(untrusted_prefix.size());
    sig.trusted_comment = lines[2].text.substr(trusted_prefix.size());
    if (sig.trusted_comment.size() > max_comment_bytes)
        return malformed(path, 3, "the trusted comment is longer than 1024 bytes");
    auto global = decode_base64(lines[3].text);
    if (!global || global->size() != 64)
        return malformed(path, 4, "line 4 is not base64 of a global signature");
    std::memcpy(sig.global_signature.data(), global->data(), 64);
    return sig;
}

std::string sign_bytes(const SecretKey& key, std::string_view data,
                       std::string_view trusted_comment, std::string_view untrusted_comment) {
    sodium_ready();
    Signature sig;
    sig.key_id = key.id;
    const auto hash = blake2b_512(data);
    crypto_sign_detached(sig.signature.data(), nullptr, hash.data(), hash.size(), key.key.data());
    const std::string global = global_message(sig.signature, trusted_comment);
    crypto_sign_detached(sig.global_signature.data(), nullptr,
                         reinterpret_cast<const unsigned char*>(global.data()), global.size(),
                         key.key.data());
    std::string blob = "ED";
    blob.append(reinterpret_cast<const char*>(sig.key_id.data()), 8);
    blob.append(reinterpret_cast<const char*>(sig.signature.data()), 64);
    std::string out;
    out.append(untrusted_prefix).append(untrusted_comment).append("\n");
    out.append(encode_base64(blob)).append("\n");
    out.append(trusted_prefix).append(trusted_comment).append("\n");
    out.append(encode_base64({reinterpret_cast<const char*>(sig.global_signature.data()), 64}));
    out.append("\n");
    return out;
}

Result<Done> verify_signature(const Signature& sig, const PublicKey& key, std::string_view data,
                              const std::string& data_name, const std::string& sig_path) {
    if (!sodium_ready()) return failure({sig_path}, "libsodium cannot start");
    if (sig.key_id != key.id)
        return failure({sig_path}, "signed by key " + key_id_hex(sig.key_id) + ", not by key " +
                                       key_id_hex(key.id) + " (" + key.source + ")");
    int bad = 0;
    if (sig.prehashed) {
        const auto hash = blake2b_512(data);
        bad = crypto_sign_verify_detached(sig.signature.data(), hash.data(), hash.size(),
                                          key.key.data());
    } else {
        bad = crypto_sign_verify_detached(sig.signature.data(),
                                          reinterpret_cast<const unsigned char*>(data.data()),
                                          data.size(), key.key.data());
    }
    if (bad != 0)
        return failure({sig_path},
                       data_name + " does not match its signature by key " + key_id_hex(key.id),
                       "it was changed after signing, or the key file " + key.source +
                           " is not the key that signed it");
    const std::string global = global_message(sig.signature, sig.trusted_comment);
    if (crypto_sign_verify_detached(sig.global_signature.data(),
                                    reinterpret_cast<const unsigned char*>(global.data()),
                                    global.size(), key.key.data()) != 0)
        return failure({sig_path, 3, 1}, "the trusted comment was changed after signing");
    return Done{};
}

} // namespace affiche
