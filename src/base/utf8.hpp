// UTF-8 decoding and encoding for the text layout: invalid input becomes U+FFFD, never a crash.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

inline constexpr char32_t replacement_character = 0xFFFD;

// Decodes utf8 into code points. Each maximal invalid subsequence (stray continuation byte,
// truncated sequence, overlong form, surrogate, value above U+10FFFF) becomes one U+FFFD.
std::u32string decode_utf8(std::string_view utf8);

// Appends cp as UTF-8; a surrogate or a value above U+10FFFF is written as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

std::string encode_utf8(std::u32string_view text);

// Where the first byte that is not valid UTF-8 sits: 1-based line and column, the column
// counting characters like toml++ does.
struct BadByte {
    int line = 0;
    int column = 0;
    unsigned char byte = 0;
};
std::optional<BadByte> find_invalid_utf8(std::string_view bytes);

// Characters of a name echoed in a message before it is cut with "...".
inline constexpr std::size_t max_printed_chars = 120;

// text made safe to print in one line of a message: invalid UTF-8 bytes and control characters
// become \xFF escapes, and past max_chars characters the rest becomes "...".
std::string printable(std::string_view text, std::size_t max_chars = max_printed_chars);

// printable(text) between single quotes: how messages name a file, key or value ("'x.png'").
std::string quoted_name(std::string_view text);

} // namespace affiche
