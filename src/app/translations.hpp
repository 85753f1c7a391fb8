// Sets up gettext for the user's language (LANG, LC_MESSAGES): where the catalogues are.
#pragma once

#include <string>

namespace affiche {

// The folder holding <lang>/LC_MESSAGES/affiche.mo: "locale" beside the executable when it
// exists (a build folder: the tests run the freshly built catalogues), else the install's
// share/locale.
std::string locale_dir();

// Call once at start, before any message is built. A language whose locale is not generated
// still gets its messages (through LANGUAGE under C.UTF-8). Only the messages' language follows the
// environment (LC_MESSAGES): numbers and character classes stay in the C locale, so a decimal
// comma never enters the TOML parser or the status file. Messages come out in UTF-8 whatever
// the locale's character set.
void init_translations();

} // namespace affiche
