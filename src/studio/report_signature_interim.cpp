// INTERIM (see the header): fingerprints and Ed25519 checks of screen reports with libsodium.
#include "studio/report_signature_interim.hpp"

#include "sync/minisign_text.hpp"

#include <sodium.h>

namespace affiche {

std::string report_fingerprint(std::string_view public_key) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(public_key.data()),
                       public_key.size());
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 8; ++i) {
        if (i > 0 && i % 2 == 0) out += '-';
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

bool verify_report_signature(std::string_view body, std::string_view signature_base64,
                             std::string_view public_key) {
    const auto signature = decode_base64(signature_base64);
    if (!signature || signature->size() != crypto_sign_BYTES ||
        public_key.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char*>(signature->data()),
               reinterpret_cast<const unsigned char*>(body.data()), body.size(),
               reinterpret_cast<const unsigned char*>(public_key.data())) == 0;
}

} // namespace affiche
