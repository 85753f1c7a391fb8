// SHA-256 through libsodium, streamed from files so an archive is never held in memory.
#include "sync/sha256.hpp"

#include "base/file_read.hpp"
#include "base/hex.hpp"

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace affiche {

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0; // thread-safe static; sodium_init is idempotent
    return ready;
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    return to_hex({reinterpret_cast<const char*>(digest), sizeof digest});
}

Result<std::string> sha256_file(const std::string& path) {
    // Archives may be large; any regular file size is accepted here (the caller bounds it). No
    // link is followed: what is hashed is the file the sync itself wrote at that name.
    OpenedFile file = open_regular_file(path, UINT64_MAX, Links::refuse);
    if (!file.ok()) return failure({path}, "cannot read: " + file.reason);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    unsigned char block[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(file.fd.get(), block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return failure({path}, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;
        crypto_hash_sha256_update(&state, block, static_cast<unsigned long long>(n));
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return to_hex({reinterpret_cast<const char*>(digest), sizeof digest});
}

} // namespace affiche
