// Colour parsing and WCAG contrast computation.
#include "base/color.hpp"

#include <algorithm>
#include <cmath>

namespace affiche {

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

double channel(std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

std::optional<Color> parse_color(std::string_view text) {
    if (text.empty() || text[0] != '#') return std::nullopt;
    text.remove_prefix(1);
    int d[8];
    for (std::size_t i = 0; i < text.size() && i < 8; ++i) {
        d[i] = hex_digit(text[i]);
        if (d[i] < 0) return std::nullopt;
    }
    auto byte = [&](int i) { return static_cast<std::uint8_t>(d[i] * 16 + d[i + 1]); };
    switch (text.size()) {
    case 3:
        return Color{static_cast<std::uint8_t>(d[0] * 17), static_cast<std::uint8_t>(d[1] * 17),
                     static_cast<std::uint8_t>(d[2] * 17), 255};
    case 6:
        return Color{byte(0), byte(2), byte(4), 255};
    case 8:
        return Color{byte(0), byte(2), byte(4), byte(6)};
    default:
        return std::nullopt;
    }
}

double relative_luminance(Color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(Color a, Color b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color blend_over(Color c, Color background) {
    auto mix = [&](std::uint8_t f, std::uint8_t b) {
        return static_cast<std::uint8_t>(std::lround((f * c.a + b * (255 - c.a)) / 255.0));
    };
    return {mix(c.r, background.r), mix(c.g, background.g), mix(c.b, background.b), 255};
}

} // namespace affiche
