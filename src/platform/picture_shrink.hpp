// Draws a picture held in a texture smaller, step by step on the GPU (or SDL's software
// renderer), with overlays drawn over it at scale, and reads the small result back.
#pragma once

#include "base/geometry.hpp"
#include "platform/sdl_handles.hpp"

#include <functional>
#include <string>
#include <vector>

namespace affiche {

// Copies picture (a texture of renderer, picture_size px) through each size of steps in turn
// (bilinear; the last is the result's size; empty: picture_size), calls draw_over on the first
// step with the renderer scaled so that it draws in the picture's own coordinates, and reads the
// last step back as a 32-bit surface (SDL_PIXELFORMAT_RGB888). Reads back a small texture, never
// the screen: the cost is the copies, not a full-size read-back. The render target and the
// picture's scale mode are restored. nullptr and error set on failure.
SurfacePtr shrink_picture(SDL_Renderer* renderer, SDL_Texture* picture, Size picture_size,
                          const std::vector<Size>& steps, const std::function<void()>& draw_over,
                          std::string& error);

} // namespace affiche
