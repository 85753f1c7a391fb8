// Tests for slide layout with a fake text measurer: boxes, fitting, readability, overlays.
#include "layout/slide_layout.hpp"
#include "layout/slide_overlays.hpp"
#include "support/draw_list_texts.hpp"
#include "support/fake_measurer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::FakeMeasurer;
using affiche::testing::texts_of;

namespace {

Deck deck_with(Slide s) {
    Deck d;
    d.overlays.footer_text = "Cabinet du Dr Exemple";
    s.id = "s";
    d.slides.push_back(s);
    Slide second;
    second.id = "t";
    second.title = "Deux";
    d.slides.push_back(second);
    d.play_order = {0, 1};
    return d;
}

const FakeMeasurer m;
const Size screens[] = {{1280, 720}, {1920, 1080}, {3840, 2160}, {1080, 1920}};

} // namespace

TEST_CASE("slide layout: all text inside the text box, the text box inside the safe area") {
    Slide s;
    s.title = "La chimiothérapie";
    s.body = "Des médicaments anticancéreux, appelés cytotoxiques, détruisent les cellules "
             "cancéreuses ou empêchent leur croissance et leur propagation.";
    s.bullets = {"Premier point", "Deuxième point"};
    const Deck d = deck_with(s);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt);
        CHECK(l.safe_area == Rect{static_cast<int>(std::lround(0.05 * screen.w)),
                                  static_cast<int>(std::lround(0.05 * screen.h)),
                                  screen.w - 2 * static_cast<int>(std::lround(0.05 * screen.w)),
                                  screen.h - 2 * static_cast<int>(std::lround(0.05 * screen.h))});
        CHECK(l.safe_area.contains(l.text_box));
        const auto texts = texts_of(l.list);
        REQUIRE(texts.size() > 5);
        for (const auto& t : texts) {
            CHECK(l.safe_area.contains(Rect{t.x, t.y, t.width, t.height}));
        }
        CHECK(l.readable);
        // Landscape: this short text gets the theme's full size; portrait may shrink it.
        if (screen.w > screen.h)
            CHECK(l.body_size_px == static_cast<int>(std::lround(0.058 * screen.h)));
        CHECK(l.body_size_px <= static_cast<int>(std::lround(0.058 * screen.h)));
    }
}

TEST_CASE("slide layout: too much text shrinks, stays in its box, and is flagged unreadable") {
    Slide s;
    s.title = "Trop long";
    for (int i = 0; i < 60; ++i)
        s.body += "beaucoup de mots ";
    const Deck d = deck_with(s);
    const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, std::nullopt);
    CHECK_FALSE(l.readable);
    CHECK(l.cap_height_px < 0.03 * 1080);
    int bottom = 0;
    for (const auto& t : texts_of(l.list)) {
        if (t.text == "Cabinet du Dr Exemple") continue;
        CHECK(l.text_box.contains(Rect{t.x, t.y, t.width, t.height}));
        bottom = std::max(bottom, t.y + t.height);
    }
    CHECK(bottom <= l.text_box.bottom());
}

TEST_CASE("slide layout: an image beside the text keeps its aspect ratio inside its box") {
    Slide s;
    s.title = "Titre";
    s.body = "Un peu de texte.";
    s.image = "x.png";
    s.image_path = "/nowhere/x.png";
    s.image_position = ImagePosition::right;
    const Deck d = deck_with(s);
    const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, Size{400, 200});
    REQUIRE(l.image_box.w > 0);
    CHECK(std::abs(l.image_box.w - 2 * l.image_box.h) <= 1); // 2:1 kept (to a pixel)
    CHECK(l.image_box.x >= l.text_box.right());              // right of the text, no overlap
    CHECK(l.safe_area.contains(l.image_box));
    // The same slide whose image cannot be shown is laid out without it.
    const SlideLayout none = layout_slide(d, 0, {1920, 1080}, m, std::nullopt);
    CHECK(none.image_box.w == 0);
    CHECK(none.text_box.w > l.text_box.w);
}

TEST_CASE("slide layout: on a portrait screen a side image goes above the text") {
    Slide s;
    s.title = "Titre";
    s.body = "Un peu de texte.";
    s.image_path = "/nowhere/x.png";
    s.image_position = ImagePosition::left;
    const Deck d = deck_with(s);
    const SlideLayout l = layout_slide(d, 0, {1080, 1920}, m, Size{300, 300});
    REQUIRE(l.image_box.w > 0);
    CHECK(l.image_box.bottom() <= l.text_box.y);
}

