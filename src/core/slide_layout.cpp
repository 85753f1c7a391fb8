// Slide and overlay layout in screen units: everything scales with the screen's height, stays
// inside the TV-safe area, and text takes the largest size at which it fits its box.
#include "core/slide_layout.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace affiche {

namespace {

// Proportions, as fractions of the screen height unless said otherwise.
constexpr double overlay_text = 0.034;   // footer and clock text size
constexpr double overlay_gap = 0.022;    // space between the content and the overlay rows
constexpr double progress_thick = 0.006; // progress bar thickness
constexpr double dot_radius = 0.0065;    // position dot
constexpr double dot_current = 0.0105;   // the current slide's dot
constexpr double dot_step = 0.03;        // centre to centre within a section
constexpr double dot_group_gap = 0.03;   // extra space between sections
// The image's share of the content width (left, right) or height (top), largest first.
constexpr double image_shares[] = {0.40, 0.32, 0.24, 0.0};
constexpr double column_gap = 0.045; // between image and text, fraction of the width
constexpr double rule_thick = 0.006; // accent rule under the title
constexpr double rule_width = 0.09;  // its length, fraction of the width
constexpr int smallest_text_px = 6;  // fitting never goes below this

int px(double fraction, int total) {
    return std::max(1, static_cast<int>(std::lround(fraction * total)));
}

Rect safe_area_of(const Theme& theme, Size screen) {
    const int mx = static_cast<int>(std::lround(theme.margin * screen.w));
    const int my = static_cast<int>(std::lround(theme.margin * screen.h));
    return {mx, my, screen.w - 2 * mx, screen.h - 2 * my};
}

bool any_bottom_overlay(const Overlays& o) {
    return o.footer || o.clock || o.position || o.progress;
}

// Splits a body into paragraphs at blank lines.
std::vector<std::string> paragraphs_of(const std::string& body) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        std::string line = body.substr(start, end - start);
        const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
        if (blank) {
            if (!current.empty()) out.push_back(current);
            current.clear();
        } else {
            current += current.empty() ? line : "\n" + line;
        }
        start = end + 1;
    }
    if (!current.empty()) out.push_back(current);
    return out;
}

// One block of text laid out at one size: paragraphs or bullets, each with its left indent.
struct Block {
    Paragraph paragraph;
    FontSpec font;
    Color color;
    int indent = 0;       // px from the text box's start side
    int space_before = 0; // px
    bool bullet = false;
    int ascent = 0; // px from a line's top to the shared baseline
};

// A paragraph mixing fonts (Arabic and Latin) takes the tallest font's line height, and all its
// runs share one baseline. Returns that baseline's distance from the line's top.
int settle_fonts(Paragraph& p, FontSpec font, const TextMeasurer& m) {
    bool roles[font_role_count] = {};
    roles[static_cast<int>(font.role)] = true;
    for (const auto& line : p.lines) {
        for (const auto& run : line.runs)
            roles[static_cast<int>(run.role)] = true;
    }
    int ascent = 0;
    for (int r = 0; r < font_role_count; ++r) {
        if (!roles[r]) continue;
        const FontSpec f{static_cast<FontRole>(r), font.size_px};
        p.line_height = std::max(p.line_height, m.line_height(f));
        ascent = std::max(ascent, m.ascent(f));
    }
    return ascent;
}

struct TextPlan {
    std::vector<Block> blocks;
    int height = 0;
    bool fits = true;
    bool has_title = false;
    int title_bottom = 0; // y offset of the end of the title block (where the rule goes)
};

struct Sizes {
    int title = 0;
    int subtitle = 0;
    int body = 0;
};

// Title size over body size when room is short: titles give way before the body shrinks.
constexpr double compact_title_ratio = 1.15;

Sizes sizes_for(double ratio, int body_px) {
    return {std::max(smallest_text_px, static_cast<int>(std::lround(body_px * ratio))),
            std::max(smallest_text_px, static_cast<int>(std::lround(body_px * 0.92))), body_px};
}

