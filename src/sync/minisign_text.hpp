// Line splitting and base64 shared by the minisign key and signature readers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

inline constexpr std::string_view untrusted_prefix = "untrusted comment: ";
inline constexpr std::string_view trusted_prefix = "trusted comment: ";

struct MinisignLine {
    std::string_view text; // without "\n" or "\r\n"
    int number = 0;        // 1-based
};

// The lines of text; a final line without "\n" counts, an empty last line does not.
std::vector<MinisignLine> split_minisign_lines(std::string_view text);

// Standard base64 (with padding); nullopt when not valid base64.
std::optional<std::string> decode_base64(std::string_view text);
std::string encode_base64(std::string_view bytes);

} // namespace affiche
