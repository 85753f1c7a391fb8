// Tests for error_overlay: the preview's errors panel, laid out with a fake measurer.
#include "layout/error_overlay.hpp"
#include "support/draw_list_texts.hpp"
#include "support/fake_measurer.hpp"

#include <doctest/doctest.h>

using namespace affiche;
using affiche::testing::FakeMeasurer;
using affiche::testing::texts_of;

namespace {

const FakeMeasurer m;

std::string all_text(const DrawList& l) {
    std::string out;
    for (const auto& item : l.items) {
        if (const auto* t = std::get_if<DrawText>(&item)) out += t->text + "|";
    }
    return out;
}

} // namespace

TEST_CASE("error_overlay: no errors, no panel") {
    const DrawList l = layout_error_overlay({}, {1280, 720}, m);
    CHECK(l.items.empty());
    CHECK(error_overlay_area(l) == Rect{});
}

TEST_CASE("error_overlay: a header with the count, then each error, inside an opaque panel") {
    const std::vector<std::string> errors{
        "slides/10-texte.toml:3:9: error: unterminated string",
        "slides/20-image.toml:4:9: error: image 'x.png' not found (did you mean 'y.png'?)"};
    for (const Size screen : {Size{1280, 720}, Size{640, 360}, Size{1080, 1920}}) {
        CAPTURE(screen.w);
        const DrawList l = layout_error_overlay(errors, screen, m);
        const Rect panel = error_overlay_area(l);
        CHECK(panel.w > 0);
        CHECK(Rect{0, 0, screen.w, screen.h}.contains(panel));
        const auto* fill = std::get_if<DrawRect>(&l.items.front());
        REQUIRE(fill != nullptr);
        CHECK(fill->color.a == 255);
        const std::string text = all_text(l);
        // The header first (it may wrap on a narrow screen).
        CHECK(texts_of(l).front().text.rfind("2 errors in the", 0) == 0);
        // Wrapped lines keep the path:line:col at the start of the error's first line.
        CHECK(text.find("slides/10-texte.toml:3:9:") != std::string::npos);
        CHECK(text.find("slides/20-image.toml:4:9:") != std::string::npos);
        CHECK(text.find("more") == std::string::npos);
        for (const DrawText& t : texts_of(l)) {
            CHECK(panel.contains(Rect{t.x, t.y, t.width, t.height}));
            CHECK(t.font.size_px >= 12);
        }
    }
}

TEST_CASE("error_overlay: one error says so in the singular") {
    const DrawList l = layout_error_overlay({"a.toml:1:1: error: x"}, {1280, 720}, m);
    CHECK(all_text(l).find("1 error in the slides") != std::string::npos);
}

TEST_CASE("error_overlay: more errors than fit: the panel fills the screen and counts the rest") {
    std::vector<std::string> errors;
    for (int i = 1; i <= 200; ++i)
        errors.push_back("slides/x.toml:" + std::to_string(i) + ":1: error: unknown key 'titel'");
    const Size screen{1280, 720};
    const DrawList l = layout_error_overlay(errors, screen, m);
    const Rect panel = error_overlay_area(l);
    CHECK(Rect{0, 0, screen.w, screen.h}.contains(panel));
    CHECK(panel.h > screen.h / 2);
    const std::string text = all_text(l);
    CHECK(text.find("slides/x.toml:1:1:") != std::string::npos);
    CHECK(text.find("slides/x.toml:200:1:") == std::string::npos);
    const auto more = text.find("... and ");
    REQUIRE(more != std::string::npos);
    const int left = std::stoi(text.substr(more + 8));
    // The shown ones and the counted ones add up to all of them.
    int shown = 0;
    for (int i = 1; i <= 200; ++i)
        shown += text.find("slides/x.toml:" + std::to_string(i) + ":1:") != std::string::npos;
    CHECK(shown + left == 200);
    for (const DrawText& t : texts_of(l))
        CHECK(panel.contains(Rect{t.x, t.y, t.width, t.height}));
}
