// Test support: SDL surfaces with known pixels, for encoders and image code (no display needed).
#pragma once

#include "platform/sdl_handles.hpp"

#include <doctest/doctest.h>

#include <cstdint>

namespace affiche::testing {

// A w x h SDL_PIXELFORMAT_RGB888 surface. noisy: every pixel a pseudo-random colour (the worst
// case for a codec: nothing to compress); else a smooth gradient (red across, green down).
inline SurfacePtr test_surface(int w, int h, bool noisy) {
    SurfacePtr s(SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888));
    REQUIRE(s);
    std::uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(static_cast<char*>(s->pixels) + y * s->pitch);
        for (int x = 0; x < w; ++x) {
            seed = seed * 1664525u + 1013904223u;
            row[x] = noisy ? (seed >> 8) & 0xFFFFFF
                           : static_cast<std::uint32_t>((x * 255 / w) << 16 | (y * 255 / h) << 8);
        }
    }
    return s;
}

} // namespace affiche::testing
