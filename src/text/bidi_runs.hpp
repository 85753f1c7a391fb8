// Bidi for the text layout (GNU FriBidi): base direction, embedding levels, font roles per
// character, runs of one level and one font, and their visual order (UAX #9 rule L2).
#pragma once

#include "text/font_spec.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace affiche {

// True when the code point is in an Arabic-script block (the Arabic font is needed).
bool is_arabic_code_point(char32_t cp);

// True when the first strong character is right-to-left (rule P2); no strong character -> false.
bool first_strong_is_rtl(std::u32string_view text);

// Embedding levels of one bidi paragraph (text holds no paragraph separator) with the base
// direction forced to rtl, one level per code point. Even levels run left to right.
std::vector<std::uint8_t> embedding_levels(std::u32string_view text, bool rtl);

// True for a code point that never starts a character of its own (non-spacing marks such as
// accents and Arabic vowel signs, and what follows a zero width joiner is checked by the caller).
bool is_combining_mark(char32_t cp);

// Font role per code point: Arabic script -> FontRole::arabic, other letters -> base. Neutral
// characters (spaces, digits, punctuation the Arabic font has, combining marks) take the role
// of a letter in the same level run, preferring the one before them, else the nearest letter in
// the text, else base; so they join their neighbours' run instead of starting a new one. Other
// punctuation (? ( ) % ...), missing from the Arabic font, uses base.
std::vector<FontRole> font_roles(std::u32string_view text, const std::vector<std::uint8_t>& levels,
                                 FontRole base);

// A run of code points [begin, end) with one embedding level and one font role.
struct LogicalRun {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint8_t level = 0;
    FontRole role = FontRole::regular;
    bool rtl() const { return level % 2 == 1; }
};

// Splits [begin, end) into maximal runs of equal level and role, in logical order.
std::vector<LogicalRun> split_runs(const std::vector<std::uint8_t>& levels,
                                   const std::vector<FontRole>& roles, std::size_t begin,
                                   std::size_t end);

// Puts runs of one line (given in logical order) into visual order, left to right: from the
// highest level down to the lowest odd level, reverse every maximal sequence of runs at that
// level or higher (rule L2). Text inside a run stays in logical order.
void reorder_visually(std::vector<LogicalRun>& runs);

} // namespace affiche
