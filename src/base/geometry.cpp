// Aspect-ratio fitting of images into boxes.
#include "base/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace affiche {

namespace {
Rect scaled_centred(Size image, Rect box, double scale) {
    const int w = std::max(1, static_cast<int>(std::floor(image.w * scale)));
    const int h = std::max(1, static_cast<int>(std::floor(image.h * scale)));
    return {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}
} // namespace

Rect fit_inside(Size image, Rect box) {
    if (image.w <= 0 || image.h <= 0 || box.w <= 0 || box.h <= 0) return {box.x, box.y, 0, 0};
    const double scale =
        std::min(static_cast<double>(box.w) / image.w, static_cast<double>(box.h) / image.h);
    return scaled_centred(image, box, scale);
}

Rect cover(Size image, Rect box) {
    if (image.w <= 0 || image.h <= 0 || box.w <= 0 || box.h <= 0) return {box.x, box.y, 0, 0};
    const double scale =
        std::max(static_cast<double>(box.w) / image.w, static_cast<double>(box.h) / image.h);
    const int w = static_cast<int>(std::ceil(image.w * scale));
    const int h = static_cast<int>(std::ceil(image.h * scale));
    return {box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h};
}

double shrink_factor(Size image, int max_side) {
    const int longest = std::max(image.w, image.h);
    if (longest <= max_side || longest <= 0) return 1.0;
    return static_cast<double>(max_side) / longest;
}

} // namespace affiche
