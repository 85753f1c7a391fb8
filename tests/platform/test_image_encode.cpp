// Tests for in-memory PNG and JPEG encoding and the bilinear surface copy: the bytes decode back
// to the same size, JPEG shrinks with its quality, and a shrunk surface averages its pixels.
#include "platform/image_encode.hpp"

#include "support/test_surfaces.hpp"

#include <SDL_image.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace affiche;
using affiche::testing::test_surface;

namespace {
// The decoded picture's size, {0, 0} when the bytes are not an image SDL_image reads.
Size decoded_size(const std::string& bytes) {
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    SurfacePtr s(IMG_Load_RW(rw, 1));
    return s ? Size{s->w, s->h} : Size{};
}
} // namespace

TEST_CASE("image encode: PNG and JPEG bytes decode back to the picture's size") {
    SurfacePtr s = test_surface(480, 270, false);
    const auto png = encode_surface_png(s.get());
    REQUIRE(png.ok());
    CHECK(png->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(decoded_size(*png) == Size{480, 270});
    const auto jpeg = encode_surface_jpeg(s.get(), 85);
    REQUIRE(jpeg.ok());
    CHECK(jpeg->compare(0, 3, "\xff\xd8\xff") == 0);
    CHECK(decoded_size(*jpeg) == Size{480, 270});
}

TEST_CASE("image encode: a lower JPEG quality gives fewer bytes, on noise too") {
    SurfacePtr s = test_surface(480, 270, true);
    std::size_t previous = SIZE_MAX;
    for (int quality = 85; quality >= 35; quality -= 10) {
        const auto jpeg = encode_surface_jpeg(s.get(), quality);
        REQUIRE(jpeg.ok());
        INFO("quality " << quality << ": " << jpeg->size() << " bytes");
        CHECK(jpeg->size() < previous);
        previous = jpeg->size();
    }
}

TEST_CASE("image encode: resized_surface averages neighbours (bilinear) at the new size") {
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, 4, 2, 32, SDL_PIXELFORMAT_RGB888));
    REQUIRE(s);
    // Black and white columns: halved, every pixel is their mean, grey.
    for (int y = 0; y < 2; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<char*>(s->pixels) + y * s->pitch);
        for (int x = 0; x < 4; ++x)
            row[x] = x % 2 ? 0xFFFFFF : 0x000000;
    }
    auto resized = resized_surface(s.get(), {2, 1});
    REQUIRE(resized.ok());
    const SurfacePtr& half = *resized;
    CHECK(half->w == 2);
    CHECK(half->h == 1);
    const auto* px = static_cast<const std::uint32_t*>(half->pixels);
    for (int x = 0; x < 2; ++x) {
        const int green = static_cast<int>((px[x] >> 8) & 0xFF);
        CHECK(green >= 120);
        CHECK(green <= 136);
    }
}

TEST_CASE("image encode: a surface shrunk to no pixels is refused with SDL's reason") {
    SurfacePtr s = test_surface(8, 8, false);
    const auto none = resized_surface(s.get(), {-1, 4});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.starts_with("cannot shrink the picture: "));
}
