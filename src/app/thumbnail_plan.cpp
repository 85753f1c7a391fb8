// The thumbnail's format, size, shrink steps and encodings to try, decided without SDL.
#include "app/thumbnail_plan.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace affiche {

namespace {
std::string lower_extension(std::string_view path) {
    const auto slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return "";
    std::string ext(name.substr(dot + 1));
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// size scaled by num/den, aspect kept, at least 1 x 1.
Size scaled(Size size, int num, int den) {
    return {std::max(1, size.w * num / den), std::max(1, size.h * num / den)};
}
} // namespace

std::optional<ThumbnailFormat> thumbnail_format(std::string_view path) {
    const std::string ext = lower_extension(path);
    if (ext == "jpg" || ext == "jpeg") return ThumbnailFormat::jpeg;
    if (ext == "png") return ThumbnailFormat::png;
    return std::nullopt;
}

Size thumbnail_size(Size picture, int max_width) {
    if (picture.w <= 0 || picture.h <= 0) return {1, 1};
    if (picture.w <= max_width) return picture;
    const double h = static_cast<double>(picture.h) * max_width / picture.w;
    return {max_width, std::max(1, static_cast<int>(std::lround(h)))};
}

std::vector<Size> shrink_steps(Size from, Size to) {
    std::vector<Size> steps;
    if (to.w >= from.w && to.h >= from.h) return steps;
    Size at = from;
    while (at.w / 2 >= to.w && at.h / 2 >= to.h && (at.w / 2 > to.w || at.h / 2 > to.h)) {
        at = {at.w / 2, at.h / 2};
        steps.push_back(at);
    }
    steps.push_back(to);
    return steps;
}

std::vector<ThumbnailEncoding> thumbnail_encodings(ThumbnailFormat format, Size thumbnail) {
    std::vector<ThumbnailEncoding> out;
    if (format == ThumbnailFormat::jpeg) {
        for (int quality = 85; quality >= 35; quality -= 10)
            out.push_back({thumbnail, quality});
        out.push_back({scaled(thumbnail, 3, 4), 35});
        out.push_back({scaled(thumbnail, 1, 2), 35});
    } else {
        out.push_back({thumbnail, 0});
        out.push_back({scaled(thumbnail, 3, 4), 0});
        out.push_back({scaled(thumbnail, 1, 2), 0});
        out.push_back({scaled(thumbnail, 1, 3), 0});
        out.push_back({scaled(thumbnail, 1, 4), 0});
    }
    return out;
}

} // namespace affiche
