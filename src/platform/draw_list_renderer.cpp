// DrawList to pixels: each item becomes one SDL draw call; nothing decides anything here.
#include "platform/draw_list_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace affiche {

namespace {

// Coverage (0..1) of pixel (x, y) by a rectangle of w x h with corner radius r (anti-aliasing).
float rounded_coverage(int x, int y, int w, int h, int r) {
    const float px = x + 0.5f, py = y + 0.5f;
    const float cx = std::clamp(px, static_cast<float>(r), static_cast<float>(w - r));
    const float cy = std::clamp(py, static_cast<float>(r), static_cast<float>(h - r));
    const float d = std::hypot(px - cx, py - cy);
    return std::clamp(r + 0.5f - d, 0.0f, 1.0f);
}

void draw_rect(const DrawContext& ctx, const DrawRect& r) {
    if (r.rect.w <= 0 || r.rect.h <= 0) return;
    SDL_Renderer* ren = ctx.renderer;
    if (r.radius <= 0) {
        SDL_SetRenderDrawBlendMode(ren,
                                   r.color.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
        SDL_SetRenderDrawColor(ren, r.color.r, r.color.g, r.color.b, r.color.a);
        const SDL_Rect rect{r.rect.x, r.rect.y, r.rect.w, r.rect.h};
        SDL_RenderFillRect(ren, &rect);
        return;
    }
    const int radius = std::min({r.radius, r.rect.w / 2, r.rect.h / 2});
    SurfacePtr s(
        SDL_CreateRGBSurfaceWithFormat(0, r.rect.w, r.rect.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!s) return;
    auto* pixels = static_cast<Uint32*>(s->pixels);
    const int stride = s->pitch / 4;
    for (int y = 0; y < r.rect.h; ++y) {
        for (int x = 0; x < r.rect.w; ++x) {
            const float a = rounded_coverage(x, y, r.rect.w, r.rect.h, radius) * r.color.a;
            pixels[y * stride + x] = (static_cast<Uint32>(std::lround(a)) << 24) |
                                     (Uint32{r.color.r} << 16) | (Uint32{r.color.g} << 8) |
                                     r.color.b;
        }
    }
    TexturePtr t(SDL_CreateTextureFromSurface(ren, s.get()));
    if (!t) return;
    SDL_SetTextureBlendMode(t.get(), SDL_BLENDMODE_BLEND);
    const SDL_Rect dst{r.rect.x, r.rect.y, r.rect.w, r.rect.h};
    SDL_RenderCopy(ren, t.get(), nullptr, &dst);
}

void draw_text(const DrawContext& ctx, const DrawText& t) {
    if (t.text.empty()) return;
    TTF_Font* font = ctx.fonts->get(t.font, t.rtl);
    if (!font) return;
    const SDL_Color c{t.color.r, t.color.g, t.color.b, 255};
    SurfacePtr s(TTF_RenderUTF8_Blended(font, t.text.c_str(), c));
    if (!s) return;
    TexturePtr tex(SDL_CreateTextureFromSurface(ctx.renderer, s.get()));
    if (!tex) return;
    SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_BLEND);
    SDL_SetTextureAlphaMod(tex.get(), t.color.a);
    const SDL_Rect dst{t.x, t.y, s->w, s->h};
    SDL_RenderCopy(ctx.renderer, tex.get(), nullptr, &dst);
}

void draw_image(const DrawContext& ctx, const DrawImage& im) {
    TexturePtr tex =
        ctx.images->texture(ctx.renderer, im.path, {im.dest.w, im.dest.h}, ctx.max_texture_side);
    if (!tex) return;
    SDL_SetTextureBlendMode(tex.get(), SDL_BLENDMODE_BLEND);
    const SDL_Rect clip{im.clip.x, im.clip.y, im.clip.w, im.clip.h};
    SDL_RenderSetClipRect(ctx.renderer, &clip);
    const SDL_Rect dst{im.dest.x, im.dest.y, im.dest.w, im.dest.h};
    SDL_RenderCopy(ctx.renderer, tex.get(), nullptr, &dst);
    SDL_RenderSetClipRect(ctx.renderer, nullptr);
}

struct Drawer {
    const DrawContext& ctx;
    void operator()(const DrawRect& r) const { draw_rect(ctx, r); }
    void operator()(const DrawText& t) const { draw_text(ctx, t); }
    void operator()(const DrawImage& i) const { draw_image(ctx, i); }
};

} // namespace

void draw(const DrawContext& ctx, const DrawList& list) {
    for (const auto& item : list.items)
        std::visit(Drawer{ctx}, item);
}

} // namespace affiche