TextPlan plan_text(const Slide& slide, const Theme& theme, Color text, Sizes sizes, Rect box,
                   const TextMeasurer& m) {
    TextPlan plan;
    auto add = [&](std::string_view s, FontSpec font, Color color, int indent, int space,
                   bool bullet) {
        Block b{layout_paragraph(s, font, box.w - indent, m), font, color, indent, space, bullet};
        if (b.paragraph.lines.empty()) return;
        b.ascent = settle_fonts(b.paragraph, font, m);
        // A word cut in two is as unreadable as text that overflows: try a smaller size.
        if (b.paragraph.widest() > box.w - indent || b.paragraph.broke_word) plan.fits = false;
        plan.height += (plan.blocks.empty() ? 0 : space) + b.paragraph.height();
        plan.blocks.push_back(std::move(b));
    };
    const FontSpec title_font{FontRole::bold, sizes.title};
    const FontSpec body_font{FontRole::regular, sizes.body};
    add(slide.title, title_font, theme.accent, 0, 0, false);
    plan.has_title = !plan.blocks.empty();
    add(slide.subtitle, {FontRole::regular, sizes.subtitle}, text, 0, sizes.subtitle / 3, false);
    plan.title_bottom = plan.height;
    const int rule_space = plan.has_title ? m.line_height(body_font) * 9 / 10 : 0;
    bool first_body = true;
    for (const auto& p : paragraphs_of(slide.body)) {
        add(p, body_font, text, 0, first_body ? rule_space : m.line_height(body_font) / 2, false);
        first_body = false;
    }
    const int indent = m.width("•", body_font, false) + sizes.body * 3 / 5;
    for (const auto& b : slide.bullets) {
        add(b, body_font, text, indent, first_body ? rule_space : m.line_height(body_font) * 2 / 5,
            true);
        first_body = false;
    }
    if (plan.height > box.h) plan.fits = false;
    return plan;
}

// Largest body size (px) at which the text fits box, searching down from the theme's size.
TextPlan fit_text(const Slide& slide, const Theme& theme, Color text, int screen_h, Rect box,
                  const TextMeasurer& m, int& body_px, double title_ratio) {
    int hi = std::max(smallest_text_px, px(theme.body_size, screen_h));
    TextPlan best = plan_text(slide, theme, text, sizes_for(title_ratio, hi), box, m);
    if (best.fits) {
        body_px = hi;
        return best;
    }
    int lo = smallest_text_px; // assumed to fit; checked below
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        TextPlan p = plan_text(slide, theme, text, sizes_for(title_ratio, mid), box, m);
        if (p.fits) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    body_px = lo;
    return plan_text(slide, theme, text, sizes_for(title_ratio, lo), box, m);
}

void emit_paragraph(DrawList& out, const Paragraph& p, FontSpec font, Color color, Rect box,
                    int indent, bool centred, int y, int ascent, const TextMeasurer& m) {
    for (const auto& line : p.lines) {
        int x = 0;
        if (centred) {
            x = box.x + (box.w - line.width) / 2;
        } else if (p.rtl) {
            x = box.right() - indent - line.width;
        } else {
            x = box.x + indent;
        }
        for (const auto& run : line.runs) {
            const FontSpec f{run.role, font.size_px};
            out.items.push_back(DrawText{run.text, f, color, x + run.x, y + ascent - m.ascent(f),
                                         run.width, p.line_height, run.rtl});
        }
        y += p.line_height;
    }
}

