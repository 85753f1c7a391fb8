// Slide layout in screen units: the background, the image placed by its position (beside, above,
// full, background), the text at the largest readable size, and the static overlays.
#include "layout/slide_layout.hpp"

#include "layout/announcement_band.hpp"
#include "layout/layout_units.hpp"
#include "layout/slide_overlays.hpp"
#include "layout/slide_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace affiche {

namespace {

// The image's share of the content width (left, right) or height (top), largest first.
constexpr double image_shares[] = {0.40, 0.32, 0.24, 0.0};
// Above the text on a portrait screen the text fills the height, so any picture costs it size:
// there a picture takes at most 18 % of the height, and only while the body capitals under it
// stay 10 % over theme.min_cap_height, else it steps aside. At the side shares the definition
// slides' capitals fell to the smallest readable 58 px at 1080x1920, against 64 px on the deck's
// other slides; a picture kept just above the smallest size cost a slide 66 px -> 58.
constexpr double portrait_top_shares[] = {0.18, 0.0};
constexpr double portrait_top_cap_over_min = 1.1;
constexpr double column_gap = 0.045; // between image and text, fraction of the width (height: top)
// Title size over body size when room is short: titles give way before the body shrinks.
constexpr double compact_title_ratio = 1.15;
// The title above a full image gets at most this many title sizes of height.
constexpr double full_title_lines = 1.6;
// A veil of the background colour over a background image keeps the text readable over any
// picture: its opacity, 0..255.
constexpr std::uint8_t veil_alpha = 0xC0;

// What every step needs to know about the slide being laid out.
struct SlideContext {
    const Slide& slide;
    const Theme& theme;
    Color text; // the slide's text colour
    Size screen;
    const TextMeasurer& m;
    int free_under_content = 0; // px between the content's bottom and the footer row
};

// Text fitted into a box, and whether its body is large enough to read.
struct ReadableText {
    TextPlan plan;
    int body_px = 0;
    int cap_height_px = 0;
    bool readable = true; // body capital height >= theme.min_cap_height * screen height
};

// The content area shared out: the image's box (w = 0 when none) and the text at its size.
struct ContentPlan {
    ImagePosition where = ImagePosition::right; // the image's position on this screen
    Rect image_area;                            // the whole screen for a background image
    Rect text_box;
    std::optional<ReadableText> text; // nullopt: no text drawn
    bool centred = false;             // the text is centred like a poster
};

bool has_text(const Slide& s) {
    return !s.title.empty() || !s.subtitle.empty() || !s.body.empty() || !s.bullets.empty();
}

// The image's position on this screen: portrait screens stack a side image above the text, and
// an image without text fills the content (unless it is a background).
ImagePosition placement_of(const Slide& slide, Size screen) {
    ImagePosition where = slide.image_position;
    if (screen.h > screen.w && (where == ImagePosition::left || where == ImagePosition::right)) {
        where = ImagePosition::top;
    }
    if (!has_text(slide) && where != ImagePosition::background) where = ImagePosition::full;
    return where;
}

// Title and subtitle alone (an opening or closing slide) are centred like a poster, unless an
// image stands beside them.
bool is_poster(const Slide& slide, ImagePosition where, Rect image_area) {
    const bool beside =
        image_area.w > 0 && (where == ImagePosition::left || where == ImagePosition::right);
    return slide.body.empty() && slide.bullets.empty() && !beside;
}

ReadableText fit_at_ratio(const SlideContext& c, Rect box, double title_ratio) {
    FittedText f = fit_slide_text(c.slide, c.theme, c.text, c.screen.h, box, c.m, title_ratio,
                                  c.free_under_content);
    const int cap = c.m.cap_height({FontRole::regular, f.body_px});
    return {std::move(f.plan), f.body_px, cap, cap >= c.theme.min_cap_height * c.screen.h};
}

// The theme's title ratios, the compact one last: titles give way only when the text is
// unreadable otherwise.
std::array<double, 2> title_ratios(const Theme& theme) {
    return {theme.title_size / theme.body_size, compact_title_ratio};
}

// The text alone in box, the title made compact when that makes the body readable.
ReadableText fit_readable(const SlideContext& c, Rect box) {
    ReadableText t;
    for (const double ratio : title_ratios(c.theme)) {
        t = fit_at_ratio(c, box, ratio);
        if (t.readable) break;
    }
    return t;
}

// Splits content between the image (share of the width, or of the height for top) and the text.
// A share of 0 gives all the room to the text and an empty image box.
ContentPlan split_content(Rect content, ImagePosition where, double share, Size screen) {
    ContentPlan p{where, {}, content, std::nullopt, false};
    if (share <= 0) return p;
    p.image_area = content;
    if (where == ImagePosition::top) {
        p.image_area.h = px(share, content.h);
        p.text_box.y = content.y + p.image_area.h + px(column_gap, screen.h);
        p.text_box.h = content.bottom() - p.text_box.y;
        return p;
    }
    const int gap = px(column_gap, screen.w);
    p.image_area.w = px(share, content.w);
    p.text_box.w = content.w - p.image_area.w - gap;
    if (where == ImagePosition::right) {
        p.image_area.x = content.right() - p.image_area.w;
    } else {
        p.text_box.x = content.x + p.image_area.w + gap;
    }
    return p;
}

// Beside or above the text: shrink the image, and drop it as a last resort, until the text is
// large enough to read. The words matter more than the picture.
ContentPlan plan_beside(const SlideContext& c, Rect content, ImagePosition where) {
    const bool portrait_top = where == ImagePosition::top && c.screen.h > c.screen.w;
    const std::span<const double> shares{portrait_top ? std::span<const double>(portrait_top_shares)
                                                      : std::span<const double>(image_shares)};
    // The smallest body capitals an image may leave (px); without the image, readable is enough.
    const double cap_with_image =
        (portrait_top ? portrait_top_cap_over_min : 1.0) * c.theme.min_cap_height * c.screen.h;
    ContentPlan p;
    for (const double ratio : title_ratios(c.theme)) {
        for (const double share : shares) {
            p = split_content(content, where, share, c.screen);
            p.text = fit_at_ratio(c, p.text_box, ratio);
            if (p.text->readable && (share == 0 || p.text->cap_height_px >= cap_with_image))
                return p;
        }
    }
    return p;
}

// A full image: the title (only) above it, centred; body and bullets are not shown.
ContentPlan plan_full(const SlideContext& c, Rect content) {
    ContentPlan p{ImagePosition::full, content, content, std::nullopt, true};
    if (c.slide.title.empty()) return p;
    p.text_box.h = px(c.theme.title_size * full_title_lines, c.screen.h);
    ReadableText title{fit_title_alone(c.slide.title, c.theme, c.screen.h, p.text_box, c.m)};
    p.text_box.h = title.plan.height;
    p.image_area.y = p.text_box.bottom() + px(overlay_gap, c.screen.h);
    p.image_area.h = content.bottom() - p.image_area.y;
    p.text = std::move(title);
    return p;
}

// Where the image and the text go in content; image_size is nullopt when no image is shown.
ContentPlan plan_content(const SlideContext& c, Rect content, std::optional<Size> image_size) {
    const bool has_image = image_size && image_size->w > 0 && image_size->h > 0;
    const ImagePosition where = placement_of(c.slide, c.screen);
    ContentPlan p{where, {}, content, std::nullopt, false};
    if (has_image && where == ImagePosition::full) return plan_full(c, content);
    if (has_image && where == ImagePosition::background) {
        p.image_area = {0, 0, c.screen.w, c.screen.h};
    } else if (has_image) {
        p = plan_beside(c, content, where);
    }
    if (has_text(c.slide) && !p.text) p.text = fit_readable(c, p.text_box);
    p.centred = is_poster(c.slide, where, p.image_area);
    return p;
}

// Draws the image contained in its area, or, for a background, covering the screen under a veil
// of the background colour. Returns where the image is drawn.
Rect emit_image(DrawList& out, const std::string& path, ImagePosition where, Size image_size,
                Rect area, Color background) {
    if (where != ImagePosition::background) {
        const Rect box = fit_inside(image_size, area);
        out.items.push_back(DrawImage{path, box, area});
        return box;
    }
    const Rect box = cover(image_size, area);
    out.items.push_back(DrawImage{path, box, area});
    Color veil = background;
    veil.a = veil_alpha;
    out.items.push_back(DrawRect{area, veil, 0});
    return box;
}

} // namespace

