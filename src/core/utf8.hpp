// UTF-8 decoding and encoding for the text layout: invalid input becomes U+FFFD, never a crash.
#pragma once

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

} // namespace affiche
