// Which font face and size a run of text uses: what the text layout measures and the renderer
// draws.
#pragma once

namespace affiche {

// Which font face a text run uses.
enum class FontRole { regular, bold, arabic, arabic_bold };
inline constexpr int font_role_count = 4;
inline bool is_arabic_role(FontRole r) {
    return r == FontRole::arabic || r == FontRole::arabic_bold;
}

struct FontSpec {
    FontRole role = FontRole::regular;
    int size_px = 32; // SDL_ttf point size as pixels
    bool operator==(const FontSpec&) const = default;
};

} // namespace affiche