SlideLayout layout_slide(const Deck& deck, int play_index, Size screen, const TextMeasurer& m,
                         std::optional<Size> image_size, BurnInShift overlay_shift,
                         std::string_view band_text) {
    const Slide& slide = deck.shown(play_index);
    const BottomRows rows = bottom_rows(deck, screen, m, overlay_shift, slide.lang);
    const std::optional<AnnouncementBand> band = plan_band(deck, band_text, screen, m, slide.lang);
    // Text boxes end at the content's bottom; what stays free above the overlay rows (or the
    // band), even when the burn-in drift lifts them, counts towards the text's space from them.
    const int free_under = band             ? px(overlay_gap, unit_of(screen))
                           : rows.total > 0 ? rows.clear_above
                                            : 0;
    const SlideContext c{slide,  deck.theme, slide.text_color.value_or(deck.theme.text),
                         screen, m,          free_under};
    const Color background = slide.background.value_or(deck.theme.background);
    SlideLayout out;
    out.list.clear = background;
    out.list.items.push_back(DrawRect{{0, 0, screen.w, screen.h}, background, 0});
    out.safe_area = safe_area_of(deck.theme, screen);

    Rect content = out.safe_area;
    content.h -= rows.total;
    if (band) content.h = std::clamp(band->content_bottom - content.y, 0, content.h);
    const ContentPlan plan = plan_content(c, content, image_size);
    out.text_box = plan.text_box;
    if (plan.image_area.w > 0 && plan.image_area.h > 0) {
        out.image_box = emit_image(out.list, slide.image_path, plan.where, *image_size,
                                   plan.image_area, background);
    }
    if (plan.text) {
        out.body_size_px = plan.text->body_px;
        out.cap_height_px = plan.text->cap_height_px;
        out.readable = plan.text->readable;
        emit_text(out.list, plan.text->plan, deck.theme, plan.text_box, plan.centred, m);
    }
    if (band) {
        emit_band(out.list, *band, overlay_shift, m);
        out.band = band_rect(*band, overlay_shift);
        out.band_cap_height_px = band->cap_height_px;
    }
    emit_footer(out.list, deck, rows, m, slide.lang);
    emit_dots(out.list, deck, play_index, rows, screen);
    return out;
}

} // namespace affiche
