// Font faces by role and pixel size (SDL_ttf), and the TextMeasurer built on TTF_SizeUTF8.
#pragma once

#include "deck/deck.hpp"
#include "platform/asset_bytes.hpp"
#include "platform/log.hpp"
#include "platform/sdl_handles.hpp"
#include "text/text_layout.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace affiche {

// True when two themes name the same font files: a FontCache (and the widths measured with it)
// made for one serves the other.
inline bool same_fonts(const Theme& a, const Theme& b) {
    return a.font_path == b.font_path && a.font_bold_path == b.font_bold_path &&
           a.font_arabic_path == b.font_arabic_path &&
           a.font_arabic_bold_path == b.font_arabic_bold_path;
}

// Opens each (role, size) once. A theme font that is missing or broken falls back to a system
// font, and problems() says so.
class FontCache {
  public:
    // Fonts are opened from assets when it holds them (the deck plays on if its folder goes).
    explicit FontCache(const Theme& theme, std::shared_ptr<const AssetBytes> assets = nullptr);
    // A face for spec, already set to the direction asked for; nullptr only if no font at all.
    TTF_Font* get(FontSpec spec, bool rtl);
    // Fonts that could not be opened, as warnings naming the file (the deck still plays).
    const Diagnostics& problems() const { return problems_; }

  private:
    TTF_Font* open(const std::string& path, int size_px) const;
    std::shared_ptr<const AssetBytes> assets_;
    std::map<std::pair<int, int>, FontPtr> open_;
    std::string paths_[font_role_count];
    Diagnostics problems_;
    LogOnce log_;
};

// Widths are remembered per font, size, direction and text: fitting a slide lays the same words
// and lines out at the same sizes many times (image shares, title ratios, two screens).
class TtfMeasurer final : public TextMeasurer {
  public:
    explicit TtfMeasurer(FontCache& fonts) : fonts_(fonts) {}
    int width(std::string_view utf8, FontSpec font, bool rtl) const override;
    int line_height(FontSpec font) const override;
    int cap_height(FontSpec font) const override;
    int ascent(FontSpec font) const override;

  private:
    int measure(std::string_view utf8, FontSpec font, bool rtl) const;
    // Memory bound of the width cache: it is emptied when its keys pass this many bytes.
    static constexpr std::size_t max_cached_bytes = std::size_t{4} << 20;

    FontCache& fonts_;
    mutable std::unordered_map<std::string, int> widths_; // key: text, then size, role, rtl
    mutable std::size_t cached_bytes_ = 0;
};

} // namespace affiche