void emit_text(DrawList& out, const TextPlan& plan, const Theme& theme, Rect box, bool centred,
               const TextMeasurer& m) {
    int y = box.y + (box.h - plan.height) / 2;
    const int top = y;
    bool rule_done = false;
    for (std::size_t i = 0; i < plan.blocks.size(); ++i) {
        const Block& b = plan.blocks[i];
        if (i > 0) y += b.space_before;
        if (!rule_done && plan.has_title && y - top > plan.title_bottom) {
            // The accent rule sits in the space between the title block and the body.
            const int thick = std::max(2, b.paragraph.line_height / 14);
            const int w = std::min(box.w, std::max(thick * 8, b.paragraph.line_height * 2));
            // Below the middle of the gap: descenders of the title (Arabic ones are deep) clear it.
            const int rule_y = top + plan.title_bottom + b.space_before * 3 / 5 - thick / 2;
            const int rule_x = centred                        ? box.x + (box.w - w) / 2
                               : plan.blocks[0].paragraph.rtl ? box.right() - w
                                                              : box.x;
            out.items.push_back(DrawRect{{rule_x, rule_y, w, thick}, theme.accent, thick / 2});
            rule_done = true;
        }
        if (b.bullet) {
            const int mark_w = m.width("•", b.font, false);
            const int mark_x = b.paragraph.rtl ? box.right() - mark_w : box.x;
            out.items.push_back(DrawText{"•", b.font, theme.accent, mark_x,
                                         y + b.ascent - m.ascent(b.font), mark_w,
                                         b.paragraph.line_height, false});
        }
        emit_paragraph(out, b.paragraph, b.font, b.color, box, b.indent, centred, y, b.ascent, m);
        y += b.paragraph.height();
    }
}

// Where the rows under the content go: footer and clock on one row, the position dots between
// them or on a row of their own, and the progress bar at the bottom. Sizes follow the screen's
// short side, so a portrait screen gets the same overlay sizes as a landscape one.
struct BottomRows {
    int text_px = 0;   // clock font size
    int footer_px = 0; // footer font size: smaller when the footer text is long
    int row_h = 0;     // one overlay row's height
    int row_y = 0;     // top of the footer and clock row
    int dots_x = 0;    // left edge of the dots
    int dots_cy = 0;   // centre line of the dots
    int total = 0;     // everything below the content, including the gap above
};

int dots_width(const Deck& deck, int unit) {
    int w = 0;
    std::string section;
    for (std::size_t i = 0; i < deck.play_order.size(); ++i) {
        const auto& s = deck.slides[static_cast<std::size_t>(deck.play_order[i])];
        if (i > 0) w += px(dot_step, unit) + (s.section != section ? px(dot_group_gap, unit) : 0);
        section = s.section;
    }
    return w + 2 * px(dot_current, unit);
}

int unit_of(Size screen) {
    return std::min(screen.w, screen.h);
}

BottomRows bottom_rows(const Deck& deck, Size screen, const TextMeasurer& m) {
    BottomRows r;
    const Overlays& o = deck.overlays;
    if (!any_bottom_overlay(o)) return r;
    const int unit = unit_of(screen);
    const Rect safe = safe_area_of(deck.theme, screen);
    r.text_px = px(overlay_text, unit);
    r.footer_px = r.text_px;
    const FontSpec font{FontRole::regular, r.text_px};
    const bool has_row = o.footer || o.clock || o.position;
    r.row_h = has_row ? m.line_height(font) : 0;
    const int progress = o.progress ? px(progress_thick, unit) * 3 : 0;
    r.row_y = safe.bottom() - progress - r.row_h;
    const int gap = r.text_px;
    const int clock_w = o.clock ? m.width("00:00", font, false) + gap : 0;
    int footer_w = 0;
    if (o.footer && !o.footer_text.empty()) {
        footer_w = m.width(o.footer_text, font, false);
        const int room = safe.w - clock_w;
        if (footer_w > room && footer_w > 0) {
            r.footer_px = std::max(smallest_text_px, r.text_px * room / footer_w);
            footer_w = m.width(o.footer_text, {FontRole::regular, r.footer_px}, false);
        }
        footer_w += gap;
    }
    bool two_rows = false;
    if (o.position) {
        const int dots_w = dots_width(deck, unit);
        const int left = safe.x + footer_w;
        const int right = safe.right() - clock_w;
        const int centred = safe.x + (safe.w - dots_w) / 2;
        if (centred >= left && centred + dots_w <= right) {
            r.dots_x = centred;
        } else if (dots_w <= right - left) {
            r.dots_x = left + (right - left - dots_w) / 2;
        } else {
            two_rows = true;
            r.dots_x = centred;
        }
        r.dots_cy = (two_rows ? r.row_y - r.row_h : r.row_y) + r.row_h / 2;
    }
    r.total = px(overlay_gap, unit) + r.row_h * (two_rows ? 2 : 1) + progress;
    return r;
}

