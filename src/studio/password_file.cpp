// Argon2id through crypto_pwhash_str: salt and parameters live in the stored string.
#include "studio/password_file.hpp"

#include "base/atomic_file.hpp"
#include "base/file_read.hpp"

#include <sodium.h>
#include <sys/stat.h>

namespace affiche {

namespace {
// 3 passes over 32 MiB: about 0.1 s here, and memory the studio can spare at login (at most
// one verification at a time: verify_mutex).
constexpr unsigned long long hash_passes = 3;
constexpr std::size_t hash_memory = std::size_t{32} << 20;
} // namespace

std::string password_path(const std::string& state_dir) {
    return state_dir + "/password";
}

Result<Done> set_password(const std::string& state_dir, const std::string& password) {
    if (sodium_init() < 0) return failure({}, "libsodium cannot start");
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(), hash_passes, hash_memory,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return failure({}, "not enough memory to hash the password");
    const mode_t old = ::umask(077);
    auto written = write_file_atomically(password_path(state_dir), std::string(hash) + "\n",
                                         Durability::power_cut);
    ::umask(old);
    if (!written) return written.error();
    return Done{};
}

bool check_password(const std::string& state_dir, const std::string& password) {
    FileBytes stored = read_regular_file(password_path(state_dir), 4096);
    if (!stored.ok()) return false;
    std::string hash = stored.bytes;
    while (!hash.empty() && (hash.back() == '\n' || hash.back() == '\r'))
        hash.pop_back();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

} // namespace affiche
