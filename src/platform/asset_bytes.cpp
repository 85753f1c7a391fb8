// The deck's held file bytes, and SDL streams over them.
#include "platform/asset_bytes.hpp"

#include "base/file_read.hpp"

#include <algorithm>
#include <cstdio>

namespace affiche {

const std::string* AssetBytes::find(const std::string& path) const {
    auto it = files.find(path);
    return it == files.end() ? nullptr : it->second.get();
}

bool same_assets(const AssetBytes& a, const AssetBytes& b) {
    if (a.total != b.total || a.files.size() != b.files.size()) return false;
    for (auto x = a.files.begin(), y = b.files.begin(); x != a.files.end(); ++x, ++y) {
        if (x->first != y->first) return false;
        if (x->second != y->second && (!x->second || !y->second || *x->second != *y->second))
            return false;
    }
    return true;
}

std::shared_ptr<const AssetBytes> assets_from(const Deck& deck, const ContentSnapshot& content) {
    auto assets = std::make_shared<AssetBytes>();
    auto add = [&](const std::string& path) {
        if (path.empty() || assets->files.count(path)) return;
        auto bytes = content.held(path);
        if (!bytes) return;
        assets->total += bytes->size();
        assets->files.emplace(path, std::move(bytes));
    };
    add(deck.theme.font_path);
    add(deck.theme.font_bold_path);
    add(deck.theme.font_arabic_path);
    add(deck.theme.font_arabic_bold_path);
    for (int index : deck.play_order)
        add(deck.slides[static_cast<std::size_t>(index)].image_path);
    return assets;
}

std::optional<ImageHeader> asset_image_header(const AssetBytes* assets, const std::string& path) {
    if (const std::string* held = assets ? assets->find(path) : nullptr) {
        return parse_image_header(*held);
    }
    // Past the snapshot's memory budget: the file is read again, whole (within the limit), as
    // the decoder will read it anyway.
    const FileBytes file = read_regular_file(path, max_image_bytes);
    if (!file.ok()) return std::nullopt;
    return parse_image_header(file.bytes);
}

SDL_RWops* open_asset(const AssetBytes* assets, const std::string& path) {
    if (assets) {
        if (const std::string* bytes = assets->find(path)) {
            return SDL_RWFromConstMem(bytes->data(), static_cast<int>(bytes->size()));
        }
    }
    OpenedFile file = open_regular_file(path, std::max(max_image_bytes, max_font_bytes));
    if (!file.ok()) {
        SDL_SetError("%s: %s", path.c_str(), file.reason.c_str());
        return nullptr;
    }
    FILE* stream = fdopen(file.fd.get(), "rb");
    if (!stream) {
        SDL_SetError("%s: cannot open", path.c_str());
        return nullptr;
    }
    file.fd.release(); // the FILE owns it now, and SDL the FILE (autoclose)
    SDL_RWops* rw = SDL_RWFromFP(stream, SDL_TRUE);
    if (!rw) std::fclose(stream);
    return rw;
}

} // namespace affiche
