// Decodes slide images (PNG, JPEG, WebP, SVG) safely: header size checked before decoding,
// failures logged once, large pictures shrunk on the CPU to the size they are drawn at.
#pragma once

#include "base/geometry.hpp"
#include "platform/asset_bytes.hpp"
#include "platform/log.hpp"
#include "platform/sdl_handles.hpp"

#include <map>
#include <optional>
#include <string>

namespace affiche {

class ImageStore {
  public:
    explicit ImageStore(std::shared_ptr<const AssetBytes> assets = nullptr)
        : assets_(std::move(assets)) {}
    // Decodes path (or finds it already decoded) and returns its pixel size, or nullopt when the
    // image cannot be shown (missing, corrupt, over the decode limits): one warning per path.
    std::optional<Size> prepare(const std::string& path);
    // A texture of the image scaled to size (never above max_side), for the renderer.
    TexturePtr texture(SDL_Renderer* renderer, const std::string& path, Size size, int max_side);
    // The pixel size prepare() gives, remembered after release() (the same bytes always give
    // the same answer): a check that lays slides out again and again decodes each image once.
    std::optional<Size> size_of(const std::string& path);
    // Drops decoded pixels; call after a slide is composed so memory stays flat.
    void release() { decoded_.clear(); }

  private:
    void warn(const std::string& path, std::string message);
    struct Decoded {
        SurfacePtr surface; // 32-bit ARGB
        bool svg = false;
    };
    std::shared_ptr<const AssetBytes> assets_;
    std::map<std::string, Decoded> decoded_;
    std::map<std::string, std::optional<Size>> sizes_;
    LogOnce log_;
};

} // namespace affiche
