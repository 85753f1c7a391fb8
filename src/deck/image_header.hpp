// Reads an image file's format and pixel size from its first bytes, without decoding it.
#pragma once

#include "base/geometry.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

enum class ImageFormat { png, jpeg, webp, svg };

struct ImageHeader {
    ImageFormat format = ImageFormat::png;
    // Pixels. For SVG the size its width, height and viewBox declare, scaled down to
    // max_image_side a side (it is drawn at the size it is shown, never above that); 0x0 when it
    // declares no usable size (absent, not finite, zero or negative).
    Size size;
};

// Largest image we agree to decode: 16384 px a side and 64 Mpx in total (256 MB at RGBA).
inline constexpr int max_image_side = 16384;
inline constexpr long long max_image_pixels = 64LL * 1024 * 1024;

// Parses the header bytes (the first few KiB of the file suffice). nullopt when the bytes are
// not a PNG, JPEG, WebP or SVG image, or the header is truncated.
std::optional<ImageHeader> parse_image_header(std::string_view bytes);

// Reads up to 64 KiB of path and parses it. nullopt when unreadable or not an image.
std::optional<ImageHeader> read_image_header(const std::string& path);

// True when a PNG's chunks all fit in the bytes, up to its IEND chunk. A PNG cut short (an upload
// still being copied) is refused before decoding: libpng, fed a truncated file through SDL_image,
// can loop on CRC warnings for ever instead of failing.
bool png_complete(std::string_view bytes);

// True when the header's pixel size is within the decode limits above. Always true for SVG:
// it is rasterised at a bounded size whatever it declares.
bool within_decode_limits(const ImageHeader& h);

} // namespace affiche
