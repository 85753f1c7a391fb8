// Reading a deck's files into memory, and SDL streams over them.
#include "platform/asset_bytes.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

namespace affiche {

namespace {
bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) return false;
    out = std::move(s).str();
    return true;
}
} // namespace

const std::string* AssetBytes::find(const std::string& path) const {
    auto it = files.find(path);
    return it == files.end() ? nullptr : &it->second;
}

std::shared_ptr<const AssetBytes> read_assets(const Deck& deck, std::size_t max_total) {
    auto assets = std::make_shared<AssetBytes>();
    auto add = [&](const std::string& path) {
        if (path.empty() || assets->files.count(path)) return;
        std::string bytes;
        if (!read_file(path, bytes) || assets->total + bytes.size() > max_total) return;
        assets->total += bytes.size();
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

SDL_RWops* open_asset(const AssetBytes* assets, const std::string& path) {
    if (assets) {
        if (const std::string* bytes = assets->find(path)) {
            return SDL_RWFromConstMem(bytes->data(), static_cast<int>(bytes->size()));
        }
    }
    return SDL_RWFromFile(path.c_str(), "rb");
}

} // namespace affiche