TEST_CASE("slide layout: overlays: one dot per slide, the clock at the right of the safe area") {
    Slide s;
    s.title = "Titre";
    const Deck d = deck_with(s);
    const Size screen{1920, 1080};
    const SlideLayout l = layout_slide(d, 1, screen, m, std::nullopt);
    int dots = 0;
    for (const auto& item : l.list.items) {
        if (const auto* r = std::get_if<DrawRect>(&item);
            r && r->radius > 0 && r->rect.w == r->rect.h) {
            ++dots;
            CHECK(l.safe_area.contains(r->rect));
        }
    }
    CHECK(dots == 2);
    const DrawList live = layout_live_overlays(d, screen, m, "10:30", 0.5);
    const auto clock = texts_of(live);
    REQUIRE(clock.size() == 1);
    CHECK(clock[0].text == "10:30");
    // At rest the overlays keep the burn-in margin (burn_in.hpp) from the safe area's edge.
    CHECK(clock[0].x + clock[0].width == l.safe_area.right() - burn_in_margin(d.burn_in));
    // Everything the live overlays draw lies in the area redrawn for them, inside the safe area.
    const Rect area = live_overlays_area(d, screen, m);
    CHECK(l.safe_area.contains(area));
    for (const auto& item : live.items) {
        if (const auto* r = std::get_if<DrawRect>(&item)) CHECK(area.contains(r->rect));
        if (const auto* t = std::get_if<DrawText>(&item)) {
            CHECK(area.contains(Rect{t->x, t->y, t->width, t->height}));
        }
    }
}

namespace {

std::vector<DrawRect> rects_of(const DrawList& l) {
    std::vector<DrawRect> out;
    for (const auto& item : l.items) {
        if (const auto* r = std::get_if<DrawRect>(&item)) out.push_back(*r);
    }
    return out;
}

std::vector<DrawImage> images_of(const DrawList& l) {
    std::vector<DrawImage> out;
    for (const auto& item : l.items) {
        if (const auto* i = std::get_if<DrawImage>(&item)) out.push_back(*i);
    }
    return out;
}

// The slide's own text: everything but the footer.
std::vector<DrawText> slide_texts(const SlideLayout& l, const Deck& d) {
    std::vector<DrawText> out;
    for (const auto& t : texts_of(l.list)) {
        if (t.text != d.overlays.footer_text) out.push_back(t);
    }
    return out;
}

// One drawn line: the runs sharing a top edge, from the leftmost to the rightmost pixel.
struct LineSpan {
    int y = 0;
    int left = 0;
    int right = 0;
    std::string text; // the runs' texts, left to right
};

std::vector<LineSpan> lines_of(const std::vector<DrawText>& texts) {
    std::vector<LineSpan> out;
    for (const auto& t : texts) {
        auto it =
            std::find_if(out.begin(), out.end(), [&](const LineSpan& s) { return s.y == t.y; });
        if (it == out.end()) {
            out.push_back({t.y, t.x, t.x + t.width, t.text});
            continue;
        }
        it->left = std::min(it->left, t.x);
        it->right = std::max(it->right, t.x + t.width);
        it->text += t.text;
    }
    return out;
}

bool is_dot(const DrawRect& r) {
    return r.radius > 0 && r.rect.w == r.rect.h && 2 * r.radius == r.rect.w;
}

// The accent rule between title and body: a wide, thin accent bar.
std::vector<DrawRect> accent_rules(const SlideLayout& l, const Deck& d) {
    std::vector<DrawRect> out;
    for (const auto& r : rects_of(l.list)) {
        if (r.color == d.theme.accent && r.rect.w > 4 * r.rect.h) out.push_back(r);
    }
    return out;
}

const char* const arabic_title = "العلاج الكيميائي";
const char* const arabic_body = "دواء يحارب الخلايا السرطانية في الجسم كله ويمنع نموها.";

} // namespace

TEST_CASE("slide layout: a right-to-left body ends at the text box's right edge") {
    Slide s;
    s.title = arabic_title;
    s.body = arabic_body;
    const Deck d = deck_with(s);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt);
        const auto texts = slide_texts(l, d);
        REQUIRE(texts.size() >= 2);
        for (const auto& t : texts)
            CHECK(t.rtl);
        const auto lines = lines_of(texts);
        REQUIRE(lines.size() >= 2); // title and at least one body line
        for (const auto& line : lines) {
            INFO(line.text);
            CHECK(line.right == l.text_box.right());
            CHECK(line.left > l.text_box.x); // short lines: the gap is on the left, not the right
        }
        // The accent rule under the title stands at the start side too.
        const auto rules = accent_rules(l, d);
        REQUIRE(rules.size() == 1);
        CHECK(rules[0].rect.right() == l.text_box.right());
    }
}

