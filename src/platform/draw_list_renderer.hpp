// Draws a DrawList with an SDL renderer: anti-aliased rounded rectangles, text runs, images.
#pragma once

#include "layout/draw_list.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"

namespace affiche {

struct DrawContext {
    SDL_Renderer* renderer = nullptr;
    FontCache* fonts = nullptr;
    ImageStore* images = nullptr;
    int max_texture_side = 4096;
};

void draw(const DrawContext& ctx, const DrawList& list);

} // namespace affiche
