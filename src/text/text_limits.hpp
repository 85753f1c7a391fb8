// Length caps on a slide's text fields: far above any real slide, low enough that no slide costs
// more than a moment to lay out, whatever a file holds (docs/slide-format.md, "Limits").
#pragma once

#include "base/i18n.hpp"
#include "base/utf8.hpp"
#include "text/bidi_runs.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// Characters (Unicode code points: a separately typed accent counts as one) per field.
inline constexpr std::size_t max_title_chars = 300;
inline constexpr std::size_t max_subtitle_chars = 300;
inline constexpr std::size_t max_body_chars = 5000;
inline constexpr std::size_t max_bullet_chars = 300;
inline constexpr std::size_t max_bullets = 20;
inline constexpr std::size_t max_footer_chars = 300;
// Combining marks (accents, Arabic vowel signs) on one character: Unicode's "stream-safe"
// limit (UAX #15); real text has at most a few, thousands make text shaping crawl.
inline constexpr std::size_t max_combining_marks = 30;

struct TextLimitProblem {
    std::string message;
    std::string hint;
};

// Why utf8 breaks its cap, or nullopt when it does not. what names the text in the message
// ("'title'", "item 3 of 'bullets'").
inline std::optional<TextLimitProblem>
text_limit_problem(std::string_view utf8, std::string_view what, std::size_t max_chars) {
    const std::u32string text = decode_utf8(utf8);
    const std::string name(what);
    if (text.size() > max_chars) {
        return TextLimitProblem{trf("{1} is {2} characters long, over the limit of {3}",
                                    {name, std::to_string(text.size()), std::to_string(max_chars)}),
                                tr("a slide is read from 4 m away: shorten it or split it into "
                                   "several slides")};
    }
    std::size_t marks = 0;
    for (const char32_t cp : text) {
        marks = is_combining_mark(cp) ? marks + 1 : 0;
        if (marks > max_combining_marks) {
            return TextLimitProblem{
                trf("{1} has a character with more than {2} combining marks (accents) "
                    "on it",
                    {name, std::to_string(max_combining_marks)}),
                tr("the text is damaged: type it again")};
        }
    }
    return std::nullopt;
}

} // namespace affiche
