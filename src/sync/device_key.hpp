// The screen's own Ed25519 key (state folder, device.key), made on first use, signs its reports.
#pragma once

#include "base/result.hpp"

#include <string>

namespace affiche {

// The file's name inside the sync's state folder.
inline constexpr const char* device_key_file_name = "device.key";

struct DeviceKey {
    std::string public_key; // 32 raw bytes
    std::string secret_key; // 64 raw bytes (libsodium: seed then public key)
    bool created = false;   // made by this call
};

// The file's text: one line, standard base64 of the 64-byte libsodium secret key, then "\n".
std::string format_device_key(const std::string& secret_key);

// Reads state_dir/device.key (O_NOFOLLOW, regular file, small), or when it does not exist makes a
// new key pair and writes it there atomically and durably with mode 0600. Returns the key, or
// the Diagnostic at the file's path that says why not: a link, a folder, no permission, text
// that is not base64 of 64 bytes, or a secret key whose public half does not match its seed. A
// bad file is never replaced: the key the studio approved is the only one it accepts.
Result<DeviceKey> load_or_create_device_key(const std::string& state_dir);

} // namespace affiche
