// Encodes a surface to PNG (libpng) or JPEG (SDL_image) bytes in memory, and shrinks a surface
// (bilinear).
#pragma once

#include "base/geometry.hpp"
#include "base/result.hpp"
#include "platform/sdl_handles.hpp"

#include <string>

namespace affiche {

// Returns the PNG file's bytes of an opaque picture (platform/png_encoder), or the Diagnostic.
Result<std::string> encode_surface_png(SDL_Surface* surface);

// Returns the JPEG file's bytes at quality 1..100, or the Diagnostic (no path) with SDL_image's
// reason.
Result<std::string> encode_surface_jpeg(SDL_Surface* surface, int quality);

// Returns a copy of a 32-bit surface at size, bilinear (SDL_SoftStretchLinear), or the
// Diagnostic (no path) with SDL's reason.
Result<SurfacePtr> resized_surface(SDL_Surface* surface, Size size);

} // namespace affiche
