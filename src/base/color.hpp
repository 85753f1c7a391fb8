// RGBA colours: parsing "#rrggbb" / "#rrggbbaa" and WCAG contrast ratios.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace affiche {

struct Color {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Color&) const = default;
};

// Accepts "#rgb", "#rrggbb" and "#rrggbbaa" (case-insensitive); nullopt otherwise.
std::optional<Color> parse_color(std::string_view text);

// WCAG 2 relative luminance (0..1) and contrast ratio (1..21) of two opaque colours.
double relative_luminance(Color c);
double contrast_ratio(Color a, Color b);

// c drawn with its alpha over an opaque background.
Color blend_over(Color c, Color background);

} // namespace affiche
