// Overlay layout under the content: footer, position dots, clock and progress bar, sized from the
// screen's short side and kept inside the TV-safe area.
#include "layout/slide_overlays.hpp"

#include "layout/layout_units.hpp"
#include "layout/slide_layout.hpp"
#include "layout/slide_text.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>

namespace affiche {

namespace {

// Fractions of the screen's short side.
constexpr double overlay_text = 0.034;   // footer and clock text size
constexpr double progress_thick = 0.006; // progress bar thickness
constexpr double dot_radius = 0.0065;    // position dot
constexpr double dot_current = 0.0105;   // the current slide's dot
constexpr double dot_step = 0.03;        // centre to centre within a section
constexpr double dot_group_gap = 0.03;   // extra space between sections
constexpr const char* widest_time = "00:00";

// Footer, clock and dots share a row; the progress bar alone needs none.
bool has_overlay_row(const Overlays& o) {
    return o.footer || o.clock || o.position;
}

// The dots, or none when they are wider than max_width: a deck too long for one row of dots
// would push them off the screen, and stopping there keeps each slide's layout independent of
// the deck's length (50,000 slides do not lay out 50,000 dots each).
DotRow dot_row(const Deck& deck, int unit, int max_width) {
    DotRow row;
    const int edge = px(dot_current, unit); // the current dot's radius fits at both ends
    int x = edge;
    std::string_view section;
    bool first = true;
    for (std::size_t i = 0; i < deck.play_order.size(); ++i) {
        const auto& s = deck.slides[static_cast<std::size_t>(deck.play_order[i])];
        if (s.announcement) { // the announcement's slots have no dot
            row.centres.push_back(-1);
            continue;
        }
        if (!first) x += px(dot_step, unit) + (s.section != section ? px(dot_group_gap, unit) : 0);
        first = false;
        section = s.section;
        if (x + edge > max_width) return {};
        row.centres.push_back(x);
    }
    row.width = x + edge;
    return row;
}

// The footer's width (px, with the gap after it) on the row, shrinking its font into the room
// the clock leaves.
int fit_footer(BottomRows& r, const Overlays& o, std::string_view text, int room,
               const TextMeasurer& m) {
    if (!o.footer || text.empty()) return 0;
    int w = m.width(text, {FontRole::regular, r.text_px}, false);
    if (w > room && w > 0) {
        r.footer_px = std::max(smallest_text_px, r.text_px * room / w);
        w = m.width(text, {FontRole::regular, r.footer_px}, false);
    }
    return w + r.text_px;
}

// Places the dots between footer and clock, centred when they can be; returns false when they
// need a row of their own (then they are centred on it).
bool place_dots(BottomRows& r, Rect safe, int left, int right) {
    const int w = r.dots.width;
    const int centred = safe.x + (safe.w - w) / 2;
    if (centred >= left && centred + w <= right) {
        r.dots_x = centred;
    } else if (w <= right - left) {
        r.dots_x = left + (right - left - w) / 2;
    } else {
        r.dots_x = centred;
        return false;
    }
    return true;
}

} // namespace

BottomRows bottom_rows(const Deck& deck, Size screen, const TextMeasurer& m, BurnInShift shift,
                       std::string_view lang) {
    BottomRows r;
    const Overlays& o = deck.overlays;
    if (!has_overlay_row(o) && !o.progress) return r;
    const int unit = unit_of(screen);
    const Rect safe = burn_in_area(safe_area_of(deck.theme, screen), deck.burn_in, shift);
    r.area = safe;
    r.text_px = px(overlay_text, unit);
    r.footer_px = r.text_px;
    const FontSpec font{FontRole::regular, r.text_px};
    r.row_h = has_overlay_row(o) ? m.line_height(font) : 0;
    const int progress = o.progress ? px(progress_thick, unit) * 3 : 0;
    r.row_y = safe.bottom() - progress - r.row_h;
    const int clock_w = o.clock ? m.width(widest_time, font, false) + r.text_px : 0;
    const int footer_w = fit_footer(r, o, o.footer_for(lang), safe.w - clock_w, m);
    bool two_rows = false;
    if (o.position) {
        r.dots = dot_row(deck, unit, safe.w);
        if (!r.dots.centres.empty())
            two_rows = !place_dots(r, safe, safe.x + footer_w, safe.right() - clock_w);
        r.dots_cy = (two_rows ? r.row_y - r.row_h : r.row_y) + r.row_h / 2;
    }
    // The rows rest the margin higher and may move up by the margin again: that drift takes at
    // most half the gap above them (4 px of 24 at 1080p), so the content keeps its size; a large
    // amplitude takes the rest from the content.
    const int gap = px(overlay_gap, unit);
    const int drift = 2 * burn_in_margin(deck.burn_in);
    r.total = gap + r.row_h * (two_rows ? 2 : 1) + progress + std::max(0, drift - gap / 2);
    r.clear_above = std::max(0, gap + std::max(0, drift - gap / 2) - drift);
    return r;
}

void emit_footer(DrawList& out, const Deck& deck, const BottomRows& rows, const TextMeasurer& m,
                 std::string_view lang) {
    const Rect area = rows.area;
    const Overlays& o = deck.overlays;
    const std::string& text = o.footer_for(lang);
    if (!o.footer || text.empty() || rows.row_h <= 0) return;
    const FontSpec font{FontRole::regular, rows.footer_px};
    // One line: the footer was shrunk to fit the row, so a wide box never breaks it.
    Paragraph p = layout_paragraph(text, font, area.w * 4, m);
    const int ascent = settle_fonts(p, font, m);
    // On the Latin text's baseline, the clock's: an Arabic footer's taller font would otherwise
    // sit lower than the clock, against the progress bar.
    const int baseline = rows.row_y + (rows.row_h - m.line_height(font)) / 2 + m.ascent(font);
    const int y = baseline - ascent;
    if (p.lines.empty()) return;
    emit_paragraph(out, Paragraph{{p.lines.front()}, false, p.line_height}, font, deck.theme.muted,
                   area, 0, false, y, ascent, m);
}

void emit_dots(DrawList& out, const Deck& deck, int play_index, const BottomRows& rows,
               Size screen) {
    const int unit = unit_of(screen);
    for (std::size_t i = 0; i < rows.dots.centres.size(); ++i) {
        if (rows.dots.centres[i] < 0) continue; // an announcement slot
        const int x = rows.dots_x + rows.dots.centres[i];
        const bool current = static_cast<int>(i) == play_index;
        const int r = px(current ? dot_current : dot_radius, unit);
        Color c = current ? deck.theme.accent : deck.theme.muted;
        if (!current) c.a = 0x99;
        out.items.push_back(DrawRect{{x - r, rows.dots_cy - r, 2 * r, 2 * r}, c, r});
    }
}

Rect live_overlays_area(const Deck& deck, Size screen, const TextMeasurer& m) {
    const Overlays& o = deck.overlays;
    if (!o.progress && !o.clock) return {};
    // Every burn-in shift's area at once: the rest position's, grown by the margin.
    const int margin = burn_in_margin(deck.burn_in);
    const BottomRows rows = bottom_rows(deck, screen, m);
    const Rect safe = {rows.area.x - margin, rows.area.y - margin, rows.area.w + 2 * margin,
                       rows.area.h + 2 * margin};
    // Digits differ in width: leave room for the widest time, "00:00" and a half more.
    const int clock_w =
        o.clock ? m.width(widest_time, {FontRole::regular, rows.text_px}, false) * 3 / 2 : 0;
    const int top =
        (o.clock ? rows.row_y : rows.area.bottom() - px(progress_thick, unit_of(screen))) - margin;
    const int left = o.progress ? safe.x : safe.right() - clock_w;
    return {left, top, safe.right() - left, safe.bottom() - top};
}

DrawList layout_live_overlays(const Deck& deck, Size screen, const TextMeasurer& m,
                              std::string_view clock_text, double progress, BurnInShift shift) {
    DrawList out;
    const Theme& theme = deck.theme;
    const Rect safe = burn_in_area(safe_area_of(theme, screen), deck.burn_in, shift);
    const Overlays& o = deck.overlays;
    const int thick = px(progress_thick, unit_of(screen));
    if (o.progress) {
        const int y = safe.bottom() - thick;
        Color track = theme.muted;
        track.a = 0x40;
        out.items.push_back(DrawRect{{safe.x, y, safe.w, thick}, track, thick / 2});
        const int w = static_cast<int>(std::lround(std::clamp(progress, 0.0, 1.0) * safe.w));
        if (w > 0) out.items.push_back(DrawRect{{safe.x, y, w, thick}, theme.accent, thick / 2});
    }
    if (o.clock && !clock_text.empty()) {
        const BottomRows rows = bottom_rows(deck, screen, m, shift);
        const FontSpec font{FontRole::regular, rows.text_px};
        const int w = m.width(clock_text, font, false);
        out.items.push_back(DrawText{std::string(clock_text), font, theme.muted, safe.right() - w,
                                     rows.row_y, w, m.line_height(font), false});
    }
    return out;
}

} // namespace affiche
