// UTF-8 decoding and encoding for the text layout: invalid input becomes U+FFFD, never a crash.
#include "base/utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace affiche {
namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Length of the sequence that lead starts, or 0 when lead cannot start one (a continuation
// byte, 0xC0/0xC1 which only make overlong forms, or 0xF5..0xFF which are above U+10FFFF).
std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

// Valid range of the second byte, which rules out overlong forms, surrogates and values above
// U+10FFFF (Unicode table 3-7, "well-formed UTF-8 byte sequences").
bool second_byte_ok(unsigned char lead, unsigned char second) {
    switch (lead) {
    case 0xE0:
        return second >= 0xA0 && second <= 0xBF;
    case 0xED:
        return second >= 0x80 && second <= 0x9F;
    case 0xF0:
        return second >= 0x90 && second <= 0xBF;
    case 0xF4:
        return second >= 0x80 && second <= 0x8F;
    default:
        return is_continuation(second);
    }
}

// Length of the valid UTF-8 sequence starting at bytes[i], or 0 when it is invalid (bad lead
// byte, truncated, overlong, surrogate or beyond U+10FFFF).
std::size_t valid_sequence_length(std::string_view bytes, std::size_t i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const std::size_t length = sequence_length(lead);
    if (length <= 1) return length;
    if (i + length > bytes.size()) return 0;
    if (!second_byte_ok(lead, static_cast<unsigned char>(bytes[i + 1]))) return 0;
    for (std::size_t k = 2; k < length; ++k)
        if (!is_continuation(static_cast<unsigned char>(bytes[i + k]))) return 0;
    return length;
}

void append_escaped(std::string& out, unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "\\x%02X", byte);
    out += text;
}

} // namespace

std::u32string decode_utf8(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        const std::size_t length = sequence_length(lead);
        if (length == 1) {
            out.push_back(lead);
            ++i;
            continue;
        }
        if (length == 0) {
            out.push_back(replacement_character);
            ++i;
            continue;
        }
        char32_t cp = lead & (0xFF >> (length + 1));
        std::size_t used = 1;
        while (used < length && i + used < utf8.size()) {
            const auto byte = static_cast<unsigned char>(utf8[i + used]);
            const bool ok = used == 1 ? second_byte_ok(lead, byte) : is_continuation(byte);
            if (!ok) break;
            cp = (cp << 6) | (byte & 0x3F);
            ++used;
        }
        // A truncated sequence consumes its valid prefix and gives one replacement character.
        out.push_back(used == length ? cp : replacement_character);
        i += used;
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = replacement_character;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char32_t cp : text)
        append_utf8(out, cp);
    return out;
}

std::optional<BadByte> find_invalid_utf8(std::string_view bytes) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = valid_sequence_length(bytes, i);
        if (length == 0) return BadByte{line, column, static_cast<unsigned char>(bytes[i])};
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return std::nullopt;
}

std::string printable(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
        if (chars == max_chars) return out + "...";
        const std::size_t length = valid_sequence_length(text, i);
        const auto byte = static_cast<unsigned char>(text[i]);
        // C0 controls, DEL and C1 controls (U+0080..U+009F, lead byte 0xC2) would garble a log.
        const bool control =
            byte < 0x20 || byte == 0x7F ||
            (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0);
        if (length == 0 || control) {
            for (std::size_t k = 0; k < std::max<std::size_t>(length, 1); ++k)
                append_escaped(out, static_cast<unsigned char>(text[i + k]));
            i += std::max<std::size_t>(length, 1);
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string quoted_name(std::string_view text) {
    // Appended, not "'" + ... + "'": GCC 12 at -O3 warns falsely (-Wrestrict) on that form.
    std::string out(1, '\'');
    out += printable(text);
    out += '\'';
    return out;
}

} // namespace affiche
