// libFuzzer harness: layout_paragraph (line breaking, bidi runs) on arbitrary bytes, with a fake
// measurer whose widths add up, so that every line must fit unless a word was cut.
#include "base/utf8.hpp"
#include "text/text_layout.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

// Spaces and line ends: the layout drops them at the ends of lines, and only them.
bool is_blank(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) ||
           (cp >= 0x2008 && cp <= 0x200B) || cp == 0x205F || cp == 0x3000 || cp == U'\n' ||
           cp == U'\r' || cp == U'\v' || cp == U'\f' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

std::size_t visible_count(std::u32string_view text) {
    std::size_t n = 0;
    for (const char32_t cp : text)
        n += is_blank(cp) ? 0 : 1;
    return n;
}

// Width per code point from 0 to size_px (0 for some: zero-width characters exist).
class AdditiveMeasurer : public affiche::TextMeasurer {
  public:
    int width(std::string_view utf8, affiche::FontSpec font, bool) const override {
        int total = 0;
        for (const char32_t cp : affiche::decode_utf8(utf8))
            total += static_cast<int>(cp % 5) * font.size_px / 4;
        return total;
    }
    int line_height(affiche::FontSpec font) const override { return font.size_px; }
    int cap_height(affiche::FontSpec font) const override { return font.size_px / 2; }
};

} // namespace

// Input: 2 bytes of line width (signed, px), 1 byte of font size, then the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 3) return 0;
    const int max_width = static_cast<std::int16_t>(data[0] | data[1] << 8);
    const affiche::FontSpec font{affiche::FontRole::regular, 4 + data[2] % 60};
    const std::string_view text(reinterpret_cast<const char*>(data + 3), size - 3);
    const AdditiveMeasurer measurer;
    const affiche::Paragraph p = affiche::layout_paragraph(text, font, max_width, measurer);
    std::size_t visible = 0;
    for (const auto& line : p.lines) {
        // Widths add up, so a line is too wide only when it holds a cut word's single character.
        if (!p.broke_word && line.width > max_width) std::abort();
        int x = 0;
        for (const auto& run : line.runs) {
            if (run.text.empty() || run.x != x) std::abort();
            x += run.width;
            visible += visible_count(affiche::decode_utf8(run.text));
        }
        if (line.width != x) std::abort();
    }
    // No character lost or repeated: only blanks vanish, at the ends of lines.
    if (visible != visible_count(affiche::decode_utf8(text))) std::abort();
    return 0;
}
