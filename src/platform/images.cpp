// Image decoding and CPU scaling for ImageStore.
#include "platform/images.hpp"

#include "deck/image_header.hpp"

#include <SDL_image.h>

#include <algorithm>

namespace affiche {

namespace {
SurfacePtr to_argb(SurfacePtr s) {
    if (!s || s->format->format == SDL_PIXELFORMAT_ARGB8888) return s;
    return SurfacePtr(SDL_ConvertSurfaceFormat(s.get(), SDL_PIXELFORMAT_ARGB8888, 0));
}

// SVG is always rasterised through this, at most size: IMG_Load would draw it at the size it
// declares or, without one, at its content's extent (a 20000x20000 shape took 3.1 GB).
SurfacePtr rasterise_svg(const AssetBytes* assets, const std::string& path, Size size) {
    size.w = std::clamp(size.w, 1, max_image_side);
    size.h = std::clamp(size.h, 1, max_image_side);
    const RWopsPtr rw(open_asset(assets, path));
    if (!rw) return nullptr;
    return to_argb(SurfacePtr(IMG_LoadSizedSVG_RW(rw.get(), size.w, size.h)));
}

// SDL_image's name for a raster format: the decoder used is the one the header was checked for.
const char* type_name(ImageFormat format) {
    switch (format) {
    case ImageFormat::jpeg:
        return "JPG";
    case ImageFormat::webp:
        return "WEBP";
    default:
        return "PNG";
    }
}

SurfacePtr scaled(SDL_Surface* src, Size size) {
    SurfacePtr dst(SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!dst) return nullptr;
    SDL_SetSurfaceBlendMode(src, SDL_BLENDMODE_NONE);
    if (SDL_SoftStretchLinear(src, nullptr, dst.get(), nullptr) != 0) {
        if (SDL_BlitScaled(src, nullptr, dst.get(), nullptr) != 0) return nullptr;
    }
    return dst;
}
} // namespace

// One line with one severity: "affiche: path: warning: ...", once per message.
void ImageStore::warn(const std::string& path, std::string message) {
    log_.diagnostic(Diagnostic{Severity::warning, {path, 0, 0}, std::move(message), {}});
}

std::optional<Size> ImageStore::prepare(const std::string& path) {
    if (auto it = decoded_.find(path); it != decoded_.end()) {
        return Size{it->second.surface->w, it->second.surface->h};
    }
    const auto header = asset_image_header(assets_.get(), path);
    if (!header) {
        warn(path, "image missing or not a PNG, JPEG, WebP or SVG file; slide shown without it");
        return std::nullopt;
    }
    if (!within_decode_limits(*header)) {
        warn(path, "image is " + std::to_string(header->size.w) + "x" +
                       std::to_string(header->size.h) +
                       " pixels, too large to decode; slide shown without it");
        return std::nullopt;
    }
    const std::string* held = assets_ ? assets_->find(path) : nullptr;
    if (header->format == ImageFormat::png && held && !png_complete(*held)) {
        warn(path, "PNG file cut short; slide shown without it");
        return std::nullopt;
    }
    SurfacePtr surface;
    const bool svg = header->format == ImageFormat::svg;
    if (svg) {
        // Only the aspect ratio matters here: rasterise small, whatever size the file claims.
        // Without a usable declared size, the content's extent decides it, within 512x512.
        const bool sized = header->size.w > 0 && header->size.h > 0;
        const Rect probe = fit_inside(sized ? header->size : Size{512, 512}, {0, 0, 512, 512});
        surface = rasterise_svg(assets_.get(), path, {probe.w, probe.h});
    } else {
        SDL_RWops* rw = open_asset(assets_.get(), path);
        if (rw) surface = to_argb(SurfacePtr(IMG_LoadTyped_RW(rw, 1, type_name(header->format))));
    }
    if (!surface || surface->w <= 0 || surface->h <= 0) {
        warn(path,
             std::string("cannot decode image (") + IMG_GetError() + "); slide shown without it");
        return std::nullopt;
    }
    const Size size{surface->w, surface->h};
    decoded_[path] = Decoded{std::move(surface), svg};
    return size;
}

std::optional<Size> ImageStore::size_of(const std::string& path) {
    if (auto it = sizes_.find(path); it != sizes_.end()) return it->second;
    const auto size = prepare(path);
    sizes_[path] = size;
    return size;
}

TexturePtr ImageStore::texture(SDL_Renderer* renderer, const std::string& path, Size size,
                               int max_side) {
    auto it = decoded_.find(path);
    if (it == decoded_.end() || size.w <= 0 || size.h <= 0) return nullptr;
    const double f = shrink_factor(size, max_side);
    size = {std::max(1, static_cast<int>(size.w * f)), std::max(1, static_cast<int>(size.h * f))};
    SurfacePtr pixels;
    if (it->second.svg) {
        // Vector art is rasterised at the size it is shown, so it stays sharp on any screen.
        pixels = rasterise_svg(assets_.get(), path, size);
    }
    if (!pixels) {
        SDL_Surface* src = it->second.surface.get();
        pixels = (src->w == size.w && src->h == size.h) ? nullptr : scaled(src, size);
        if (!pixels) return TexturePtr(SDL_CreateTextureFromSurface(renderer, src));
    }
    return TexturePtr(SDL_CreateTextureFromSurface(renderer, pixels.get()));
}

} // namespace affiche
