// The announcement band with a fake text measurer: size for 4 m, contrast, place above the
// footer clear of the slide's text, inside the safe area at every burn-in offset, portrait, Arabic.
#include "base/color.hpp"
#include "layout/announcement_band.hpp"
#include "layout/slide_layout.hpp"
#include "layout/slide_overlays.hpp"
#include "support/draw_list_texts.hpp"
#include "support/fake_measurer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::FakeMeasurer;
using affiche::testing::texts_of;

namespace {

const FakeMeasurer m;
const Size screens[] = {{1920, 1080}, {1280, 720}, {3840, 2160}, {1080, 1920}, {720, 1280}};
const std::string delay = "Le Dr X a environ 30 minutes de retard : merci de votre patience, "
                          "l'accueil vous renseigne.";

// A deck of a slide with a title, a body long enough to fill its box, and bullets.
Deck full_deck() {
    Deck d;
    d.overlays.footer_text = "Cabinet du Dr Exemple";
    Slide s;
    s.id = "s";
    s.title = "La chimiothérapie, comment se passe une séance";
    s.body = "Des médicaments anticancéreux, appelés cytotoxiques, détruisent les cellules "
             "cancéreuses ou empêchent leur croissance et leur propagation dans le corps.";
    s.bullets = {"Une perfusion de quelques heures", "Une prise de sang la veille",
                 "Un accompagnement par l'équipe infirmière"};
    d.slides.push_back(s);
    Slide t;
    t.id = "t";
    t.title = "Deux";
    d.slides.push_back(t);
    d.play_order = {0, 1};
    return d;
}

bool overlaps(Rect a, Rect b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

Rect rect_of(const DrawText& t) {
    return {t.x, t.y, t.width, t.height};
}

} // namespace

TEST_CASE("announcement band: capitals at least 4 % of the screen height, in every orientation") {
    // The height of the TV as usually hung: a portrait screen's letters are as tall as the same
    // TV's in landscape, not 1.8 times taller.
    CHECK(band_cap_basis({1080, 1920}) == 1080);
    CHECK(band_cap_basis({1920, 1080}) == 1080);
    const Deck portrait_deck = full_deck();
    CHECK(layout_slide(portrait_deck, 0, {1080, 1920}, m, std::nullopt, {}, delay)
              .band_cap_height_px ==
          layout_slide(portrait_deck, 0, {1920, 1080}, m, std::nullopt, {}, delay)
              .band_cap_height_px);
    const Deck d = full_deck();
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt, {}, delay);
        REQUIRE(l.band.w > 0);
        CHECK(l.band_cap_height_px >= band_cap_height * band_cap_basis(screen));
        // Not much more than needed either: the band takes room from the slide.
        CHECK(l.band_cap_height_px < band_cap_height * band_cap_basis(screen) + 2);
        CHECK(l.band.h > l.band_cap_height_px);
        // Every line of the band's text at that size.
        int band_texts = 0;
        for (const DrawText& t : texts_of(l.list)) {
            if (!l.band.contains(rect_of(t))) continue;
            ++band_texts;
            CHECK(m.cap_height(t.font) >= band_cap_height * band_cap_basis(screen));
        }
        CHECK(band_texts >= 1);
    }
}

TEST_CASE("announcement band: contrast of at least 7:1 from the theme, and one that stands out") {
    Theme theme; // the shipped colours: dark blue slides, light accent
    const BandColors c = band_colors(theme);
    CHECK(contrast_ratio(c.fill, c.text) >= 7.0);
    CHECK(c.fill != theme.background);
    CHECK(c.fill == theme.accent); // the accent band, in the background's colour
    CHECK(c.text == theme.background);

    // A light theme: dark accent on white slides.
    Theme light;
    light.background = {0xFF, 0xFF, 0xFF, 255};
    light.text = {0x20, 0x20, 0x20, 255};
    light.accent = {0x00, 0x4E, 0x89, 255};
    light.muted = {0x60, 0x60, 0x60, 255};
    const BandColors l = band_colors(light);
    CHECK(contrast_ratio(l.fill, l.text) >= 7.0);
    CHECK(l.fill != light.background);

    // A theme with no pair good enough: white on black.
    Theme grey;
    grey.background = {0x80, 0x80, 0x80, 255};
    grey.text = {0x80, 0x80, 0x80, 255};
    grey.accent = {0x80, 0x80, 0x80, 255};
    grey.muted = {0x80, 0x80, 0x80, 255};
    const BandColors g = band_colors(grey);
    CHECK(contrast_ratio(g.fill, g.text) >= 7.0);

    // The layout draws the band in those colours: its rectangle, then its text.
    const Deck d = full_deck();
    const SlideLayout lay = layout_slide(d, 0, {1920, 1080}, m, std::nullopt, {}, delay);
    bool fill_drawn = false;
    for (const auto& item : lay.list.items) {
        if (const auto* r = std::get_if<DrawRect>(&item)) {
            fill_drawn = fill_drawn || (r->rect == lay.band && r->color == c.fill);
        }
    }
    CHECK(fill_drawn);
    for (const DrawText& t : texts_of(lay.list)) {
        if (lay.band.contains(rect_of(t))) CHECK(t.color == c.text);
    }
}

