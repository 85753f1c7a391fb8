// `affiche --render OUT_DIR`: every enabled slide to a PNG, headless.
#pragma once

#include "app/options.hpp"

namespace affiche {

// Returns the process exit code.
int run_render(const Options& options, const std::string& content_dir);

} // namespace affiche
