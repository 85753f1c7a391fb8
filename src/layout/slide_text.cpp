// Text planning and drawing for slides: blocks at one size, the size search, and the DrawText
// items with the accent rule and bullet marks.
#include "layout/slide_text.hpp"

#include "layout/layout_units.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace affiche {

namespace {

constexpr double subtitle_ratio = 0.92; // subtitle size over body size
constexpr const char* bullet_mark = "•";

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

struct Sizes {
    int title = 0;    // px
    int subtitle = 0; // px
    int body = 0;     // px
};

Sizes sizes_for(double title_ratio, int body_px) {
    return {std::max(smallest_text_px, static_cast<int>(std::lround(body_px * title_ratio))),
            std::max(smallest_text_px, static_cast<int>(std::lround(body_px * subtitle_ratio))),
            body_px};
}

// Adds blocks one below the other to a plan, noting whether they fit the box.
class PlanBuilder {
  public:
    PlanBuilder(Rect box, const TextMeasurer& m) : box_(box), m_(m) {}

    // space: px above the block, unless it is the first.
    void add(std::string_view s, FontSpec font, Color color, int indent, int space, bool bullet) {
        TextBlock b{
            layout_paragraph(s, font, box_.w - indent, m_), font, color, indent, space, bullet};
        if (b.paragraph.lines.empty()) return;
        b.ascent = settle_fonts(b.paragraph, font, m_);
        // A word cut in two is as unreadable as text that overflows: try a smaller size.
        if (b.paragraph.widest() > box_.w - indent || b.paragraph.broke_word) plan_.fits = false;
        plan_.height += (plan_.blocks.empty() ? 0 : space) + b.paragraph.height();
        plan_.blocks.push_back(std::move(b));
    }

    // Title and subtitle; the accent rule goes in the space after them.
    void add_heading(std::string_view title, std::string_view subtitle, const Theme& theme,
                     Color text, Sizes sizes) {
        add(title, {FontRole::bold, sizes.title}, theme.accent, 0, 0, false);
        plan_.has_title = !plan_.blocks.empty();
        add(subtitle, {FontRole::regular, sizes.subtitle}, text, 0, sizes.subtitle / 3, false);
        plan_.title_bottom = plan_.height;
    }

    // Body paragraphs, then bullets indented by the mark's width and a gap.
    void add_body(const Slide& slide, Color text, Sizes sizes) {
        const FontSpec font{FontRole::regular, sizes.body};
        const int line = m_.line_height(font);
        const int rule_space = plan_.has_title ? line * 9 / 10 : 0;
        bool first = true;
        for (const auto& p : paragraphs_of(slide.body)) {
            add(p, font, text, 0, first ? rule_space : line / 2, false);
            first = false;
        }
        const int indent = m_.width(bullet_mark, font, false) + sizes.body * 3 / 5;
        for (const auto& b : slide.bullets) {
            add(b, font, text, indent, first ? rule_space : line * 2 / 5, true);
            first = false;
        }
    }

    // Keeps px free under the last line: text that fills its box would otherwise touch the
    // footer row (the position dots on a portrait screen).
    void keep_free_below(int px) { plan_.bottom_space = px; }

    TextPlan finish() {
        if (plan_.height + plan_.bottom_space > box_.h) plan_.fits = false;
        return std::move(plan_);
    }

  private:
    Rect box_;
    const TextMeasurer& m_;
    TextPlan plan_;
};

// Largest body size (px) whose plan fits, searching down from the theme's body size by halving.
template <class PlanAt> FittedText fit_body_size(const Theme& theme, int screen_h, PlanAt plan_at) {
    int hi = std::max(smallest_text_px, px(theme.body_size, screen_h));
    TextPlan best = plan_at(hi);
    if (best.fits) return {std::move(best), hi};
    int lo = smallest_text_px; // taken even when it does not fit: nothing smaller is readable
    while (hi - lo > 1) {
        const int mid = (lo + hi) / 2;
        if (plan_at(mid).fits) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return {plan_at(lo), lo};
}

// The accent rule between the title block (ending title_bottom px below top) and block b.
void emit_rule(DrawList& out, const TextPlan& plan, const TextBlock& b, const Theme& theme,
               Rect box, bool centred, int top) {
    const int thick = std::max(2, b.paragraph.line_height / 14);
    const int w = std::min(box.w, std::max(thick * 8, b.paragraph.line_height * 2));
    // Below the middle of the gap: descenders of the title (Arabic ones are deep) clear it.
    const int rule_y = top + plan.title_bottom + b.space_before * 3 / 5 - thick / 2;
    const int rule_x = centred                        ? box.x + (box.w - w) / 2
                       : plan.blocks[0].paragraph.rtl ? box.right() - w
                                                      : box.x;
    out.items.push_back(DrawRect{{rule_x, rule_y, w, thick}, theme.accent, thick / 2});
}

// The bullet mark at the start side of the block's first line, top at y (px).
void emit_bullet_mark(DrawList& out, const TextBlock& b, const Theme& theme, Rect box, int y,
                      const TextMeasurer& m) {
    const int mark_w = m.width(bullet_mark, b.font, false);
    const int mark_x = b.paragraph.rtl ? box.right() - mark_w : box.x;
    out.items.push_back(DrawText{bullet_mark, b.font, theme.accent, mark_x,
                                 y + b.ascent - m.ascent(b.font), mark_w, b.paragraph.line_height,
                                 false});
}

} // namespace

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

FittedText fit_slide_text(const Slide& slide, const Theme& theme, Color text, int screen_h,
                          Rect box, const TextMeasurer& m, double title_ratio, int free_under_box) {
    return fit_body_size(theme, screen_h, [&](int body_px) {
        const Sizes sizes = sizes_for(title_ratio, body_px);
        PlanBuilder b(box, m);
        b.add_heading(slide.title, slide.subtitle, theme, text, sizes);
        b.add_body(slide, text, sizes);
        const int half_line = m.line_height({FontRole::regular, sizes.body}) / 2;
        b.keep_free_below(std::max(0, half_line - free_under_box));
        return b.finish();
    });
}

TextPlan fit_title_alone(std::string_view title, const Theme& theme, int screen_h, Rect box,
                         const TextMeasurer& m) {
    const double ratio = theme.title_size / theme.body_size;
    return fit_body_size(theme, screen_h,
                         [&](int body_px) {
                             PlanBuilder b(box, m);
                             b.add_heading(title, {}, theme, theme.text, sizes_for(ratio, body_px));
                             return b.finish();
                         })
        .plan;
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
    // Centred in the box, but never into the space kept free under the text.
    const int slack = box.h - plan.height;
    const int offset = slack < 0 ? slack / 2 : std::clamp(slack - plan.bottom_space, 0, slack / 2);
    int y = box.y + offset;
    const int top = y;
    bool rule_done = false;
    for (std::size_t i = 0; i < plan.blocks.size(); ++i) {
        const TextBlock& b = plan.blocks[i];
        if (i > 0) y += b.space_before;
        if (!rule_done && plan.has_title && y - top > plan.title_bottom) {
            emit_rule(out, plan, b, theme, box, centred, top);
            rule_done = true;
        }
        if (b.bullet) emit_bullet_mark(out, b, theme, box, y, m);
        emit_paragraph(out, b.paragraph, b.font, b.color, box, b.indent, centred, y, b.ascent, m);
        y += b.paragraph.height();
    }
}

} // namespace affiche
