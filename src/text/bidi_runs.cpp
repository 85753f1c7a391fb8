// Bidi for the text layout (GNU FriBidi): base direction, embedding levels, font roles per
// character, runs of one level and one font, and their visual order (UAX #9 rule L2).
#include "text/bidi_runs.hpp"

#include "text/text_layout.hpp"

#include <algorithm>
#include <fribidi.h>
#include <limits>
#include <optional>

namespace affiche {
namespace {

std::vector<FriBidiChar> to_fribidi(std::u32string_view text) {
    return {text.begin(), text.end()};
}

std::vector<FriBidiCharType> bidi_types(const std::vector<FriBidiChar>& chars) {
    std::vector<FriBidiCharType> types(chars.size());
    fribidi_get_bidi_types(chars.data(), static_cast<FriBidiStrIndex>(chars.size()), types.data());
    return types;
}

// FriBidi indexes with int; slide text is far shorter, but never overflow on absurd input.
constexpr auto max_fribidi_length =
    static_cast<std::size_t>(std::numeric_limits<FriBidiStrIndex>::max());

// Neutral characters outside the Arabic blocks that the bundled Arabic font (Noto Sans Arabic)
// has glyphs for: space, no-break space, ! , - . : digits « » and the zero-width characters.
// SDL_ttf has no font fallback, so other punctuation (? ( ) % ...) must use the base font.
bool arabic_font_has(char32_t cp) {
    return cp == U' ' || cp == 0xA0 || cp == U'!' || (cp >= U',' && cp <= U'.') ||
           (cp >= U'0' && cp <= U':') || cp == U'«' || cp == U'»' || (cp >= 0x200B && cp <= 0x2011);
}

// The role a code point imposes by itself, or none for a character that joins its neighbours
// (spaces, digits and common punctuation, and combining marks, which stay with their base).
std::optional<FontRole> own_role(char32_t cp, FontRole base) {
    if (is_arabic_code_point(cp))
        return base == FontRole::bold ? FontRole::arabic_bold : FontRole::arabic;
    if (is_combining_mark(cp) || arabic_font_has(cp)) return std::nullopt;
    return base;
}

// For each i, the nearest own role in the whole text, looking backwards from i first (before i,
// else at or after i, else base). Computed in two passes so that it stays linear in the text.
std::vector<FontRole> nearest_roles(const std::vector<std::optional<FontRole>>& own,
                                    FontRole base) {
    std::vector<FontRole> nearest(own.size(), base);
    std::optional<FontRole> after;
    for (std::size_t i = own.size(); i-- > 0;) {
        if (own[i]) after = own[i];
        nearest[i] = after.value_or(base);
    }
    std::optional<FontRole> before;
    for (std::size_t i = 0; i < own.size(); ++i) {
        if (before) nearest[i] = *before;
        if (own[i]) before = own[i];
    }
    return nearest;
}

// Resolves the neutral characters of one level run [begin, end).
void resolve_level_run(const std::vector<std::optional<FontRole>>& own,
                       const std::vector<FontRole>& nearest, std::size_t begin, std::size_t end,
                       std::vector<FontRole>& roles) {
    std::optional<FontRole> current;
    for (std::size_t i = begin; i < end && !current; ++i)
        current = own[i];
    if (!current) current = nearest[begin];
    for (std::size_t i = begin; i < end; ++i) {
        if (own[i]) current = own[i];
        roles[i] = *current;
    }
}

} // namespace

bool is_arabic_code_point(char32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

bool first_strong_is_rtl(std::u32string_view text) {
    text = text.substr(0, max_fribidi_length);
    const auto chars = to_fribidi(text);
    const auto types = bidi_types(chars);
    const FriBidiParType dir =
        fribidi_get_par_direction(types.data(), static_cast<FriBidiStrIndex>(types.size()));
    return dir == FRIBIDI_PAR_RTL;
}

std::vector<std::uint8_t> embedding_levels(std::u32string_view text, bool rtl) {
    const std::uint8_t base_level = rtl ? 1 : 0;
    std::vector<std::uint8_t> levels(text.size(), base_level);
    if (text.empty() || text.size() > max_fribidi_length) return levels;
    const auto chars = to_fribidi(text);
    const auto types = bidi_types(chars);
    std::vector<FriBidiBracketType> brackets(chars.size());
    const auto length = static_cast<FriBidiStrIndex>(chars.size());
    fribidi_get_bracket_types(chars.data(), length, types.data(), brackets.data());
    FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    std::vector<FriBidiLevel> fribidi_levels(chars.size());
    const FriBidiLevel max_level = fribidi_get_par_embedding_levels_ex(
        types.data(), brackets.data(), length, &dir, fribidi_levels.data());
    if (max_level == 0) return levels; // allocation failure inside FriBidi: keep the base level
    for (std::size_t i = 0; i < levels.size(); ++i)
        levels[i] = static_cast<std::uint8_t>(std::max<FriBidiLevel>(fribidi_levels[i], 0));
    return levels;
}

bool is_combining_mark(char32_t cp) {
    return cp == 0x200D || fribidi_get_bidi_type(cp) == FRIBIDI_TYPE_NSM;
}

std::vector<FontRole> font_roles(std::u32string_view text, const std::vector<std::uint8_t>& levels,
                                 FontRole base) {
    std::vector<std::optional<FontRole>> own(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        own[i] = own_role(text[i], base);
    const std::vector<FontRole> nearest = nearest_roles(own, base);
    std::vector<FontRole> roles(text.size(), base);
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = begin + 1;
        while (end < text.size() && levels[end] == levels[begin])
            ++end;
        resolve_level_run(own, nearest, begin, end, roles);
        begin = end;
    }
    return roles;
}

std::vector<LogicalRun> split_runs(const std::vector<std::uint8_t>& levels,
                                   const std::vector<FontRole>& roles, std::size_t begin,
                                   std::size_t end) {
    std::vector<LogicalRun> runs;
    for (std::size_t i = begin; i < end; ++i) {
        if (runs.empty() || runs.back().level != levels[i] || runs.back().role != roles[i])
            runs.push_back({i, i + 1, levels[i], roles[i]});
        else
            runs.back().end = i + 1;
    }
    return runs;
}

void reorder_visually(std::vector<LogicalRun>& runs) {
    if (runs.empty()) return;
    std::uint8_t highest = 0;
    std::uint8_t lowest_odd = std::numeric_limits<std::uint8_t>::max();
    for (const auto& run : runs) {
        highest = std::max(highest, run.level);
        if (run.rtl()) lowest_odd = std::min(lowest_odd, run.level);
    }
    for (unsigned level = highest; level >= lowest_odd && level > 0; --level) {
        auto it = runs.begin();
        while (it != runs.end()) {
            if (it->level < level) {
                ++it;
                continue;
            }
            auto last =
                std::find_if(it, runs.end(), [&](const LogicalRun& r) { return r.level < level; });
            std::reverse(it, last);
            it = last;
        }
    }
}

} // namespace affiche
