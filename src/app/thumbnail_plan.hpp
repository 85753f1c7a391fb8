// What a --thumbnail file looks like: its format (by extension), its size, how the slide is shrunk
// to it, and the encodings tried in turn to stay under the size limit. Pure: no SDL.
#pragma once

#include "base/geometry.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace affiche {

enum class ThumbnailFormat { jpeg, png };

inline constexpr int thumbnail_max_width = 480;               // px
inline constexpr std::size_t thumbnail_max_bytes = 60 * 1024; // the file's bytes, at most

// The format named by path's extension (.jpg, .jpeg, .png; any case); nullopt for any other.
std::optional<ThumbnailFormat> thumbnail_format(std::string_view path);

// The thumbnail of a picture of this size: at most max_width wide, its aspect ratio kept (rounded
// to whole pixels, at least 1 x 1), never enlarged.
Size thumbnail_size(Size picture, int max_width = thumbnail_max_width);

// The sizes a picture goes through on its way from `from` to `to`, `to` last: halved while the
// half is still at least `to`, then one last step. A bilinear copy that at most halves averages
// every source pixel (a 2 x 2 box filter); one that shrinks 4 times skips 3 pixels in 4 and makes
// thin text shimmer. Empty when `to` is not smaller than `from`.
std::vector<Size> shrink_steps(Size from, Size to);

// One way to encode the thumbnail: its size, and the JPEG quality (1..100; 0 for PNG).
struct ThumbnailEncoding {
    Size size;
    int quality = 0;
    bool operator==(const ThumbnailEncoding&) const = default;
};

// The encodings tried in order until one is at most thumbnail_max_bytes. JPEG: the full size at
// quality 85 down to 35 in steps of 10, then 3/4 and 1/2 of the size at 35 (a noisy photo in
// portrait). PNG (lossless, no quality to lower): the full size, then 3/4, 1/2, 1/3 and 1/4.
std::vector<ThumbnailEncoding> thumbnail_encodings(ThumbnailFormat format, Size thumbnail);

} // namespace affiche