TEST_CASE("slide layout: a left-to-right body starts at the text box's left edge") {
    Slide s;
    s.title = "La chimiothérapie";
    s.body = "Un traitement pour combattre le cancer.";
    const Deck d = deck_with(s);
    const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, std::nullopt);
    const auto lines = lines_of(slide_texts(l, d));
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
        INFO(line.text);
        CHECK(line.left == l.text_box.x);
        CHECK(line.right < l.text_box.right());
    }
    const auto rules = accent_rules(l, d);
    REQUIRE(rules.size() == 1);
    CHECK(rules[0].rect.x == l.text_box.x);
}

TEST_CASE("slide layout: bullet marks stand at the start side, the item's text after them") {
    struct Case {
        const char* name;
        std::vector<std::string> bullets;
        bool rtl;
    };
    const Case cases[] = {{"ltr", {"Premier point", "Deuxième point"}, false},
                          {"rtl", {"النقطة الأولى", "النقطة الثانية"}, true}};
    for (const auto& c : cases) {
        INFO(c.name);
        Slide s;
        s.title = c.rtl ? arabic_title : "Titre";
        s.bullets = c.bullets;
        const Deck d = deck_with(s);
        const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, std::nullopt);
        const auto texts = slide_texts(l, d);
        int marks = 0;
        for (const auto& mark : texts) {
            if (mark.text != "•") continue;
            ++marks;
            CHECK(mark.color == d.theme.accent);
            if (c.rtl) {
                CHECK(mark.x + mark.width == l.text_box.right());
            } else {
                CHECK(mark.x == l.text_box.x);
            }
            // The item on the same line lies entirely on the far side of its mark.
            int items_on_line = 0;
            for (const auto& t : texts) {
                if (t.text == "•" || t.y + t.height <= mark.y || t.y >= mark.y + mark.height)
                    continue;
                ++items_on_line;
                if (c.rtl) {
                    CHECK(t.x + t.width < mark.x);
                } else {
                    CHECK(t.x > mark.x + mark.width);
                }
            }
            CHECK(items_on_line >= 1);
        }
        CHECK(marks == 2);
    }
}

TEST_CASE("slide layout: a title-only opening slide is centred both ways, like a poster") {
    Slide s;
    s.title = "Bienvenue";
    s.subtitle = "Informations sur les traitements";
    const Deck d = deck_with(s);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt);
        const auto lines = lines_of(slide_texts(l, d));
        REQUIRE(lines.size() >= 2); // the subtitle may wrap on a portrait screen
        int top = lines.front().y;
        int bottom = 0;
        for (const auto& line : lines) {
            INFO(line.text);
            const int left_gap = line.left - l.text_box.x;
            const int right_gap = l.text_box.right() - line.right;
            CHECK(left_gap > 0);
            CHECK(std::abs(left_gap - right_gap) <= 1);
        }
        for (const auto& t : slide_texts(l, d)) {
            top = std::min(top, t.y);
            bottom = std::max(bottom, t.y + t.height);
        }
        CHECK(std::abs((top - l.text_box.y) - (l.text_box.bottom() - bottom)) <= 1);
        CHECK(top - l.text_box.y > 0);
    }
}

TEST_CASE("slide layout: a background image covers the screen under a veil, text on top") {
    Slide s;
    s.title = "Titre";
    s.body = "Un peu de texte sur une image.";
    s.image_path = "/nowhere/fond.png";
    s.image_position = ImagePosition::background;
    s.background = Color{0x20, 0x30, 0x40, 255};
    const Deck d = deck_with(s);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const Rect whole{0, 0, screen.w, screen.h};
        const SlideLayout l = layout_slide(d, 0, screen, m, Size{400, 300});
        CHECK(l.image_box.contains(whole)); // cover: no edge of the screen left bare
        CHECK(std::abs(l.image_box.w * 300 - l.image_box.h * 400) <= 400); // 4:3 kept
        std::size_t image_at = l.list.items.size();
        std::size_t veil_at = l.list.items.size();
        std::size_t first_text_at = l.list.items.size();
        for (std::size_t i = 0; i < l.list.items.size(); ++i) {
            const auto& item = l.list.items[i];
            if (const auto* im = std::get_if<DrawImage>(&item)) {
                image_at = i;
                CHECK(im->path == s.image_path);
                CHECK(im->dest == l.image_box);
                CHECK(im->clip == whole);
            } else if (const auto* r = std::get_if<DrawRect>(&item);
                       r && i > image_at && veil_at == l.list.items.size()) {
                veil_at = i;
                CHECK(r->rect == whole);
                CHECK(r->color == Color{0x20, 0x30, 0x40, 0xC0});
            } else if (std::holds_alternative<DrawText>(item) && i < first_text_at) {
                first_text_at = i;
            }
        }
        CHECK(image_at < veil_at);
        CHECK(veil_at == image_at + 1);
        CHECK(veil_at < first_text_at);
        CHECK(l.safe_area.contains(l.text_box));
        CHECK(l.readable);
    }
}