TEST_CASE("announcement band: above the footer, never over the slide's text, inside the safe area "
          "at every burn-in offset") {
    Deck d = full_deck();
    d.burn_in.amplitude_px = 4;
    const int a = burn_in_margin(d.burn_in);
    REQUIRE(a == 4);
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        const SlideLayout plain = layout_slide(d, 0, screen, m, std::nullopt);
        for (int dy = -a; dy <= a; ++dy) {
            for (int dx = -a; dx <= a; ++dx) {
                INFO("shift " << dx << "," << dy);
                const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt, {dx, dy}, delay);
                REQUIRE(l.band.w > 0);
                CHECK(l.safe_area.contains(l.band));
                // The slide's text stays in its box, which ends above the band with a gap.
                CHECK(l.text_box.bottom() < l.band.y);
                const auto texts = texts_of(l.list);
                REQUIRE(!texts.empty());
                CHECK(texts.front().y < l.band.y); // the title, first drawn
                for (const DrawText& t : texts) {
                    const Rect r = rect_of(t);
                    // Either the band's own text, or clear of the band.
                    if (!l.band.contains(r)) CHECK_FALSE(overlaps(r, l.band));
                    // The footer is under the band.
                    if (t.text == "Cabinet du Dr Exemple") CHECK(r.y >= l.band.bottom());
                }
                // The position dots are under the band too.
                for (const auto& item : l.list.items) {
                    const auto* rect = std::get_if<DrawRect>(&item);
                    if (rect && rect->radius > 0 && rect->rect.w < 40)
                        CHECK(rect->rect.y >= l.band.bottom());
                }
            }
        }
        // Without a band the slide keeps all its room; with it the title is still there.
        CHECK(plain.band.w == 0);
        CHECK(plain.text_box.h > layout_slide(d, 0, screen, m, std::nullopt, {}, delay).text_box.h);
    }
}

TEST_CASE("announcement band: the live overlays' strip is left alone") {
    const Deck d = full_deck();
    const Size screen{1920, 1080};
    const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt, {}, delay);
    CHECK_FALSE(overlaps(l.band, live_overlays_area(d, screen, m)));
}

TEST_CASE("announcement band: Arabic lays out right to left, first word on the right") {
    Deck d = full_deck();
    d.slides[0].lang = "ar";
    // "Le docteur X est en retard d'environ trente minutes", the Latin X inside it.
    const std::string arabic = "الطبيب X متأخر حوالي ثلاثين دقيقة";
    for (const Size screen : {Size{1920, 1080}, Size{1080, 1920}}) {
        INFO(screen.w << "x" << screen.h);
        const auto band = plan_band(d, arabic, screen, m, "ar");
        REQUIRE(band);
        CHECK(band->text.rtl);
        const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt, {}, arabic);
        const DrawText* first_word = nullptr;
        const DrawText* latin = nullptr;
        for (const auto& item : l.list.items) {
            const auto* t = std::get_if<DrawText>(&item);
            if (!t || !l.band.contains(rect_of(*t))) continue;
            if (t->text.find("الطبيب") != std::string::npos) first_word = t;
            if (t->text == "X" || t->text == " X " || t->text.find('X') != std::string::npos)
                latin = t;
        }
        REQUIRE(first_word);
        REQUIRE(latin);
        CHECK(first_word->rtl);
        CHECK_FALSE(latin->rtl);
        CHECK(is_arabic_role(first_word->font.role));
        // Right to left: the first word read is right of the Latin letter after it, on one line.
        if (first_word->y == latin->y) CHECK(first_word->x > latin->x);
        CHECK(l.band_cap_height_px >= band_cap_height * band_cap_basis(screen));
    }
}

TEST_CASE("announcement band: none for an empty text, a long text in portrait stays on screen") {
    const Deck d = full_deck();
    CHECK_FALSE(plan_band(d, "", {1920, 1080}, m));
    const std::string longest(140, 'W');
    std::string words;
    for (int i = 0; i < 20; ++i)
        words += "Retard. ";
    for (const Size screen : screens) {
        INFO(screen.w << "x" << screen.h);
        for (const std::string& text : {longest, words}) {
            const SlideLayout l = layout_slide(d, 0, screen, m, std::nullopt, {}, text);
            CHECK(l.safe_area.contains(l.band));
            CHECK(l.text_box.h >= 0);
        }
    }
}
