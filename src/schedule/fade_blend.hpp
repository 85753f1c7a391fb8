// Crossfade arithmetic for both strategies: the texture blend's alpha, and the in-place steps.
#pragma once

#include <cstdint>

namespace affiche {

// Texture strategy: the new slide is drawn over the old one with this 8-bit alpha at fade
// 0..1 (the share of the new slide).
std::uint8_t texture_fade_alpha(double fade);

// In-place strategy: the screen keeps its pixels between frames, so the new slide is blended
// over what the screen already shows. With s the share of the new slide already on screen and
// f the share wanted, blending by b = (f - s) / (1 - s) gives (1 - f) old + f new: the same
// crossfade without a copy of the old slide.
struct InPlaceStep {
    bool whole = false;     // copy the slide opaquely (the last step: exact, whatever came before)
    std::uint8_t alpha = 0; // otherwise blend with this alpha; 0 = draw nothing this frame
    double shown_after = 0; // the share on screen after this step, from the alpha actually applied
};

// The step from share `shown` to fade `fade` (both 0..1). The share tracks the 8-bit alpha
// really applied, not b, so rounding does not accumulate; fade >= 1 or shown >= 1 is `whole`.
InPlaceStep in_place_step(double fade, double shown);

} // namespace affiche
