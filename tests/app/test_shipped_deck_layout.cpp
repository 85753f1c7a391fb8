// Tests for the shipped deck as the player lays it out, with the deck's own fonts and pictures:
// on a portrait screen (1080x1920) no slide, French or Arabic, has more than 8 lines of body text.
#include "deck/deck_loader.hpp"
#include "deck/play_order.hpp"
#include "layout/slide_layout.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"
#include "support/draw_list_texts.hpp"

#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::texts_of;

namespace {

// docs/content.md: "au plus 8 lignes de texte (corps et puces, sans le titre) par diapositive"
// on a portrait screen; more, and the player shrinks the text to the smallest readable size.
constexpr int max_portrait_body_lines = 8;
constexpr Size portrait{1080, 1920};

// SDL_ttf for the test's lifetime (the measurer opens real font files).
class TtfLibrary {
  public:
    TtfLibrary() { REQUIRE_MESSAGE(TTF_Init() == 0, TTF_GetError()); }
    ~TtfLibrary() { TTF_Quit(); }
    TtfLibrary(const TtfLibrary&) = delete;
    TtfLibrary& operator=(const TtfLibrary&) = delete;
};

// Lines of body text (body paragraphs and bullets, not the title or subtitle) in a laid-out
// slide: the runs at the body size (title and subtitle have their own sizes, the footer and clock
// a far smaller one), a run starting half a line or more below the previous line's top starting
// a new line (the Latin and Arabic runs of one line sit a few px apart, on one baseline).
int body_lines(const SlideLayout& l) {
    std::vector<DrawText> body;
    for (const DrawText& t : texts_of(l.list)) {
        if (t.font.size_px == l.body_size_px) body.push_back(t);
    }
    std::sort(body.begin(), body.end(),
              [](const DrawText& a, const DrawText& b) { return a.y < b.y; });
    int lines = 0;
    int line_top = 0;
    for (const DrawText& t : body) {
        if (lines == 0 || t.y - line_top >= t.height / 2) {
            ++lines;
            line_top = t.y;
        }
    }
    return lines;
}

// The deck's fonts and pictures, opened once for every slide laid out.
class RealLayout {
  public:
    explicit RealLayout(const Deck& deck) : fonts_(deck.theme), measurer_(fonts_) {}
    ~RealLayout() { CHECK(fonts_.problems().empty()); }
    RealLayout(const RealLayout&) = delete;
    RealLayout& operator=(const RealLayout&) = delete;

    // Body lines of the slide at play_index of deck laid out on screen.
    int body_lines_of(const Deck& deck, int play_index, Size screen) {
        const Slide& slide = deck.shown(play_index);
        std::optional<Size> image;
        if (!slide.image_path.empty()) image = images_.prepare(slide.image_path);
        const int lines = body_lines(layout_slide(deck, play_index, screen, measurer_, image));
        images_.release();
        return lines;
    }

  private:
    FontCache fonts_;
    TtfMeasurer measurer_;
    ImageStore images_;
};

// The shown slides of deck with more than the limit in portrait, one message each.
std::vector<std::string> too_many_lines(const Deck& deck, RealLayout& layout) {
    std::vector<std::string> out;
    for (int i = 0; i < deck.shown_count(); ++i) {
        const int lines = layout.body_lines_of(deck, i, portrait);
        if (lines > max_portrait_body_lines)
            out.push_back(deck.shown(i).id + ": " + std::to_string(lines) +
                          " body lines at 1080x1920, over " +
                          std::to_string(max_portrait_body_lines));
    }
    return out;
}

Deck shipped_deck() {
    LoadResult r = load_deck(AFFICHE_SOURCE_DIR);
    REQUIRE(r.deck);
    REQUIRE(r.deck->shown_count() > 10);
    return std::move(*r.deck);
}

} // namespace

TEST_CASE("shipped deck: at most 8 body lines a slide at 1080x1920, French and Arabic") {
    const TtfLibrary ttf;
    Deck deck = shipped_deck();
    RealLayout layout(deck);
    for (const auto& problem : too_many_lines(deck, layout))
        FAIL_CHECK(problem);
    // The Arabic slides as they will show once reviewed: after the French ones, in one loop.
    deck.settings.languages = {"fr", "ar"};
    deck.play_order = compute_play_order(deck.slides, deck.settings);
    REQUIRE(deck.shown(deck.shown_count() - 1).lang == "ar");
    for (const auto& problem : too_many_lines(deck, layout))
        FAIL_CHECK(problem);

    // The count itself: the opening slide has no body; a one-word paragraph is one line.
    CHECK(layout.body_lines_of(deck, 0, portrait) == 0); // accueil: title and subtitle only
    Slide& s = deck.slides[static_cast<std::size_t>(deck.play_order[1])];
    s.image_path.clear();
    s.body = "Un.\n\nDeux.";
    CHECK(layout.body_lines_of(deck, 1, portrait) == 2);
    s.body = "Un.\n\nDeux.\n\nTrois.\n\nQuatre.\n\nCinq.\n\nSix.\n\nSept.\n\nHuit.\n\nNeuf.";
    CHECK(layout.body_lines_of(deck, 1, portrait) == 9);
}
