// The reading-time rule of docs/content.md: 1.8 words a second, plus 5 s, at least 12 s.
#include "deck/reading_time.hpp"

#include "base/utf8.hpp"

#include <algorithm>

namespace affiche {

namespace {

// Whether c can be part of a word: a letter or a digit, not punctuation (Latin, general or
// Arabic: "?", "«", "’", "–", "،", "؟").
bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= U'0' && c <= U'9') || ((c | 0x20) >= U'a' && (c | 0x20) <= U'z');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    if (c >= 0x2000 && c <= 0x206F) return false;
    return c != 0x060C && c != 0x061B && c != 0x061F;
}

} // namespace

bool is_word_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x00A0 || c == 0x202F;
}

int word_count(std::string_view text) {
    int n = 0;
    bool counted = false; // the current run already counts as a word
    for (const char32_t c : decode_utf8(text)) {
        if (is_word_space(c)) {
            counted = false;
        } else if (!counted && is_word_char(c)) {
            ++n;
            counted = true;
        }
    }
    return n;
}

int slide_word_count(const Slide& s) {
    int n = word_count(s.title) + word_count(s.subtitle) + word_count(s.body);
    for (const auto& b : s.bullets)
        n += word_count(b);
    return n;
}

// In integers: words * 10 / 18 rounded up, plus 5.
int reading_seconds(int words) {
    return std::max(min_slide_seconds, (words * 10 + 17) / 18 + 5);
}

int slide_reading_seconds(const Slide& s) {
    return reading_seconds(slide_word_count(s));
}

} // namespace affiche
