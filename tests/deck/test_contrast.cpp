// WCAG contrast: the formula, and every shipped slide's colours against its background.
#include "base/color.hpp"
#include "deck/deck_loader.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("contrast: WCAG ratios of known colour pairs") {
    CHECK(contrast_ratio({0, 0, 0, 255}, {255, 255, 255, 255}) == doctest::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255, 255}, {255, 255, 255, 255}) == doctest::Approx(1.0));
    // #777777 on white is the classic 4.48:1 just under AA.
    CHECK(contrast_ratio(*parse_color("#777777"), *parse_color("#FFFFFF")) ==
          doctest::Approx(4.48).epsilon(0.01));
    CHECK(contrast_ratio(*parse_color("#102A43"), *parse_color("#F7F4EC")) > 7.0);
}

TEST_CASE("contrast: colour parsing") {
    CHECK(parse_color("#fff") == Color{255, 255, 255, 255});
    CHECK(parse_color("#102A43") == Color{0x10, 0x2A, 0x43, 255});
    CHECK(parse_color("#102a4380") == Color{0x10, 0x2A, 0x43, 0x80});
    CHECK_FALSE(parse_color("102A43"));
    CHECK_FALSE(parse_color("#12345"));
    CHECK_FALSE(parse_color("#GG0000"));
    CHECK(blend_over({255, 255, 255, 0}, {0, 0, 0, 255}) == Color{0, 0, 0, 255});
}

TEST_CASE("contrast: every shipped slide reaches WCAG AAA for its text") {
    const LoadResult r = load_deck(AFFICHE_SOURCE_DIR);
    REQUIRE(r.deck);
    const Deck& d = *r.deck;
    REQUIRE(d.slides.size() >= 14);
    for (const Slide& s : d.slides) { // every language, shown or not
        INFO(s.id);
        const Color bg = s.background.value_or(d.theme.background);
        CHECK(contrast_ratio(s.text_color.value_or(d.theme.text), bg) >= 7.0); // body: AAA
        CHECK(contrast_ratio(d.theme.accent, bg) >= 7.0);                      // titles and bullets
        CHECK(contrast_ratio(blend_over(d.theme.muted, bg), bg) >= 4.5);       // footer, clock: AA
    }
}
