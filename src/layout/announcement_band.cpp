// The announcement band: colours from the theme, size from the 4 m rule, place above the footer.
#include "layout/announcement_band.hpp"

#include "layout/layout_units.hpp"
#include "layout/slide_overlays.hpp"
#include "layout/slide_text.hpp"

#include <algorithm>
#include <cmath>

namespace affiche {

namespace {

constexpr Color black{0, 0, 0, 255};
constexpr Color white{255, 255, 255, 255};

Color opaque(Color c) {
    c.a = 255;
    return c;
}

// The top of what the overlay rows draw (footer, clock, dots, progress bar) at their rest, or
// the bottom of the overlays' area when there are none.
int rows_top(const BottomRows& rows, Rect area) {
    if (rows.total <= 0) return area.bottom();
    int top = rows.row_y;
    if (!rows.dots.centres.empty()) top = std::min(top, rows.dots_cy - rows.row_h / 2);
    return top;
}

// The smallest size of role whose capitals reach cap_px.
FontSpec font_for_cap(FontRole role, int cap_px, const TextMeasurer& m) {
    FontSpec f{role, std::max(smallest_text_px, cap_px)};
    // Capitals are about 0.7 of the size: start below, then grow a pixel at a time.
    f.size_px = std::max(smallest_text_px, cap_px * 5 / 4);
    while (m.cap_height(f) < cap_px && f.size_px < cap_px * 4)
        ++f.size_px;
    return f;
}

} // namespace

BandColors band_colors(const Theme& theme) {
    const Color background = opaque(theme.background);
    const Color fills[] = {opaque(theme.accent), opaque(theme.text), opaque(theme.muted)};
    const Color texts[] = {background, opaque(theme.text), black, white};
    for (const Color fill : fills) {
        if (fill == background) continue; // a band must stand out from the slide
        for (const Color text : texts) {
            if (contrast_ratio(fill, text) >= band_min_contrast) return {fill, text};
        }
    }
    return {black, white};
}

std::optional<AnnouncementBand> plan_band(const Deck& deck, std::string_view text, Size screen,
                                          const TextMeasurer& m, std::string_view lang) {
    if (text.empty()) return std::nullopt;
    AnnouncementBand b;
    b.colors = band_colors(deck.theme);
    const Rect area = burn_in_area(safe_area_of(deck.theme, screen), deck.burn_in, {});
    const BottomRows rows = bottom_rows(deck, screen, m, {}, lang);
    const int gap = px(overlay_gap, unit_of(screen));
    const int cap = static_cast<int>(std::ceil(band_cap_height * band_cap_basis(screen)));
    b.font = font_for_cap(FontRole::bold, cap, m);
    b.cap_height_px = m.cap_height(b.font);
    b.pad_x = b.font.size_px / 2;
    b.pad_y = std::max(1, b.font.size_px / 4);
    b.text = layout_paragraph(text, b.font, area.w - 2 * b.pad_x, m);
    settle_fonts(b.text, b.font, m); // the tallest font's line height (Arabic's, in Arabic)
    // The baseline puts the capitals' middle on the line's middle: a font's own ascent (Noto
    // Sans Arabic's makes room for stacked marks) would sit the letters low in the band.
    b.ascent = (b.text.line_height + b.cap_height_px) / 2;
    const int bottom = rows_top(rows, area) - gap / 2;
    // Never above the overlays' area: the lines that do not fit are left out (only a portrait
    // screen with a long text comes near).
    const int room = bottom - area.y - 2 * b.pad_y;
    const int line_h = std::max(1, b.text.line_height);
    const auto fitting = static_cast<std::size_t>(std::max(1, room / line_h));
    if (b.text.lines.size() > fitting) b.text.lines.resize(fitting);
    const int h = b.text.height() + 2 * b.pad_y;
    b.rect = {area.x, std::max(area.y, bottom - h), area.w, h};
    b.content_bottom = b.rect.y - burn_in_margin(deck.burn_in) - gap;
    return b;
}

Rect band_rect(const AnnouncementBand& band, BurnInShift shift) {
    Rect r = band.rect;
    r.x += shift.dx;
    r.y += shift.dy;
    return r;
}

void emit_band(DrawList& out, const AnnouncementBand& band, BurnInShift shift,
               const TextMeasurer& m) {
    const Rect r = band_rect(band, shift);
    out.items.push_back(DrawRect{r, band.colors.fill, band.pad_y / 2});
    const Rect box{r.x + band.pad_x, r.y + band.pad_y, r.w - 2 * band.pad_x, band.text.height()};
    emit_paragraph(out, band.text, band.font, band.colors.text, box, 0, true, box.y, band.ascent,
                   m);
}

} // namespace affiche
