// Test support: a text measurer with widths easy to predict, so layouts need no font.
#pragma once

#include "text/text_layout.hpp"

#include <string_view>

namespace affiche::testing {

// Every code point is size_px / 2 wide, lines are 1.25 x size_px apart and capitals 0.7 x
// size_px tall (px).
class FakeMeasurer : public TextMeasurer {
  public:
    int width(std::string_view utf8, FontSpec font, bool) const override {
        int code_points = 0;
        for (const unsigned char c : utf8)
            code_points += (c & 0xC0) != 0x80;
        return code_points * font.size_px / 2;
    }
    int line_height(FontSpec font) const override { return font.size_px * 5 / 4; }
    int cap_height(FontSpec font) const override { return font.size_px * 7 / 10; }
};

} // namespace affiche::testing
