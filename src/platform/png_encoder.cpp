// Opaque pictures to PNG bytes with libpng (classic API: it lets us choose the row filter).
#include "platform/png_encoder.hpp"

#include "platform/sdl_handles.hpp"

#include <png.h>

#include <csetjmp>
#include <cstdio>

namespace affiche {

namespace {

void append(png_structp png, png_bytep data, png_size_t size) {
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<char*>(data), size);
}
void no_flush(png_structp) {}
void on_error(png_structp png, png_const_charp message) {
    auto* reason = static_cast<char*>(png_get_error_ptr(png));
    std::snprintf(reason, 200, "%s", message);
    std::longjmp(png_jmpbuf(png), 1);
}
void on_warning(png_structp, png_const_charp) {}

// Writes the rows of a 32-bit XRGB surface (SDL's ARGB8888 layout) as RGB into out. Only plain
// data lives in this frame: libpng reports errors by longjmp back to it.
bool write_rows(const SDL_Surface* s, std::string* out, char* reason) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, reason, on_error, on_warning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return false;
    }
    png_set_write_fn(png, out, append, no_flush);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    png_set_IHDR(png, info, static_cast<png_uint_32>(s->w), static_cast<png_uint_32>(s->h), 8,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE,
                 PNG_FILTER_TYPE_BASE);
    png_write_info(png, info);
    // In memory, a 32-bit XRGB pixel is B G R X on a little-endian machine, X R G B otherwise.
#if SDL_BYTEORDER == SDL_LIL_ENDIAN
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    png_set_bgr(png);
#else
    png_set_filler(png, 0, PNG_FILLER_BEFORE);
#endif
    const auto* pixels = static_cast<const unsigned char*>(s->pixels);
    for (int y = 0; y < s->h; ++y)
        png_write_row(png, pixels + static_cast<std::ptrdiff_t>(y) * s->pitch);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace

Result<std::string> encode_opaque_png(SDL_Surface* surface) {
    if (!surface || surface->w <= 0 || surface->h <= 0)
        return failure({}, "cannot encode PNG: no picture");
    SurfacePtr converted;
    const Uint32 format = surface->format->format;
    if (format != SDL_PIXELFORMAT_ARGB8888 && format != SDL_PIXELFORMAT_RGB888) {
        converted.reset(SDL_ConvertSurfaceFormat(surface, SDL_PIXELFORMAT_ARGB8888, 0));
        if (!converted) return failure({}, std::string("cannot encode PNG: ") + SDL_GetError());
        surface = converted.get();
    }
    std::string png;
    png.reserve(static_cast<std::size_t>(surface->w) * static_cast<std::size_t>(surface->h) / 8);
    char reason[200] = "";
    if (SDL_MUSTLOCK(surface)) SDL_LockSurface(surface);
    const bool written = write_rows(surface, &png, reason);
    if (SDL_MUSTLOCK(surface)) SDL_UnlockSurface(surface);
    if (!written) return failure({}, std::string("cannot encode PNG: ") + reason);
    return png;
}

} // namespace affiche
