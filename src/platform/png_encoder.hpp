// Opaque pictures (slides, screens) to PNG bytes with libpng: RGB, no alpha, one row filter.
#pragma once

#include "base/result.hpp"

#include <SDL.h>

#include <string>

namespace affiche {

// The PNG file's bytes of an opaque surface (its alpha, if any, is dropped): 8-bit RGB, zlib's
// default level, the "sub" row filter only. A 1920x1080 slide takes about a third of the time of
// SDL_image's IMG_SavePNG (RGBA, every filter tried per row) and fewer bytes; "sub" rather than
// none keeps photographs and gradients small (a third fewer bytes) for a few milliseconds more.
Result<std::string> encode_opaque_png(SDL_Surface* surface);

} // namespace affiche