TEST_CASE("slide layout: a full image fills the content, under its title, without the body") {
    Slide s;
    s.title = "Image pleine";
    s.body = "Ce texte n'est pas montré avec une image pleine.";
    s.image_path = "/nowhere/plein.png";
    s.image_position = ImagePosition::full;
    const Deck d = deck_with(s);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout l = layout_slide(d, 0, screen, m, Size{800, 600});
        const auto images = images_of(l.list);
        REQUIRE(images.size() == 1);
        const Rect area = images[0].clip;
        CHECK(images[0].dest == l.image_box);
        CHECK(area.contains(l.image_box));
        CHECK(l.safe_area.contains(area));
        CHECK(area.x == l.safe_area.x);
        CHECK(area.w == l.safe_area.w);
        CHECK(area.bottom() < l.safe_area.bottom()); // the overlay rows stay free
        // Contained: the image touches the area on two opposite sides (to the pixel rounding
        // drops), centred on the others.
        CHECK((area.w - l.image_box.w <= 1 || area.h - l.image_box.h <= 1));
        CHECK(std::abs((l.image_box.x - area.x) - (area.right() - l.image_box.right())) <= 1);
        for (const auto& r : rects_of(l.list))
            CHECK(r.color.a != 0xC0); // no veil
        const auto texts = slide_texts(l, d);
        REQUIRE(texts.size() == 1);
        CHECK(texts[0].text == "Image pleine");
        CHECK(texts[0].y >= l.safe_area.y);
        CHECK(texts[0].y + texts[0].height <= area.y); // the title above the image
        CHECK(std::abs((texts[0].x - l.safe_area.x) -
                       (l.safe_area.right() - texts[0].x - texts[0].width)) <= 1);
    }
}

TEST_CASE("slide layout: a full image without a title starts at the top of the safe area") {
    Slide s;
    s.image_path = "/nowhere/seule.png";
    s.image_position = ImagePosition::right; // no text: an image alone is shown full
    const Deck d = deck_with(s);
    const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, Size{1000, 1000});
    const auto images = images_of(l.list);
    REQUIRE(images.size() == 1);
    CHECK(images[0].clip.y == l.safe_area.y);
    CHECK(images[0].clip.w == l.safe_area.w);
    CHECK(l.image_box.y == l.safe_area.y); // square in a wide area: full height, centred
    CHECK(l.image_box.h == images[0].clip.h);
    CHECK(slide_texts(l, d).empty());
}

TEST_CASE("slide layout: more text beside an image shrinks the image, then drops it, before the "
          "text gets unreadable") {
    const Size screen{1920, 1080};
    const double shares[] = {0.40, 0.32, 0.24, 0.0};
    std::vector<double> seen; // the image's share for 1, 2, 3, ... sentences (0 = dropped)
    for (int sentences = 1; sentences <= 44; ++sentences) {
        Slide s;
        s.title = "Titre";
        for (int i = 0; i < sentences; ++i)
            s.body += "Une phrase de texte. ";
        s.image_path = "/nowhere/x.png";
        s.image_position = ImagePosition::right;
        const Deck d = deck_with(s);
        const SlideLayout l = layout_slide(d, 0, screen, m, Size{300, 300});
        INFO(sentences << " sentences");
        const auto images = images_of(l.list);
        double share = 0;
        if (!images.empty()) {
            // The image's area is its share of the content width, at the right.
            const Rect area = images[0].clip;
            CHECK(area.right() == l.safe_area.right());
            CHECK(area.x > l.text_box.right());
            share = static_cast<double>(area.w) / l.safe_area.w;
            CHECK(l.readable); // an image is never kept at the cost of readable text
        } else {
            CHECK(l.image_box.w == 0);
            CHECK(l.text_box.w == l.safe_area.w);
        }
        CHECK(std::any_of(std::begin(shares), std::end(shares),
                          [&](double x) { return std::abs(x - share) < 0.001; }));
        if (!seen.empty()) CHECK(share <= seen.back() + 0.001); // never grows back
        seen.push_back(share);
    }
    for (const double share : shares) {
        INFO("share " << share);
        CHECK(std::any_of(seen.begin(), seen.end(),
                          [&](double x) { return std::abs(x - share) < 0.001; }));
    }
}

