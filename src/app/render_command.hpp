// `affiche --render OUT_DIR`: every enabled slide to a PNG, headless.
#pragma once

#include "app/options.hpp"
#include "platform/slide_composer.hpp"

#include <string>
#include <string_view>

namespace affiche {

// Draws slide play_index on the current render target as --render shows it: the slide, then
// the live overlays pinned at clock and halfway through. false with error set on failure. The
// studio's previews draw through this too, so they are the same pixels.
bool draw_rendered_slide(SlideComposer& composer, int play_index, std::string_view clock,
                         std::string& error);

// Returns the process exit code.
int run_render(const Options& options, const std::string& content_dir);

} // namespace affiche
