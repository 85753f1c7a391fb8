// `affiche --check DIR`: every problem of a deck, with file, line and column, and the exit code.
#pragma once

#include <string>

namespace affiche {

// Prints the deck's errors and warnings (readability and schedule included) and a summary.
// Returns the process exit code: 0 when there is no error, 1 otherwise.
int run_check(const std::string& content_dir);

} // namespace affiche
