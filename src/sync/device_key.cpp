// Reading, checking and making the screen's device key with libsodium.
#include "sync/device_key.hpp"

#include "base/atomic_file.hpp"
#include "sync/minisign_text.hpp"
#include "sync/own_file.hpp"
#include "sync/report_signing.hpp"
#include "sync/sha256.hpp"

#include <sodium.h>

#include <filesystem>

namespace affiche {

namespace {

constexpr std::uint64_t max_key_file_bytes = 1024;

unsigned char* bytes_of(std::string& s) {
    return reinterpret_cast<unsigned char*>(s.data());
}

// Checks a secret key: its public half is the one its seed gives.
Result<DeviceKey> key_of(const std::string& text, const std::string& path) {
    std::string line = text;
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || line.back() == ' '))
        line.pop_back();
    auto secret = decode_base64(line);
    if (!secret || secret->size() != report_secret_key_size) {
        return failure({path, 1, 1},
                       "not a device key: expected base64 of a 64-byte Ed25519 "
                       "secret key",
                       "move it away to make a new key; the studio must then approve it again");
    }
    DeviceKey key;
    key.public_key.assign(report_public_key_size, '\0');
    std::string again(report_secret_key_size, '\0');
    crypto_sign_seed_keypair(bytes_of(key.public_key), bytes_of(again), bytes_of(*secret));
    if (sodium_memcmp(again.data(), secret->data(), again.size()) != 0) {
        sodium_memzero(again.data(), again.size());
        return failure({path, 1, 1}, "not a device key: its public half does not match its seed",
                       "move it away to make a new key; the studio must then approve it again");
    }
    sodium_memzero(again.data(), again.size());
    key.secret_key = std::move(*secret);
    return key;
}

} // namespace

std::string format_device_key(const std::string& secret_key) {
    return encode_base64(secret_key) + "\n";
}

Result<DeviceKey> load_or_create_device_key(const std::string& state_dir) {
    const std::string path = state_dir + "/" + device_key_file_name;
    if (!sodium_ready()) return failure({path, 0, 0}, "libsodium cannot start");
    auto text = read_own_file(path, max_key_file_bytes, "cannot read the device key");
    if (!text) return text.error();
    if (*text) {
        auto key = key_of(**text, path);
        sodium_memzero((*text)->data(), (*text)->size());
        return key;
    }
    std::error_code ec;
    std::filesystem::create_directories(state_dir, ec);
    DeviceKey key;
    key.public_key.assign(report_public_key_size, '\0');
    key.secret_key.assign(report_secret_key_size, '\0');
    crypto_sign_keypair(bytes_of(key.public_key), bytes_of(key.secret_key));
    std::string file = format_device_key(key.secret_key);
    auto written = write_file_atomically(path, file, Durability::power_cut, 0600);
    sodium_memzero(file.data(), file.size());
    if (!written) {
        const Diagnostic& d = written.error();
        return failure({path, 0, 0}, "cannot write the device key: " + d.message, d.hint);
    }
    key.created = true;
    return key;
}

} // namespace affiche
