// What a frame shows, as plain values: filled rectangles, text runs and images in pixels.
#pragma once

#include "base/color.hpp"
#include "base/geometry.hpp"
#include "text/font_spec.hpp"

#include <string>
#include <variant>
#include <vector>

namespace affiche {

struct DrawRect {
    Rect rect;
    Color color;
    int radius = 0; // rounded corners (px); 0 = square
};

// One run of text on one line, in a single direction; x,y is the run's top-left corner.
struct DrawText {
    std::string text; // UTF-8, logical order within the run
    FontSpec font;
    Color color;
    int x = 0;
    int y = 0;
    int width = 0;  // measured width (px), for bounds checks
    int height = 0; // line height (px)
    bool rtl = false;
};

struct DrawImage {
    std::string path;
    Rect dest; // where it is drawn (may extend past clip for "cover")
    Rect clip; // nothing outside clip is drawn
};

using DrawItem = std::variant<DrawRect, DrawText, DrawImage>;

struct DrawList {
    Color clear{0, 0, 0, 255};
    std::vector<DrawItem> items;
};

} // namespace affiche
