// Tests for the opaque PNG encoder: every pixel decodes back exactly (both 32-bit layouts and a
// 24-bit surface), the file is RGB without alpha, and a surface with no pixels is an error.
#include "platform/png_encoder.hpp"

#include "support/test_surfaces.hpp"

#include <SDL_image.h>
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

using namespace affiche;
using affiche::testing::test_surface;

namespace {
// The first pixel that differs between a and b (as 0xRRGGBB), or -1 when all are equal.
long first_difference(SDL_Surface* a, SDL_Surface* b) {
    SurfacePtr x(SDL_ConvertSurfaceFormat(a, SDL_PIXELFORMAT_RGB888, 0));
    SurfacePtr y(SDL_ConvertSurfaceFormat(b, SDL_PIXELFORMAT_RGB888, 0));
    REQUIRE(x);
    REQUIRE(y);
    REQUIRE(x->w == y->w);
    REQUIRE(x->h == y->h);
    for (int row = 0; row < x->h; ++row) {
        const auto* p =
            reinterpret_cast<const std::uint32_t*>(static_cast<char*>(x->pixels) + row * x->pitch);
        const auto* q =
            reinterpret_cast<const std::uint32_t*>(static_cast<char*>(y->pixels) + row * y->pitch);
        for (int col = 0; col < x->w; ++col)
            if ((p[col] & 0xFFFFFF) != (q[col] & 0xFFFFFF)) return long(row) * x->w + col;
    }
    return -1;
}

SurfacePtr decoded(const std::string& png) {
    SDL_RWops* rw = SDL_RWFromConstMem(png.data(), static_cast<int>(png.size()));
    return SurfacePtr(IMG_Load_RW(rw, 1));
}
} // namespace

TEST_CASE("opaque PNG: every pixel decodes back exactly, whatever the surface's layout") {
    for (const Uint32 format :
         {SDL_PIXELFORMAT_RGB888, SDL_PIXELFORMAT_ARGB8888, SDL_PIXELFORMAT_RGB24}) {
        CAPTURE(SDL_GetPixelFormatName(format));
        SurfacePtr noisy = test_surface(301, 173, true); // odd sizes: rows with padding
        SurfacePtr s(SDL_ConvertSurfaceFormat(noisy.get(), format, 0));
        REQUIRE(s);
        const auto png = encode_opaque_png(s.get());
        REQUIRE_MESSAGE(png, (png ? "" : png.error().message));
        CHECK(png->compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        CHECK(static_cast<unsigned char>((*png)[25]) == 2); // IHDR colour type 2: RGB, no alpha
        SurfacePtr back = decoded(*png);
        REQUIRE(back);
        CHECK(first_difference(noisy.get(), back.get()) == -1);
    }
}

TEST_CASE("opaque PNG: nothing to encode is an error, not an empty file") {
    const auto none = encode_opaque_png(nullptr);
    REQUIRE_FALSE(none);
    CHECK(none.error().message.find("cannot encode PNG") != std::string::npos);
}
