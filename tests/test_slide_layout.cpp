// Tests for slide layout with a fake text measurer: boxes, fitting, readability, overlays.
#include "core/slide_layout.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace affiche;

namespace {

// Every code point is size_px / 2 wide; capitals are 0.7 of the size.
class FakeMeasurer : public TextMeasurer {
  public:
    int width(std::string_view s, FontSpec f, bool) const override {
        int n = 0;
        for (unsigned char c : s)
            n += (c & 0xC0) != 0x80;
        return n * f.size_px / 2;
    }
    int line_height(FontSpec f) const override { return f.size_px * 5 / 4; }
    int cap_height(FontSpec f) const override { return f.size_px * 7 / 10; }
};

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

std::vector<DrawText> texts_of(const DrawList& l) {
    std::vector<DrawText> out;
    for (const auto& item : l.items) {
        if (const auto* t = std::get_if<DrawText>(&item)) out.push_back(*t);
    }
    return out;
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
    CHECK(clock[0].x + clock[0].width == l.safe_area.right());
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
