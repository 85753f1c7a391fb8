// PNG and JPEG encoding into a string through an append-only SDL stream; bilinear surface copies.
#include "platform/image_encode.hpp"

#include "platform/png_encoder.hpp"

#include <SDL_image.h>

namespace affiche {

namespace {
// An SDL stream that appends what is written to a string (SDL 2.26 has no growable memory stream).
Sint64 string_size(SDL_RWops* rw) {
    return static_cast<Sint64>(static_cast<std::string*>(rw->hidden.unknown.data1)->size());
}
Sint64 string_seek(SDL_RWops* rw, Sint64 offset, int whence) {
    // Only "where am I" is needed by the PNG and JPEG writers; the stream is append-only.
    return whence == RW_SEEK_CUR && offset == 0 ? string_size(rw) : -1;
}
size_t string_write(SDL_RWops* rw, const void* data, size_t size, size_t count) {
    static_cast<std::string*>(rw->hidden.unknown.data1)
        ->append(static_cast<const char*>(data), size * count);
    return count;
}
int string_close(SDL_RWops* rw) {
    SDL_FreeRW(rw);
    return 0;
}

// A stream writing into out, closed (freed) by the SDL_image writer it is given to (freedst 1).
SDL_RWops* string_stream(std::string& out) {
    SDL_RWops* rw = SDL_AllocRW();
    if (!rw) return nullptr;
    rw->size = string_size;
    rw->seek = string_seek;
    rw->write = string_write;
    rw->close = string_close;
    rw->hidden.unknown.data1 = &out;
    return rw;
}
} // namespace

// One PNG writer for every opaque picture: platform/png_encoder (libpng, RGB, one row filter).
Result<std::string> encode_surface_png(SDL_Surface* surface) {
    return encode_opaque_png(surface);
}

Result<std::string> encode_surface_jpeg(SDL_Surface* surface, int quality) {
    std::string jpeg;
    SDL_RWops* rw = string_stream(jpeg);
    if (!rw || IMG_SaveJPG_RW(surface, rw, 1, quality) != 0)
        return failure({}, std::string("cannot encode JPEG: ") +
                               (rw ? IMG_GetError() : SDL_GetError()));
    return jpeg;
}

Result<SurfacePtr> resized_surface(SDL_Surface* surface, Size size) {
    SurfacePtr out(SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, surface->format->format));
    if (!out || SDL_SoftStretchLinear(surface, nullptr, out.get(), nullptr) != 0)
        return failure({}, std::string("cannot shrink the picture: ") + SDL_GetError());
    return out;
}

} // namespace affiche
