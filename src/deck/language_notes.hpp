// One note per language not shown, however many slide files hold slides in it.
#pragma once

#include "base/error.hpp"

namespace affiche {

// Folds the loader's "slides in language 'xx' are not shown: ..." notes (one per slide file)
// into the first of each language, which then ends with "; N more file(s) hold 'xx' slides".
// Everything else keeps its order.
void merge_language_notes(Diagnostics& ds);

} // namespace affiche
