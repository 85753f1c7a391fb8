// Layout of the preview's errors panel: header, wrapped diagnostics, and a count of the rest.
#include "layout/error_overlay.hpp"

#include "base/i18n.hpp"
#include "layout/slide_text.hpp"

#include <algorithm>

namespace affiche {

namespace {

// Sizes as fractions of the screen's height: text a little smaller than a slide's body, as the
// editor sits at a laptop, not 4 m away.
constexpr double margin_share = 0.03;
constexpr double padding_share = 0.025;
constexpr double header_share = 0.042;
constexpr double line_share = 0.03;
constexpr double stripe_share = 0.008;
constexpr int min_text_px = 12; // below this no screen reads it

struct Block {
    Paragraph p;
    FontSpec font;
    Color color;
    int ascent = 0;
};

Block block(const std::string& text, FontSpec font, Color color, int width, const TextMeasurer& m) {
    Block b{layout_paragraph(text, font, width, m), font, color, 0};
    b.ascent = settle_fonts(b.p, font, m);
    return b;
}

std::string header_text(std::size_t n) {
    return format_text(trn("{1} error in the slides: the screen keeps the last good version "
                           "until it is fixed",
                           "{1} errors in the slides: the screen keeps the last good version "
                           "until they are fixed",
                           n),
                       {std::to_string(n)});
}

} // namespace

DrawList layout_error_overlay(const std::vector<std::string>& errors, Size screen,
                              const TextMeasurer& m, const std::string& header) {
    DrawList out;
    if (errors.empty()) return out;
    const int margin = static_cast<int>(screen.h * margin_share);
    const int pad = std::max(4, static_cast<int>(screen.h * padding_share));
    const int stripe = std::max(3, static_cast<int>(screen.h * stripe_share));
    const FontSpec header_font{FontRole::bold,
                               std::max(min_text_px, static_cast<int>(screen.h * header_share))};
    const FontSpec line_font{FontRole::regular,
                             std::max(min_text_px, static_cast<int>(screen.h * line_share))};
    const Rect panel_max{margin, margin, screen.w - 2 * margin, screen.h - 2 * margin};
    const int text_x = panel_max.x + stripe + pad;
    const int text_w = panel_max.right() - pad - text_x;
    const int bottom = panel_max.bottom() - pad;

    std::vector<Block> blocks{block(header.empty() ? header_text(errors.size()) : header,
                                    header_font, error_panel_header, text_w, m)};
    int y = panel_max.y + pad + blocks[0].p.height() + pad / 2;
    const int more_h = m.line_height(line_font);
    const int gap = line_font.size_px / 3; // between two errors, px
    std::size_t shown = 0;
    for (; shown < errors.size(); ++shown) {
        Block b = block(errors[shown], line_font, error_panel_text, text_w, m);
        const bool last = shown + 1 == errors.size();
        if (y + b.p.height() + (last ? 0 : more_h) > bottom) break;
        y += b.p.height() + gap;
        blocks.push_back(std::move(b));
    }
    if (shown < errors.size()) {
        const std::size_t left = errors.size() - shown;
        blocks.push_back(block(
            format_text(trn("... and {1} more", "... and {1} more", left), {std::to_string(left)}),
            line_font, error_panel_header, text_w, m));
        y += blocks.back().p.height();
    }
    const Rect panel{panel_max.x, panel_max.y, panel_max.w,
                     std::min(panel_max.h, y + pad - panel_max.y)};
    out.items.push_back(DrawRect{panel, error_panel_fill, 0});
    out.items.push_back(DrawRect{Rect{panel.x, panel.y, stripe, panel.h}, error_panel_stripe, 0});
    const Rect box{text_x, panel.y, text_w, panel.h};
    int at = panel.y + pad;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block& b = blocks[i];
        emit_paragraph(out, b.p, b.font, b.color, box, 0, false, at, b.ascent, m);
        at += b.p.height() + (i == 0 ? pad / 2 : gap);
    }
    return out;
}

Rect error_overlay_area(const DrawList& list) {
    if (list.items.empty()) return {};
    const auto* r = std::get_if<DrawRect>(&list.items.front());
    return r ? r->rect : Rect{};
}

} // namespace affiche