TEST_CASE("slide layout: on a portrait screen an image above the text takes at most 18 % of the "
          "height, and steps aside before the text nears the smallest readable size, a landscape "
          "one above the text keeps the larger shares") {
    bool shown = false;
    bool dropped = false;
    for (int sentences = 1; sentences <= 30; ++sentences) {
        Slide s;
        s.title = "Titre";
        for (int i = 0; i < sentences; ++i)
            s.body += "Une phrase de texte. ";
        s.image_path = "/nowhere/x.png";
        s.image_position = ImagePosition::right; // above the text on a portrait screen
        const Deck d = deck_with(s);
        const SlideLayout l = layout_slide(d, 0, {1080, 1920}, m, Size{300, 300});
        INFO(sentences << " sentences");
        const auto images = images_of(l.list);
        if (images.empty()) {
            dropped = true;
            CHECK(l.image_box.w == 0);
            continue;
        }
        shown = true;
        CHECK(images[0].clip.h <= std::lround(0.18 * l.safe_area.h));
        CHECK(images[0].clip.bottom() < l.text_box.y);
        CHECK(l.cap_height_px >= 1.1 * 0.03 * 1920); // 10 % over the smallest readable size
    }
    CHECK(shown);
    CHECK(dropped);
    // The same short slide on a landscape screen, its image placed above the text: 40 %.
    Slide s;
    s.title = "Titre";
    s.body = "Une phrase de texte.";
    s.image_path = "/nowhere/x.png";
    s.image_position = ImagePosition::top;
    const SlideLayout l = layout_slide(deck_with(s), 0, {1920, 1080}, m, Size{300, 300});
    const auto images = images_of(l.list);
    REQUIRE(images.size() == 1);
    CHECK(images[0].clip.h > std::lround(0.30 * l.safe_area.h));
}

TEST_CASE("slide layout: position dots: one per shown slide, the current one bigger and in the "
          "accent colour, a wider gap between sections") {
    Deck d;
    d.overlays.footer_text = "Cabinet";
    const char* sections[] = {"a", "a", "b", "b", "b", "c"};
    for (int i = 0; i < 6; ++i) {
        Slide s;
        s.id = "s" + std::to_string(i);
        s.title = "Diapositive";
        s.section = sections[i];
        d.slides.push_back(s);
    }
    d.slides[4].enabled = false; // not shown: no dot
    d.play_order = {0, 1, 2, 3, 5};
    const Size screen{1920, 1080};
    for (int current = 0; current < d.shown_count(); ++current) {
        INFO("current " << current);
        const SlideLayout l = layout_slide(d, current, screen, m, std::nullopt);
        std::vector<DrawRect> dots;
        for (const auto& r : rects_of(l.list)) {
            if (is_dot(r)) dots.push_back(r);
        }
        REQUIRE(dots.size() == 5);
        std::sort(dots.begin(), dots.end(),
                  [](const DrawRect& a, const DrawRect& b) { return a.rect.x < b.rect.x; });
        std::vector<int> centres;
        for (std::size_t i = 0; i < dots.size(); ++i) {
            const DrawRect& dot = dots[i];
            CHECK(l.safe_area.contains(dot.rect));
            CHECK(dot.rect.y + dot.radius == dots[0].rect.y + dots[0].radius); // one centre line
            centres.push_back(dot.rect.x + dot.radius);
            if (static_cast<int>(i) == current) {
                CHECK(dot.color == d.theme.accent);
            } else {
                Color muted = d.theme.muted;
                muted.a = 0x99;
                CHECK(dot.color == muted);
                CHECK(dot.radius < dots[static_cast<std::size_t>(current)].radius);
            }
        }
        // Play order a a | b b | c: equal steps within a section, a wider one between sections.
        const int step = centres[1] - centres[0];
        CHECK(step > 0);
        CHECK(centres[3] - centres[2] == step);
        CHECK(centres[2] - centres[1] > step);
        CHECK(centres[4] - centres[3] == centres[2] - centres[1]);
        // The row, with room for the current dot at both ends, is centred in the safe area.
        const int big = dots[static_cast<std::size_t>(current)].radius;
        const int row_left = centres.front() - big;
        const int row_right = centres.back() + big;
        CHECK(std::abs((row_left - l.safe_area.x) - (l.safe_area.right() - row_right)) <= 1);
    }
}

