// Lowercase hexadecimal text of bytes: checksums, signatures' ids, Wi-Fi network names.
#pragma once

#include <string>
#include <string_view>

namespace affiche {

// Two lowercase hex digits per byte, in order ("\x00\xff" gives "00ff").
std::string to_hex(std::string_view bytes);

} // namespace affiche
