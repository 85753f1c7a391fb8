// `affiche --schedule DIR`: when the screen goes on and off and what plays, day by day.
#pragma once

#include "app/options.hpp"

#include <string>

namespace affiche {

// Prints options.schedule_days days from options.schedule_from (default today).
// Returns the process exit code: 1 when the deck does not load, else 0.
int run_schedule(const Options& options, const std::string& content_dir);

} // namespace affiche