TEST_CASE("slide layout: without position dots no dot is drawn") {
    Slide s;
    s.title = "Titre";
    Deck d = deck_with(s);
    d.overlays.position = false;
    const SlideLayout l = layout_slide(d, 0, {1920, 1080}, m, std::nullopt);
    for (const auto& r : rects_of(l.list))
        CHECK_FALSE(is_dot(r));
}

TEST_CASE("slide layout: a deck too long for one row of dots shows none, rather than dots off "
          "the screen") {
    Deck d;
    for (int i = 0; i < 120; ++i) {
        Slide s;
        s.id = "s" + std::to_string(i);
        s.title = "Diapositive";
        d.slides.push_back(s);
        d.play_order.push_back(i);
    }
    for (const Size screen : {Size{1920, 1080}, Size{1080, 1920}}) {
        const SlideLayout l = layout_slide(d, 60, screen, m, std::nullopt);
        for (const auto& r : rects_of(l.list))
            CHECK_FALSE(is_dot(r));
    }
    d.slides.resize(10);
    d.play_order.resize(10); // ten fit: they are shown
    const SlideLayout l = layout_slide(d, 3, {1080, 1920}, m, std::nullopt);
    const std::vector<DrawRect> rects = rects_of(l.list);
    CHECK(std::count_if(rects.begin(), rects.end(), is_dot) == 10);
}

TEST_CASE("slide layout: at least half a body line of space between the text and the footer row, "
          "at every size and text length") {
    // Body lengths from a line to a screenful: some fill their box to the last pixel at the size
    // the search picks, which is where the last line used to touch the position dots.
    const char* const words[] = {"Des",      "effets", "qui",      "varient", "d’une",
                                 "personne", "à",      "l’autre,", "selon",   "la",
                                 "dose",     "et",     "la",       "durée."};
    for (const Size screen : screens) {
        for (int n = 4; n <= 90; n += 3) {
            Slide s;
            s.title = "Des effets qui varient";
            for (int i = 0; i < n; ++i)
                s.body += std::string(i ? " " : "") + words[i % std::size(words)];
            s.bullets = {"la dose", "la durée du traitement"};
            const Deck d = deck_with(s);
            const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt);
            INFO(screen.w << "x" << screen.h << ", " << n << " words, body " << l.body_size_px
                          << " px");
            // The footer row's top: the footer text's box, or the dots when they stand above it.
            int row_top = l.safe_area.bottom();
            for (const auto& t : texts_of(l.list)) {
                if (t.text == d.overlays.footer_text) row_top = std::min(row_top, t.y);
            }
            for (const auto& r : rects_of(l.list)) {
                if (is_dot(r)) row_top = std::min(row_top, r.rect.y);
            }
            REQUIRE(row_top < l.safe_area.bottom());
            int text_bottom = 0;
            for (const auto& t : slide_texts(l, d))
                text_bottom = std::max(text_bottom, t.y + t.height);
            const int half_line = m.line_height({FontRole::regular, l.body_size_px}) / 2;
            CHECK(row_top - text_bottom >= half_line);
        }
    }
}

TEST_CASE("slide layout: a slide shows the footer of its language, or footer_text") {
    Slide s;
    s.lang = "ar";
    s.title = "عنوان";
    Deck d = deck_with(s);
    d.slides[1].lang = "fr";
    d.overlays.footer_text_by_language["ar"] = "عيادة الدكتورة";
    const auto footers = [&](int index) {
        std::vector<std::string> out;
        for (const auto& t : texts_of(layout_slide(d, index, {1920, 1080}, m, std::nullopt).list))
            if (t.text == d.overlays.footer_text || t.text == "عيادة الدكتورة")
                out.push_back(t.text);
        return out;
    };
    CHECK(footers(0) == std::vector<std::string>{"عيادة الدكتورة"});
    CHECK(footers(1) == std::vector<std::string>{d.overlays.footer_text});
    d.overlays.footer = false; // the switch still turns every footer off
    CHECK(footers(0).empty());
}
