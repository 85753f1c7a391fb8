// Tests for deck_diff: which slides an edit changed, and when the new deck takes over.
#include "deck/deck_diff.hpp"

#include "support/small_decks.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {
const auto slide = affiche::testing::titled_slide;
const auto three = affiche::testing::three_slides;
} // namespace

TEST_CASE("deck_diff: the same deck has no changed slide") {
    CHECK(changed_slides(three(), three(), {}).empty());
}

TEST_CASE(
    "deck_diff: each field a viewer sees makes its slide changed, the source place does not") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides[1].loc = SourceLoc{"slides/x.toml", 40, 1}; // moved in the file only
    fresh.slides[1].image_loc = SourceLoc{"slides/x.toml", 42, 9};
    CHECK(changed_slides(old, fresh, {}).empty());

    SUBCASE("title") {
        fresh.slides[1].title = "B2";
    }
    SUBCASE("body") {
        fresh.slides[1].body = "texte";
    }
    SUBCASE("bullets") {
        fresh.slides[1].bullets = {"un"};
    }
    SUBCASE("subtitle") {
        fresh.slides[1].subtitle = "sous-titre";
    }
    SUBCASE("image") {
        fresh.slides[1].image_path = "/deck/images/x.png";
    }
    SUBCASE("image position") {
        fresh.slides[1].image_position = ImagePosition::left;
    }
    SUBCASE("duration") {
        fresh.slides[1].duration_s = 12;
    }
    SUBCASE("background") {
        fresh.slides[1].background = Color{1, 2, 3, 255};
    }
    SUBCASE("text colour") {
        fresh.slides[1].text_color = Color{1, 2, 3, 255};
    }
    SUBCASE("section") {
        fresh.slides[1].section = "chimio";
    }
    SUBCASE("language") {
        fresh.slides[1].lang = "ar";
    }
    CHECK(changed_slides(old, fresh, {}) == std::vector<std::string>{"b"});
}

TEST_CASE("deck_diff: a new slide is changed, a removed one is not listed") {
    const Deck old = three();
    Deck fresh = three();
    fresh.slides.push_back(slide("d", "D"));
    fresh.play_order = {0, 3, 2}; // b removed from play, d new
    CHECK(changed_slides(old, fresh, {}) == std::vector<std::string>{"d"});
}

TEST_CASE("deck_diff: an image's bytes changed under the same name change its slide") {
    Deck old = three();
    old.slides[2].image_path = "/deck/images/photo.png";
    Deck fresh = old;
    CHECK(changed_slides(old, fresh, {"/deck/images/other.png"}).empty());
    CHECK(changed_slides(old, fresh, {"/deck/images/photo.png"}) == std::vector<std::string>{"c"});
}

TEST_CASE("deck_diff: the theme, the overlays or a theme font's bytes change every slide") {
    const Deck old = three();
    Deck fresh = three();
    SUBCASE("theme colour") {
        fresh.theme.accent = Color{9, 9, 9, 255};
    }
    SUBCASE("footer text") {
        fresh.overlays.footer_text = "Cabinet";
    }
    SUBCASE("transition") {
        fresh.settings.transition = Transition::cut;
    }
    SUBCASE("font bytes") {
        Deck with_font = three();
        with_font.theme.font_path = "/deck/fonts/a.ttf";
        CHECK(changed_slides(with_font, with_font, {"/deck/images/x.png"}).empty());
        CHECK(changed_slides(with_font, with_font, {"/deck/fonts/a.ttf"}).size() == 3);
        return;
    }
    CHECK(changed_slides(old, fresh, {}) == std::vector<std::string>{"a", "b", "c"});
}
