// Full decoding of a deck's images, away from the render loop.
#include "platform/image_check.hpp"

#include "base/i18n.hpp"
#include "base/utf8.hpp"
#include "deck/image_header.hpp"
#include "platform/sdl_handles.hpp"

#include <SDL_image.h>

#include <set>

namespace affiche {

std::optional<std::string> decode_failure(std::string_view bytes, const ImageHeader& header) {
    if (header.format == ImageFormat::png && !png_complete(bytes))
        return tr("the PNG file is cut short");
    SurfacePtr s;
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (rw && header.format == ImageFormat::svg) {
        // Rasterise small: this checks the file parses, not how it looks.
        s.reset(IMG_LoadSizedSVG_RW(rw, 64, 64));
        SDL_RWclose(rw);
    } else if (rw) {
        s.reset(IMG_Load_RW(rw, 1));
    }
    if (!s) return std::string(IMG_GetError());
    return std::nullopt;
}

Diagnostics decode_check(const Deck& deck, ContentSnapshot& content) {
    Diagnostics out;
    std::set<std::string> done;
    for (int index : deck.play_order) {
        const Slide& slide = deck.slides[static_cast<std::size_t>(index)];
        if (slide.image_path.empty() || !done.insert(slide.image_path).second) continue;
        // Held bytes, or (past the memory budget) the file read again the same safe way.
        const SnapshotRead read = content.read(slide.image_path, FileKind::image);
        if (!read.ok()) continue; // the loader reported it
        const std::string& bytes = *read.bytes;
        const auto header = parse_image_header(bytes);
        if (!header || !within_decode_limits(*header)) continue; // the loader reported it
        if (const auto why = decode_failure(bytes, *header)) {
            out.push_back(
                {Severity::error, slide.image_loc,
                 trf("image '{1}' cannot be decoded: {2}", {printable(slide.image), *why}),
                 tr("the file is damaged or incomplete: export or copy it again")});
        }
    }
    return out;
}

} // namespace affiche
