// The reading-time rule of docs/content.md: how long a slide must show for its words to be read.
#pragma once

#include "deck/deck.hpp"

#include <string_view>

namespace affiche {

// The shortest time any slide shows, whatever its words.
inline constexpr int min_slide_seconds = 12;

// Space between words: ASCII blanks and the no-break spaces French typography puts before "?" or
// inside « ».
bool is_word_space(char32_t c);

// Words a patient reads: runs between spaces holding at least one letter or digit ("?", ":" or
// "«" alone are not words; "l’oncologue" is one).
int word_count(std::string_view text);

// The words of a slide's title, subtitle, body and bullets.
int slide_word_count(const Slide& s);

// Seconds needed to read this many words: words ÷ 1.8 + 5 s, rounded up to the second, never
// under min_slide_seconds.
int reading_seconds(int words);

// reading_seconds of the slide's words.
int slide_reading_seconds(const Slide& s);

} // namespace affiche
