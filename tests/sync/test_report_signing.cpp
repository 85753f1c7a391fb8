// Tests of the screen reports' signing format: detached Ed25519 over the exact body, fingerprints.
#include "sync/report_signing.hpp"

#include "sync/minisign_text.hpp"
#include "sync/sha256.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <string>

using namespace affiche;

namespace {

struct KeyPair {
    std::string public_key = std::string(crypto_sign_PUBLICKEYBYTES, '\0');
    std::string secret_key = std::string(crypto_sign_SECRETKEYBYTES, '\0');
    KeyPair() {
        REQUIRE(sodium_ready());
        crypto_sign_keypair(reinterpret_cast<unsigned char*>(public_key.data()),
                            reinterpret_cast<unsigned char*>(secret_key.data()));
    }
};

} // namespace

TEST_CASE("a report signature is libsodium's detached signature over the exact body") {
    const KeyPair k;
    const std::string body = R"({"name":"salle-2","counter":1})";
    const std::string sig_b64 = sign_report(body, k.secret_key);
    const auto sig = decode_base64(sig_b64);
    REQUIRE(sig);
    REQUIRE(sig->size() == crypto_sign_BYTES);
    CHECK(sig_b64.size() == 88); // standard padded base64 of 64 bytes
    CHECK(sig_b64.ends_with("=="));
    CHECK(crypto_sign_verify_detached(
              reinterpret_cast<const unsigned char*>(sig->data()),
              reinterpret_cast<const unsigned char*>(body.data()), body.size(),
              reinterpret_cast<const unsigned char*>(k.public_key.data())) == 0);
    CHECK(verify_report_signature(body, sig_b64, k.public_key));
}

TEST_CASE("a report signature is refused for another body, another key or malformed input") {
    const KeyPair k;
    const KeyPair other;
    const std::string body = R"({"counter":1})";
    const std::string sig = sign_report(body, k.secret_key);
    CHECK_FALSE(verify_report_signature(R"({"counter":2})", sig, k.public_key));
    CHECK_FALSE(verify_report_signature(body + " ", sig, k.public_key));
    CHECK_FALSE(verify_report_signature(body, sig, other.public_key));
    CHECK_FALSE(verify_report_signature(body, "not base64!", k.public_key));
    CHECK_FALSE(verify_report_signature(body, encode_base64("short"), k.public_key));
    CHECK_FALSE(verify_report_signature(body, sig, k.public_key.substr(0, 31)));
    CHECK(sign_report(body, "too short").empty());
}

TEST_CASE("a fingerprint is the first 8 bytes of SHA-256 of the raw key in four groups") {
    const std::string key(32, '\0');
    // SHA-256 of 32 zero bytes starts 66687aadf862bd77...
    CHECK(sha256_hex(key).starts_with("66687aadf862bd77"));
    CHECK(report_fingerprint(key) == "6668-7aad-f862-bd77");
    const KeyPair k;
    const std::string fp = report_fingerprint(k.public_key);
    REQUIRE(fp.size() == 19);
    for (std::size_t i = 0; i < fp.size(); ++i) {
        if (i % 5 == 4)
            CHECK(fp[i] == '-');
        else
            CHECK(((fp[i] >= '0' && fp[i] <= '9') || (fp[i] >= 'a' && fp[i] <= 'f')));
    }
    CHECK(report_fingerprint("short").empty());
}

TEST_CASE("a report's key field decodes to exactly 32 bytes") {
    const KeyPair k;
    CHECK(decode_report_key(encode_base64(k.public_key)) == k.public_key);
    CHECK_FALSE(decode_report_key(encode_base64(std::string(31, 'x'))));
    CHECK_FALSE(decode_report_key("@@@"));
}
