// The reading-time rule of docs/content.md in the editor: the shortest duration a slide's words
// need, and the error on `duration` when the slide would show for less.
#pragma once

#include "deck/deck.hpp"
#include "studio/slide_json.hpp"

#include <string>
#include <vector>

namespace affiche {

// The slide whose [[slide]] line is header_line in content_dir/file, in deck; null when none.
const Slide* slide_written_at(const Deck& deck, const std::string& content_dir,
                              const std::string& file, int header_line);

// An error on `duration` when s (as loaded: its duration resolved) shows for less than its words
// need; inherited says it has no duration of its own (it takes the deck's default).
std::vector<FieldError> reading_rule_errors(const Slide& s, bool inherited);

} // namespace affiche
