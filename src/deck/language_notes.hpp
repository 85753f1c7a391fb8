// The one note for a language the deck does not show, however many slide files hold slides in it.
#pragma once

#include "base/error.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// The note for slides in language lang, which shown (deck.languages) does not list: at loc, where
// the first file gives it; more_files: how many other slide files hold slides in it (0: none,
// else the note ends with "; N more files hold 'xx' slides"). Translated as a whole sentence.
Diagnostic language_not_shown_note(std::string_view lang, const std::vector<std::string>& shown,
                                   SourceLoc loc, int more_files);

} // namespace affiche
