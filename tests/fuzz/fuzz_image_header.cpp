// libFuzzer harness: parse_image_header on arbitrary bytes never crashes and gives sane sizes.
#include "deck/image_header.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto header = affiche::parse_image_header(bytes);
    if (!header) return 0;
    const affiche::Size s = header->size;
    if (header->format == affiche::ImageFormat::svg) {
        // Either no size, or both sides within 1..max_image_side (they are rasterised so).
        const bool none = s.w == 0 && s.h == 0;
        const bool sane = s.w >= 1 && s.h >= 1 && s.w <= affiche::max_image_side &&
                          s.h <= affiche::max_image_side;
        if (!none && !sane) std::abort();
    } else if (s.w <= 0 || s.h <= 0) {
        std::abort(); // a raster header always has a positive size
    }
    (void)affiche::within_decode_limits(*header);
    return 0;
}
