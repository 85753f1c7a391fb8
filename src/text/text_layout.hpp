// Line breaking (libunibreak), bidi reordering (GNU FriBidi) and measuring of paragraphs,
// with the text measurer injected so that the core needs no font library.
#pragma once

#include "text/font_spec.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Measures text; the platform implements it with SDL_ttf, tests with a fake.
class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    // Advance width in px of utf8 shaped in one direction with font.
    virtual int width(std::string_view utf8, FontSpec font, bool rtl) const = 0;
    // Distance between baselines in px.
    virtual int line_height(FontSpec font) const = 0;
    // Height of a capital letter ("H") above the baseline, px.
    virtual int cap_height(FontSpec font) const = 0;
    // Height above the baseline of the font's tallest glyphs, px: runs in different fonts on one
    // line share a baseline.
    virtual int ascent(FontSpec font) const { return font.size_px * 4 / 5; }
};

// A run of one direction and one font on a line. x is from the line's left edge, in px.
struct TextRun {
    std::string text; // logical order (the shaper orders the glyphs of an RTL run)
    FontRole role = FontRole::regular;
    bool rtl = false;
    int x = 0;
    int width = 0;
};

// One line, runs in visual order from left to right.
struct TextLine {
    std::vector<TextRun> runs;
    int width = 0;
};

struct Paragraph {
    std::vector<TextLine> lines;
    bool rtl = false;        // base direction: right-align the lines when true
    int line_height = 0;     // px
    bool broke_word = false; // a word wider than the line was cut between characters
    int height() const { return static_cast<int>(lines.size()) * line_height; }
    int widest() const;
};

// Breaks utf8 into lines no wider than max_width px. Breaks only where Unicode allows (UAX #14,
// libunibreak): never at a no-break space (U+00A0, U+202F), nor at a plain space before
// : ; ? ! » or after « (French typography, so a typist's ordinary space is safe too).
// A mandatory break ("\n") starts a new line. A word wider than max_width is broken between
// characters. Base direction comes from the first strong character; runs of Arabic script use
// FontRole::arabic, other runs font.role. Empty or blank text gives no lines.
// Spaces at the start and end of each line are dropped; a blank line between lines of text
// stays as a line without runs. Invalid UTF-8 shows as U+FFFD. With max_width <= 0 (or narrower
// than one character) every line holds one character (a code point and its combining marks),
// so the caller sees a too-tall paragraph rather than an endless loop.
// The work is linear in the text's length: each piece between break opportunities, and each
// character of a word that must be cut, is measured once; then each line once as a whole.
Paragraph layout_paragraph(std::string_view utf8, FontSpec font, int max_width,
                           const TextMeasurer& measurer);

} // namespace affiche
