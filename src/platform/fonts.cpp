// Font cache with system fallbacks, and text measuring through SDL_ttf/HarfBuzz.
#include "platform/fonts.hpp"

#include "base/i18n.hpp"

#include <algorithm>
#include <filesystem>

namespace affiche {

namespace {
// Debian's fonts-dejavu-core and fonts-noto-core: used when the theme's font cannot be opened.
const char* const system_fonts[font_role_count] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf",
};
constexpr std::size_t max_open_faces = 48; // enough for fitting a slide; bounded for months

} // namespace

TTF_Font* FontCache::open(const std::string& path, int size_px) const {
    if (path.empty()) return nullptr;
    SDL_RWops* rw = open_asset(assets_.get(), path);
    return rw ? TTF_OpenFontRW(rw, 1, size_px) : nullptr;
}

FontCache::FontCache(const Theme& theme, std::shared_ptr<const AssetBytes> assets)
    : assets_(std::move(assets)) {
    auto can_open = [this](const std::string& path) { return FontPtr(open(path, 16)) != nullptr; };
    const std::string wanted[font_role_count] = {
        theme.font_path, theme.font_bold_path, theme.font_arabic_path, theme.font_arabic_bold_path};
    for (int i = 0; i < font_role_count; ++i) {
        if (can_open(wanted[i])) {
            paths_[i] = wanted[i];
            continue;
        }
        const std::string why = TTF_GetError(); // before the fallback's attempt replaces it
        std::string fallback = system_fonts[i];
        if (!can_open(fallback)) fallback = i >= 2 ? paths_[0] : system_fonts[0];
        if (!wanted[i].empty()) {
            Diagnostic d{Severity::warning,
                         {wanted[i], 0, 0},
                         trf("cannot open font ({1}); using {2}", {why, fallback}),
                         tr("the file is damaged: copy it again, or name another font")};
            problems_.push_back(std::move(d)); // the caller logs or prints it
        }
        paths_[i] = fallback;
    }
}

TTF_Font* FontCache::get(FontSpec spec, bool rtl) {
    const auto key = std::make_pair(static_cast<int>(spec.role), spec.size_px);
    auto it = open_.find(key);
    if (it == open_.end()) {
        if (open_.size() >= max_open_faces) open_.clear(); // faces are only used within a call
        FontPtr font(open(paths_[static_cast<int>(spec.role)], spec.size_px));
        if (!font) {
            log_.error("cannot open font " + paths_[static_cast<int>(spec.role)] + ": " +
                       TTF_GetError());
            return nullptr;
        }
        it = open_.emplace(key, std::move(font)).first;
    }
    TTF_Font* f = it->second.get();
    // Direction and script choose HarfBuzz's shaping; they do not flush the glyph cache.
    TTF_SetFontDirection(f, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, is_arabic_role(spec.role) ? "Arab" : "Latn");
    return f;
}

int TtfMeasurer::width(std::string_view utf8, FontSpec font, bool rtl) const {
    std::string key(utf8);
    key += '\0';
    key += std::to_string(font.size_px);
    key += {static_cast<char>(font.role), static_cast<char>(rtl)};
    if (const auto it = widths_.find(key); it != widths_.end()) return it->second;
    const int w = measure(utf8, font, rtl);
    if (cached_bytes_ + key.size() > max_cached_bytes) {
        widths_.clear();
        cached_bytes_ = 0;
    }
    cached_bytes_ += key.size();
    widths_.emplace(std::move(key), w);
    return w;
}

int TtfMeasurer::measure(std::string_view utf8, FontSpec font, bool rtl) const {
    TTF_Font* f = fonts_.get(font, rtl);
    if (!f || utf8.empty()) return 0;
    const std::string text(utf8);
    int w = 0;
    int h = 0;
    if (TTF_SizeUTF8(f, text.c_str(), &w, &h) != 0) return 0;
    return w;
}

int TtfMeasurer::line_height(FontSpec font) const {
    TTF_Font* f = fonts_.get(font, false);
    if (!f) return font.size_px;
    // Noto Sans Arabic's own line spacing (about 1.7 em) leaves holes between lines; 1.5 em
    // still clears its marks above and below.
    if (is_arabic_role(font.role)) return std::min(TTF_FontLineSkip(f), font.size_px * 3 / 2);
    return TTF_FontLineSkip(f);
}

int TtfMeasurer::ascent(FontSpec font) const {
    TTF_Font* f = fonts_.get(font, false);
    return f ? TTF_FontAscent(f) : font.size_px * 4 / 5;
}

int TtfMeasurer::cap_height(FontSpec font) const {
    TTF_Font* f = fonts_.get(
        {is_arabic_role(font.role) ? FontRole::regular : font.role, font.size_px}, false);
    int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
    if (!f || TTF_GlyphMetrics32(f, 'H', &minx, &maxx, &miny, &maxy, &advance) != 0) {
        return font.size_px * 7 / 10;
    }
    return maxy;
}

} // namespace affiche
