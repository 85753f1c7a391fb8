// "Did you mean ...?": edit distance and the closest of a few candidate names.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace affiche {

using KeyList = std::span<const std::string_view>;

// Names longer than this get no suggestion: nobody mistypes a name that long, and the distance
// costs the product of the lengths.
inline constexpr std::size_t max_suggested_length = 255;

// Optimal string alignment distance (insertions, deletions, substitutions, transpositions).
// Stops early once every path costs more than stop_above, returning stop_above + 1 then.
int edit_distance(std::string_view a, std::string_view b, int stop_above = 1 << 30);
// The closest candidate within a small edit distance, "" when none is close enough. Candidates
// whose length differs by more than that distance are skipped without computing it.
std::string_view closest_match(std::string_view word, KeyList candidates);
// "did you mean 'x'?" when a candidate is close, else "allowed: a, b, c".
std::string suggestion(std::string_view word, KeyList candidates, std::string_view allowed_label);
// "a, b, c", each item between quote.
std::string joined(KeyList items, std::string_view quote);

} // namespace affiche
