// Encodes a surface to PNG (libpng) or JPEG (SDL_image) bytes in memory, and shrinks a surface
// (bilinear).
#pragma once

#include "base/geometry.hpp"
#include "platform/sdl_handles.hpp"

#include <optional>
#include <string>

namespace affiche {

// The PNG file's bytes of an opaque picture (platform/png_encoder), or nullopt and error set.
std::optional<std::string> encode_surface_png(SDL_Surface* surface, std::string& error);

// The JPEG file's bytes at quality 1..100, or nullopt and error set (SDL_image's reason).
std::optional<std::string> encode_surface_jpeg(SDL_Surface* surface, int quality,
                                               std::string& error);

// A copy of a 32-bit surface at size, bilinear (SDL_SoftStretchLinear); nullptr and error set on
// failure.
SurfacePtr resized_surface(SDL_Surface* surface, Size size, std::string& error);

} // namespace affiche
