// Crossfade arithmetic: 8-bit alphas and the share of the new slide already on screen.
#include "schedule/fade_blend.hpp"

#include <algorithm>
#include <cmath>

namespace affiche {

std::uint8_t texture_fade_alpha(double fade) {
    return static_cast<std::uint8_t>(std::clamp(std::lround(fade * 255), 0L, 255L));
}

InPlaceStep in_place_step(double fade, double shown) {
    InPlaceStep step;
    if (fade >= 1.0 || shown >= 1.0) {
        step.whole = true;
        step.alpha = 255;
        step.shown_after = 1.0;
        return step;
    }
    const double b = (fade - shown) / (1.0 - shown);
    step.alpha = static_cast<std::uint8_t>(std::clamp(std::lround(b * 255), 0L, 255L));
    step.shown_after = shown + (1.0 - shown) * step.alpha / 255.0;
    return step;
}

} // namespace affiche
