// Full decoding of a deck's images, away from the render loop.
#include "platform/image_check.hpp"

#include "core/image_header.hpp"
#include "platform/sdl_handles.hpp"

#include <SDL_image.h>

#include <set>

namespace affiche {

Diagnostics decode_check(const Deck& deck) {
    Diagnostics out;
    std::set<std::string> done;
    for (int index : deck.play_order) {
        const Slide& slide = deck.slides[static_cast<std::size_t>(index)];
        if (slide.image_path.empty() || !done.insert(slide.image_path).second) continue;
        const auto header = read_image_header(slide.image_path);
        if (!header || !within_decode_limits(*header)) continue; // the loader reported it
        SurfacePtr s;
        if (header->format == ImageFormat::svg) {
            // Rasterise small: this checks the file parses, not how it looks.
            SDL_RWops* rw = SDL_RWFromFile(slide.image_path.c_str(), "rb");
            if (rw) s.reset(IMG_LoadSizedSVG_RW(rw, 64, 64));
            if (rw) SDL_RWclose(rw);
        } else {
            s.reset(IMG_Load(slide.image_path.c_str()));
        }
        if (!s) {
            out.push_back({Severity::error, slide.image_loc,
                           "image '" + slide.image + "' cannot be decoded: " + IMG_GetError(),
                           "the file is damaged or incomplete: export or copy it again"});
        }
    }
    return out;
}

} // namespace affiche