// Splits content between an image (returned) and the text (text_box) for left, right and top.
// A share of 0 gives all the room to the text and an empty image box.
Rect split_content(Rect content, ImagePosition where, double share, Size screen, Rect& text_box) {
    text_box = content;
    if (share <= 0) return {};
    Rect box = content;
    if (where == ImagePosition::top) {
        box.h = px(share, content.h);
        text_box.y = content.y + box.h + px(column_gap, screen.h);
        text_box.h = content.bottom() - text_box.y;
        return box;
    }
    const int gap = px(column_gap, screen.w);
    box.w = px(share, content.w);
    text_box.w = content.w - box.w - gap;
    if (where == ImagePosition::right) {
        box.x = content.right() - box.w;
    } else {
        text_box.x = content.x + box.w + gap;
    }
    return box;
}

} // namespace

SlideLayout layout_slide(const Deck& deck, int play_index, Size screen, const TextMeasurer& m,
                         std::optional<Size> image_size) {
    SlideLayout out;
    const Slide& slide = deck.shown(play_index);
    const Theme& theme = deck.theme;
    const Color background = slide.background.value_or(theme.background);
    const Color text = slide.text_color.value_or(theme.text);
    out.list.clear = background;
    out.list.items.push_back(DrawRect{{0, 0, screen.w, screen.h}, background, 0});
    out.safe_area = safe_area_of(theme, screen);

    const BottomRows rows = bottom_rows(deck, screen, m);
    Rect content = out.safe_area;
    content.h -= rows.total;

    const bool has_text = !slide.title.empty() || !slide.subtitle.empty() || !slide.body.empty() ||
                          !slide.bullets.empty();
    const bool has_image = image_size && image_size->w > 0 && image_size->h > 0;
    ImagePosition where = slide.image_position;
    if (screen.h > screen.w && (where == ImagePosition::left || where == ImagePosition::right)) {
        where = ImagePosition::top; // portrait screens stack the image above the text
    }
    if (!has_text && where != ImagePosition::background) where = ImagePosition::full;

    out.text_box = content;
    Rect box{}; // the image's box; w = 0 when no image is shown
    std::optional<TextPlan> plan;
    // Titles give way (compact ratio) only after the image has given all it can.
    const double ratios[] = {theme.title_size / theme.body_size, compact_title_ratio};
    auto fit = [&](Rect text_box, double ratio) {
        plan = fit_text(slide, theme, text, screen.h, text_box, m, out.body_size_px, ratio);
        out.cap_height_px = m.cap_height({FontRole::regular, out.body_size_px});
        out.readable = out.cap_height_px >= theme.min_cap_height * screen.h;
    };
    if (has_image && where == ImagePosition::background) {
        box = {0, 0, screen.w, screen.h};
    } else if (has_image && where == ImagePosition::full) {
        box = content;
        if (!slide.title.empty()) {
            // The title above a full image; body and bullets are not shown with "full".
            Slide title_only;
            title_only.title = slide.title;
            int title_px = 0;
            out.text_box.h = px(theme.title_size * 1.6, screen.h);
            TextPlan title = fit_text(title_only, theme, text, screen.h, out.text_box, m, title_px,
                                      theme.title_size / theme.body_size);
            out.text_box.h = title.height;
            emit_text(out.list, title, theme, out.text_box, true, m);
            box.y = out.text_box.bottom() + px(overlay_gap, screen.h);
            box.h = content.bottom() - box.y;
        }
    } else if (has_image) {
        // Beside or above the text: shrink the image, and drop it as a last resort, until the
        // text is large enough to read. The words matter more than the picture.
        bool done = false;
        for (const double ratio : ratios) {
            for (const double share : image_shares) {
                box = split_content(content, where, share, screen, out.text_box);
                if (has_text) fit(out.text_box, ratio);
                done = !has_text || out.readable;
                if (done) break;
            }
            if (done) break;
        }
    }
    if (box.w > 0 && box.h > 0) {
        out.image_box = where == ImagePosition::background ? cover(*image_size, box)
                                                           : fit_inside(*image_size, box);
        const Rect clip = where == ImagePosition::background ? Rect{0, 0, screen.w, screen.h} : box;
        out.list.items.push_back(DrawImage{slide.image_path, out.image_box, clip});
        if (where == ImagePosition::background) {
            // A veil of the background colour keeps the text readable over any picture.
            Color veil = background;
            veil.a = 0xC0;
            out.list.items.push_back(DrawRect{{0, 0, screen.w, screen.h}, veil, 0});
        }
    }
    if (has_text && !(box.w > 0 && where == ImagePosition::full)) {
        if (!plan) {
            for (const double ratio : ratios) {
                fit(out.text_box, ratio);
                if (out.readable) break;
            }
        }
        // Title and subtitle alone (an opening or closing slide) are centred, like a poster,
        // unless an image stands beside them.
        const bool beside =
            box.w > 0 && (where == ImagePosition::left || where == ImagePosition::right);
        const bool poster = slide.body.empty() && slide.bullets.empty() && !beside;
        emit_text(out.list, *plan, theme, out.text_box, poster, m);
    }

    // Static overlays: footer text and position dots.
    const Overlays& o = deck.overlays;
    const int unit = unit_of(screen);
    if (o.footer && !o.footer_text.empty() && rows.row_h > 0) {
        const FontSpec font{FontRole::regular, rows.footer_px};
        Paragraph p = layout_paragraph(o.footer_text, font, out.safe_area.w * 4, m);
        const int ascent = settle_fonts(p, font, m);
        const int y = rows.row_y + (rows.row_h - p.line_height) / 2;
        if (!p.lines.empty()) {
            emit_paragraph(out.list, Paragraph{{p.lines.front()}, false, p.line_height}, font,
                           theme.muted, out.safe_area, 0, false, y, ascent, m);
        }
    }
    if (o.position) {
        int x = rows.dots_x + px(dot_current, unit);
        std::string section;
        for (std::size_t i = 0; i < deck.play_order.size(); ++i) {
            const auto& s = deck.slides[static_cast<std::size_t>(deck.play_order[i])];
            if (i > 0)
                x += px(dot_step, unit) + (s.section != section ? px(dot_group_gap, unit) : 0);
            section = s.section;
            const bool current = static_cast<int>(i) == play_index;
            const int r = px(current ? dot_current : dot_radius, unit);
            Color c = current ? theme.accent : theme.muted;
            if (!current) c.a = 0x99;
            out.list.items.push_back(DrawRect{{x - r, rows.dots_cy - r, 2 * r, 2 * r}, c, r});
        }
    }
    return out;
}

