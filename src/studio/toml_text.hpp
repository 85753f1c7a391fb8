// TOML source text for one value the studio writes: strings, numbers, lists of strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// A TOML string for s: a basic string "..." on one line, or a multi-line """ string when s holds
// line breaks (as people write bodies). Control characters, quotes and backslashes are escaped;
// U+00A0 (no-break space) is written "\u00A0", the deck's typographic convention, so it stays
// visible in a text editor. eol is the file's line ending.
std::string toml_string(std::string_view s, std::string_view eol = "\n");

// ["a", "b"] on one line.
std::string toml_string_array(const std::vector<std::string>& items);

// The shortest text that reads back as v: "20", "1.5".
std::string toml_number(double v);

} // namespace affiche
