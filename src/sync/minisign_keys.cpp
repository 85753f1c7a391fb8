// minisign's key formats, byte for byte, so keys made by `minisign -G` work here and back.
#include "sync/minisign_keys.hpp"

#include "base/file_read.hpp"
#include "sync/minisign_text.hpp"
#include "sync/sha256.hpp"

#include <sodium.h>

#include <cstring>

namespace affiche {

namespace {

constexpr std::size_t public_key_bytes = 2 + 8 + 32; // "Ed", key id, Ed25519 key
// "Ed", kdf "Sc" or 0 0, checksum "B2", salt 32, opslimit 8, memlimit 8, key id 8, key 64, chk 32
constexpr std::size_t secret_key_bytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;
constexpr std::size_t encrypted_offset = 2 + 2 + 2 + 32 + 8 + 8; // key id, key, chk follow
constexpr std::size_t encrypted_bytes = 8 + 64 + 32;
// scrypt parameters a sane key file holds (minisign writes 2^25 ops, 1 GiB): bounds for a
// damaged file, so it cannot ask for terabytes.
constexpr std::uint64_t max_scrypt_memlimit = std::uint64_t{4} << 30;
constexpr std::uint64_t max_scrypt_opslimit = std::uint64_t{1} << 32;

std::uint64_t load_le64(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 7; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// BLAKE2b-256 over "Ed" || key id || secret key: minisign's check that a key decrypted well.
void key_checksum(const unsigned char* alg, const unsigned char* id, const unsigned char* key,
                  unsigned char out[32]) {
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, 32);
    crypto_generichash_update(&st, alg, 2);
    crypto_generichash_update(&st, id, 8);
    crypto_generichash_update(&st, key, 64);
    crypto_generichash_final(&st, out, 32);
}

Result<std::string> secret_key_blob(const std::string& path) {
    FileBytes file = read_regular_file(path, 64 * 1024);
    if (!file.ok()) return failure({path}, "cannot read the secret key: " + file.reason);
    auto lines = split_minisign_lines(file.bytes);
    if (lines.size() < 2 || !lines[0].text.starts_with(untrusted_prefix))
        return failure({path, 1, 1}, "not a minisign secret key",
                       "expected an 'untrusted comment:' line then the key; make one with "
                       "`minisign -G`");
    auto blob = decode_base64(lines[1].text);
    if (!blob || blob->size() != secret_key_bytes || !blob->starts_with("Ed"))
        return failure({path, 2, 1}, "not a minisign secret key: line 2 is not a key in base64",
                       "make one with `minisign -G`");
    return std::move(*blob);
}

Result<Done> decrypt_in_place(unsigned char* blob, const std::string& password,
                              const std::string& path) {
    const std::uint64_t ops = load_le64(blob + 38);
    const std::uint64_t mem = load_le64(blob + 46);
    if (ops > max_scrypt_opslimit || mem > max_scrypt_memlimit)
        return failure({path, 2, 1}, "the secret key asks for implausible scrypt limits",
                       "the file is damaged; use a copy");
    unsigned char stream[encrypted_bytes];
    if (crypto_pwhash_scryptsalsa208sha256(stream, sizeof stream, password.data(), password.size(),
                                           blob + 6, ops, static_cast<std::size_t>(mem)) != 0)
        return failure({path}, "cannot derive the key from the password (out of memory?)");
    for (std::size_t i = 0; i < encrypted_bytes; ++i)
        blob[encrypted_offset + i] ^= stream[i];
    sodium_memzero(stream, sizeof stream);
    return Done{};
}

} // namespace

std::string key_id_hex(const KeyId& id) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (int i = 7; i >= 0; --i) { // minisign prints the little-endian number
        out += digits[id[static_cast<std::size_t>(i)] >> 4];
        out += digits[id[static_cast<std::size_t>(i)] & 0xF];
    }
    // minisign prints it with PRIX64: no leading zeros.
    const std::size_t first = out.find_first_not_of('0');
    return first == std::string::npos ? "0" : out.substr(first);
}

