// `affiche --render OUT_DIR`: every enabled slide to a PNG, headless.
#pragma once

#include "app/options.hpp"
#include "base/result.hpp"
#include "platform/slide_composer.hpp"

#include <string>
#include <string_view>

namespace affiche {

// Draws slide play_index on the current render target as --render shows it: the slide, then
// the live overlays pinned at clock and halfway through. Returns Done, or the Diagnostic (no
// path) with SDL's reason when the slide's texture cannot be made. The studio's previews draw
// through this too, so they are the same pixels.
Result<Done> draw_rendered_slide(SlideComposer& composer, int play_index, std::string_view clock);

// Returns the process exit code.
int run_render(const Options& options, const std::string& content_dir);

} // namespace affiche