Rect live_overlays_area(const Deck& deck, Size screen, const TextMeasurer& m) {
    const Overlays& o = deck.overlays;
    if (!o.progress && !o.clock) return {};
    const Rect safe = safe_area_of(deck.theme, screen);
    const BottomRows rows = bottom_rows(deck, screen, m);
    // Digits differ in width: leave room for the widest time, "00:00" and a half more.
    const int clock_w =
        o.clock ? m.width("00:00", {FontRole::regular, rows.text_px}, false) * 3 / 2 : 0;
    const int top = o.clock ? rows.row_y : safe.bottom() - px(progress_thick, unit_of(screen));
    const int left = o.progress ? safe.x : safe.right() - clock_w;
    return {left, top, safe.right() - left, safe.bottom() - top};
}

DrawList layout_live_overlays(const Deck& deck, Size screen, const TextMeasurer& m,
                              std::string_view clock_text, double progress) {
    DrawList out;
    const Theme& theme = deck.theme;
    const Rect safe = safe_area_of(theme, screen);
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
        const BottomRows rows = bottom_rows(deck, screen, m);
        const FontSpec font{FontRole::regular, rows.text_px};
        const int w = m.width(clock_text, font, false);
        const int y = rows.row_y;
        out.items.push_back(DrawText{std::string(clock_text), font, theme.muted, safe.right() - w,
                                     y, w, m.line_height(font), false});
    }
    return out;
}

} // namespace affiche
