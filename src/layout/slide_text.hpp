// A slide's text planned as blocks (title, subtitle, paragraphs, bullets) at the largest size that
// fits a box, and drawn into a DrawList: left, right (RTL) or centred, with the accent rule.
#pragma once

#include "deck/deck.hpp"
#include "layout/draw_list.hpp"
#include "text/text_layout.hpp"

#include <string_view>
#include <vector>

namespace affiche {

// One block of text laid out at one size: a paragraph or a bullet, with its indent.
struct TextBlock {
    Paragraph paragraph;
    FontSpec font;
    Color color;
    int indent = 0;       // px from the text box's start side (left, or right when RTL)
    int space_before = 0; // px
    bool bullet = false;
    int ascent = 0; // px from a line's top to the shared baseline
};

struct TextPlan {
    std::vector<TextBlock> blocks;
    int height = 0;         // px, all blocks and the space between them
    bool fits = true;       // inside the box, no word cut in two
    bool has_title = false; // blocks[0] is the title
    int title_bottom = 0;   // px from the top to the end of title and subtitle (the rule's gap)
    int bottom_space = 0;   // px kept free under the last line (half a body line), inside the box
};

// A plan and the body size it was made at.
struct FittedText {
    TextPlan plan;
    int body_px = 0;
};

// The slide's title, subtitle, body paragraphs and bullets at the largest body size (px) at which
// they fit box, searching down from the theme's body size. title_ratio = title size / body size.
// text is the colour of everything but the title and the bullet marks (the accent).
// free_under_box: px already free between the box's bottom and the next thing drawn (the footer
// row); the text keeps at least half a body line free there, the rest inside the box.
FittedText fit_slide_text(const Slide& slide, const Theme& theme, Color text, int screen_h,
                          Rect box, const TextMeasurer& m, double title_ratio, int free_under_box);

// The title alone (above a full image), at the theme's title ratio, at the largest size that fits.
TextPlan fit_title_alone(std::string_view title, const Theme& theme, int screen_h, Rect box,
                         const TextMeasurer& m);

// Draws plan centred vertically in box; lines centred (a poster), else at the start side of each
// paragraph's direction. The accent rule goes between the title and the body.
void emit_text(DrawList& out, const TextPlan& plan, const Theme& theme, Rect box, bool centred,
               const TextMeasurer& m);

// A paragraph mixing fonts (Arabic and Latin) takes the tallest font's line height, and all its
// runs share one baseline. Returns that baseline's distance from the line's top, px.
int settle_fonts(Paragraph& p, FontSpec font, const TextMeasurer& m);

// Draws p's lines from y (px), each at box's left + indent, right - indent when RTL, or centred.
void emit_paragraph(DrawList& out, const Paragraph& p, FontSpec font, Color color, Rect box,
                    int indent, bool centred, int y, int ascent, const TextMeasurer& m);

} // namespace affiche
