// The editors' password, stored as an Argon2id hash (libsodium) in STATE_DIR/password.
#pragma once

#include "base/result.hpp"

#include <string>

namespace affiche {

// STATE_DIR/password.
std::string password_path(const std::string& state_dir);

// Hashes password and writes the hash (mode 0600, atomically). The password itself is never
// stored.
Result<Done> set_password(const std::string& state_dir, const std::string& password);

// True when password matches the stored hash; false when it does not or none is stored.
bool check_password(const std::string& state_dir, const std::string& password);

} // namespace affiche