Result<PublicKey> parse_public_key(std::string_view text, const std::string& path) {
    auto lines = split_minisign_lines(text);
    std::size_t at = 0;
    if (!lines.empty() && lines[0].text.starts_with(untrusted_prefix)) at = 1;
    if (at >= lines.size())
        return failure({path, 1, 1}, "not a minisign public key: no key line",
                       "expected a line starting with RW, as `minisign -G` writes");
    const MinisignLine& line = lines[at];
    auto blob = decode_base64(line.text);
    if (!blob || blob->size() != public_key_bytes || !blob->starts_with("Ed"))
        return failure({path, line.number, 1},
                       "not a minisign public key: expected base64 of an Ed25519 key ('RW...')");
    PublicKey key;
    std::memcpy(key.id.data(), blob->data() + 2, 8);
    std::memcpy(key.key.data(), blob->data() + 10, 32);
    key.source = path;
    return key;
}

Result<PublicKey> read_public_key(const std::string& path) {
    FileBytes file = read_regular_file(path, 64 * 1024);
    if (!file.ok()) return failure({path}, "cannot read the public key: " + file.reason);
    return parse_public_key(file.bytes, path);
}

Result<bool> secret_key_is_encrypted(const std::string& path) {
    auto blob = secret_key_blob(path);
    if (!blob) return blob.error();
    return blob->compare(2, 2, "Sc") == 0;
}

Result<SecretKey> read_secret_key(const std::string& path,
                                  const std::optional<std::string>& password) {
    if (!sodium_ready()) return failure({path}, "libsodium cannot start");
    auto text = secret_key_blob(path);
    if (!text) return text.error();
    auto* blob = reinterpret_cast<unsigned char*>(text->data());
    const bool encrypted = std::memcmp(blob + 2, "Sc", 2) == 0;
    if (!encrypted && (blob[2] != 0 || blob[3] != 0))
        return failure({path, 2, 1}, "the secret key uses an unknown key derivation");
    if (std::memcmp(blob + 4, "B2", 2) != 0)
        return failure({path, 2, 1}, "the secret key uses an unknown checksum");
    if (encrypted) {
        if (!password)
            return failure({path}, "the secret key is encrypted: a password is needed",
                           "set AFFICHE_SYNC_KEY_PASSWORD");
        if (auto d = decrypt_in_place(blob, *password, path); !d) return d.error();
    }
    unsigned char* id = blob + encrypted_offset;
    // minisign 0.11 leaves the checksum zero in keys made with -W: then the seed must give the
    // public half stored after it, which also catches damage.
    static constexpr unsigned char zero[32] = {};
    unsigned char chk[32];
    key_checksum(blob, id, id + 8, chk);
    bool good = (!encrypted && sodium_memcmp(zero, id + 72, 32) == 0) ||
                sodium_memcmp(chk, id + 72, 32) == 0;
    unsigned char pk[32], sk[64];
    good = good && crypto_sign_seed_keypair(pk, sk, id + 8) == 0 &&
           sodium_memcmp(pk, id + 8 + 32, 32) == 0;
    sodium_memzero(sk, sizeof sk);
    SecretKey key;
    std::memcpy(key.id.data(), id, 8);
    std::memcpy(key.key.data(), id + 8, 64);
    sodium_memzero(text->data(), text->size());
    if (!good)
        return failure({path}, encrypted ? "wrong password for the secret key"
                                         : "the secret key is damaged (its checksum differs)");
    return key;
}

PublicKey public_key_of(const SecretKey& secret) {
    PublicKey key;
    key.id = secret.id;
    crypto_sign_ed25519_sk_to_pk(key.key.data(), secret.key.data());
    return key;
}

std::string format_public_key(const PublicKey& key) {
    std::string blob = "Ed";
    blob.append(reinterpret_cast<const char*>(key.id.data()), 8);
    blob.append(reinterpret_cast<const char*>(key.key.data()), 32);
    return "untrusted comment: minisign public key " + key_id_hex(key.id) + "\n" +
           encode_base64(blob) + "\n";
}

} // namespace affiche
