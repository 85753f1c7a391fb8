// Screen reports' signing format: Ed25519 detached signatures and fingerprints through libsodium.
#include "sync/report_signing.hpp"

#include "base/hex.hpp"
#include "sync/minisign_text.hpp"
#include "sync/sha256.hpp"

#include <sodium.h>

static_assert(affiche::report_public_key_size == crypto_sign_PUBLICKEYBYTES);
static_assert(affiche::report_secret_key_size == crypto_sign_SECRETKEYBYTES);

namespace affiche {

namespace {

const unsigned char* bytes_of(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

} // namespace

std::string report_fingerprint(std::string_view public_key) {
    if (public_key.size() != report_public_key_size || !sodium_ready()) return {};
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, bytes_of(public_key), public_key.size());
    const std::string hex = to_hex(std::string_view(reinterpret_cast<const char*>(digest), 8));
    return hex.substr(0, 4) + "-" + hex.substr(4, 4) + "-" + hex.substr(8, 4) + "-" +
           hex.substr(12, 4);
}

std::optional<std::string> decode_report_key(std::string_view key_b64) {
    auto raw = decode_base64(key_b64);
    if (!raw || raw->size() != report_public_key_size) return std::nullopt;
    return raw;
}

std::string sign_report(std::string_view body, std::string_view secret_key) {
    if (secret_key.size() != report_secret_key_size || !sodium_ready()) return {};
    std::string sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char*>(sig.data()), nullptr, bytes_of(body),
                         body.size(), bytes_of(secret_key));
    return encode_base64(sig);
}

bool verify_report_signature(std::string_view body, std::string_view signature_b64,
                             std::string_view public_key) {
    if (public_key.size() != report_public_key_size || !sodium_ready()) return false;
    const auto sig = decode_base64(signature_b64);
    if (!sig || sig->size() != crypto_sign_BYTES) return false;
    return crypto_sign_verify_detached(bytes_of(*sig), bytes_of(body), body.size(),
                                       bytes_of(public_key)) == 0;
}

} // namespace affiche
