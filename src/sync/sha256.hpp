// SHA-256 of bytes and files through libsodium, for the manifest's archive checksum.
#pragma once

#include "base/result.hpp"

#include <string>
#include <string_view>

namespace affiche {

// Initialises libsodium once (thread-safe); false when it cannot start (no entropy source).
bool sodium_ready();

// 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// The file's SHA-256 (64 lowercase hex digits), read in 64 KiB blocks; a regular file only,
// never through a symbolic link (O_NOFOLLOW).
Result<std::string> sha256_file(const std::string& path);

} // namespace affiche
