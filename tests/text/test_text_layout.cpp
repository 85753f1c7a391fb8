// Tests of the paragraph layout: line breaking, French spacing, bidi runs and font roles.
#include "support/fake_measurer.hpp"
#include "text/bidi_runs.hpp"
#include "text/text_layout.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::FakeMeasurer;

namespace {

std::size_t count_code_points(std::string_view utf8) {
    std::size_t count = 0;
    for (const char c : utf8)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

const FakeMeasurer measurer;
const FontSpec font{FontRole::regular, 20}; // 10 px per code point, lines 25 px apart

std::vector<std::string> line_texts(const Paragraph& paragraph) {
    std::vector<std::string> texts;
    for (const auto& line : paragraph.lines) {
        std::string text;
        for (const auto& run : line.runs)
            text += run.text;
        texts.push_back(text);
    }
    return texts;
}

using Lines = std::vector<std::string>;

} // namespace

// Shows the lines when a check fails.
template <> struct doctest::StringMaker<Lines> {
    static doctest::String convert(const Lines& lines) {
        std::string out = "{";
        for (const auto& line : lines)
            out += (out.size() > 1 ? ", \"" : "\"") + line + "\"";
        return (out + "}").c_str();
    }
};

namespace {

Lines wrap(std::string_view text, int max_width) {
    return line_texts(layout_paragraph(text, font, max_width, measurer));
}

} // namespace

TEST_CASE("text: a short sentence fits on one line") {
    const auto p = layout_paragraph("Bonjour à tous", font, 1000, measurer);
    CHECK_FALSE(p.rtl);
    CHECK(p.line_height == 25);
    REQUIRE(p.lines.size() == 1);
    CHECK(p.height() == 25);
    const auto& line = p.lines[0];
    REQUIRE(line.runs.size() == 1);
    CHECK(line.runs[0].text == "Bonjour à tous");
    CHECK(line.runs[0].role == FontRole::regular);
    CHECK_FALSE(line.runs[0].rtl);
    CHECK(line.runs[0].x == 0);
    CHECK(line.runs[0].width == 140);
    CHECK(line.width == 140);
    CHECK(p.widest() == 140);
}

TEST_CASE("text: greedy wrapping fills each line as far as it can") {
    CHECK(wrap("Le traitement dure trois semaines", 150) ==
          Lines{"Le traitement", "dure trois", "semaines"});
    // A line exactly as wide as max_width fits; one px less does not.
    CHECK(wrap("ab cd", 50) == Lines{"ab cd"});
    CHECK(wrap("ab cd", 49) == Lines{"ab", "cd"});
    // Internal spaces are kept, the ones at a break are dropped.
    CHECK(wrap("un  deux  trois", 80) == Lines{"un  deux", "trois"});

    const auto p = layout_paragraph("Le traitement dure trois semaines", font, 150, measurer);
    REQUIRE(p.lines.size() == 3);
    CHECK(p.lines[0].width == 130);
    CHECK(p.lines[1].width == 100);
    CHECK(p.lines[2].width == 80);
    CHECK(p.widest() == 130);
    CHECK(p.height() == 75);
}

TEST_CASE("text: a French paragraph is left to right with one run per line") {
    const auto p = layout_paragraph(
        "Des médicaments anticancéreux détruisent les cellules cancéreuses.", font, 210, measurer);
    CHECK_FALSE(p.rtl);
    REQUIRE(p.lines.size() == 4);
    for (const auto& line : p.lines) {
        REQUIRE(line.runs.size() == 1);
        CHECK(line.runs[0].role == FontRole::regular);
        CHECK_FALSE(line.runs[0].rtl);
        CHECK(line.runs[0].x == 0);
        CHECK(line.width <= 210);
    }
    CHECK(line_texts(p) ==
          Lines{"Des médicaments", "anticancéreux", "détruisent les", "cellules cancéreuses."});
}

TEST_CASE("text: no-break spaces U+00A0 and U+202F are never broken") {
    // "Mais pourquoi ?" is 15 code points; at 130 px only 13 fit.
    CHECK(wrap("Mais pourquoi\u00A0?", 130) == Lines{"Mais", "pourquoi\u00A0?"});
    CHECK(wrap("Mais pourquoi\u202F?", 130) == Lines{"Mais", "pourquoi\u202F?"});
    CHECK(wrap("un\u00A0deux\u202Ftrois", 100) == Lines{"un\u00A0deux\u202Ftr", "ois"});
    // The same text with an ordinary space before a letter does break there.
    CHECK(wrap("Mais pourquoi x", 130) == Lines{"Mais pourquoi", "x"});
}

TEST_CASE("text: a plain space before high punctuation or after « is not a break") {
    CHECK(wrap("Mais pourquoi ?", 130) == Lines{"Mais", "pourquoi ?"});
    CHECK(wrap("Mais pourquoi   ?", 130) == Lines{"Mais", "pourquoi   ?"});
    CHECK(wrap("Note importante : oui", 160) == Lines{"Note", "importante : oui"});
    CHECK(wrap("Deux choses ; enfin", 110) == Lines{"Deux", "choses ;", "enfin"});
    // When even the protected group is too wide, the fallback cut falls where it must.
    CHECK(wrap("Attention !", 90) == Lines{"Attention", "!"});
    CHECK(wrap("Attention !", 100) == Lines{"Attention", "!"}); // no trailing space kept
    CHECK(wrap("Il dit « bonjour »", 110) == Lines{"Il dit", "« bonjour »"});
    CHECK(wrap("Il dit « bonjour »", 80) == Lines{"Il dit", "« bonjou", "r »"});
}

TEST_CASE("text: a word wider than the line is broken between code points") {
    const auto p = layout_paragraph("Anticonstitutionnellement", font, 100, measurer);
    CHECK(line_texts(p) == Lines{"Anticonsti", "tutionnell", "ement"});
    CHECK(p.broke_word); // auto-fit reads this as "too big"
    for (const auto& line : p.lines)
        CHECK(line.width <= 100);
    CHECK_FALSE(layout_paragraph("Le mot est long", font, 100, measurer).broke_word);

    const auto q =
        layout_paragraph("Le mot anticonstitutionnellement est long", font, 100, measurer);
    CHECK(line_texts(q) == Lines{"Le mot", "anticonsti", "tutionnell", "ement est", "long"});
    for (const auto& line : q.lines)
        CHECK(line.width <= 100);

    // Accented letters are single code points; a combining accent stays with its letter.
    CHECK(wrap("été", 10) == Lines{"é", "t", "é"});
    CHECK(wrap("e\u0301te\u0301", 10) == Lines{"e\u0301", "t", "e\u0301"});
}

TEST_CASE("text: max_width <= 0 gives one character per line and terminates") {
    CHECK(wrap("ab c", 0) == Lines{"a", "b", "c"});
    CHECK(wrap("ab c", -50) == Lines{"a", "b", "c"});
    CHECK(wrap("Pourquoi\u00A0?", 5) ==
          Lines{"P", "o", "u", "r", "q", "u", "o", "i", "\u00A0", "?"});
}

TEST_CASE("text: empty and blank text give no lines") {
    for (const char* text : {"", " ", "   \t  ", "\n", " \n \r\n\t\n  "}) {
        CAPTURE(text);
        const auto p = layout_paragraph(text, font, 300, measurer);
        CHECK(p.lines.empty());
        CHECK(p.height() == 0);
        CHECK(p.widest() == 0);
        CHECK(p.line_height == 25);
    }
}

TEST_CASE("text: \\n is a mandatory break, \\r\\n counts as one") {
    CHECK(wrap("Ligne un\nLigne deux", 1000) == Lines{"Ligne un", "Ligne deux"});
    CHECK(wrap("Ligne un\r\nLigne deux", 1000) == Lines{"Ligne un", "Ligne deux"});
    CHECK(wrap("a\n", 1000) == Lines{"a"});
    CHECK(wrap("\n\na\n\n", 1000) == Lines{"a"});
    // Spaces around the break vanish; a blank line between lines of text stays, without runs.
    const auto p = layout_paragraph("un  \n\n  deux", font, 1000, measurer);
    CHECK(line_texts(p) == Lines{"un", "", "deux"});
    REQUIRE(p.lines.size() == 3);
    CHECK(p.lines[1].runs.empty());
    CHECK(p.lines[1].width == 0);
    CHECK(p.height() == 75);
    // Wrapping restarts after a forced break.
    CHECK(wrap("aa bb cc\ndd ee", 50) == Lines{"aa bb", "cc", "dd ee"});
}

TEST_CASE("text: accented French letters count as one code point each") {
    const auto p = layout_paragraph("Ça œuvre à l’été", font, 1000, measurer);
    REQUIRE(p.lines.size() == 1);
    CHECK(p.lines[0].width == 160);
    CHECK(wrap("Ça œuvre à l’été", 90) == Lines{"Ça œuvre", "à l’été"});
}

TEST_CASE("text: invalid UTF-8 becomes U+FFFD and does not crash") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(wrap("ab\xFF"
               "cd",
               1000) == Lines{"ab" + replacement + "cd"});
    CHECK(wrap("x\xC3", 1000) == Lines{"x" + replacement});            // truncated at the end
    CHECK(wrap("\xE2\x82x", 1000) == Lines{replacement + "x"});        // truncated sequence
    CHECK(wrap("\xC0\xAF", 1000) == Lines{replacement + replacement}); // overlong "/"
    CHECK(wrap("\xED\xA0\x80", 1000) ==
          Lines{replacement + replacement + replacement}); // surrogate
    CHECK(wrap("\xF4\x90\x80\x80", 1000).size() == 1);     // above U+10FFFF

    std::string all_bytes;
    for (int i = 1; i < 256; ++i)
        all_bytes.push_back(static_cast<char>(i));
    all_bytes += all_bytes;
    for (const int width : {-1, 0, 30, 200, 5000}) {
        const auto p = layout_paragraph(all_bytes, font, width, measurer);
        CHECK_FALSE(p.lines.empty());
    }
}

TEST_CASE("text: an Arabic paragraph is right to left and uses the Arabic font") {
    const auto p = layout_paragraph("مرحبا بكم في العيادة", font, 1000, measurer);
    CHECK(p.rtl);
    REQUIRE(p.lines.size() == 1);
    REQUIRE(p.lines[0].runs.size() == 1);
    const auto& run = p.lines[0].runs[0];
    CHECK(run.text == "مرحبا بكم في العيادة");
    CHECK(run.role == FontRole::arabic);
    CHECK(run.rtl);
    CHECK(run.width == 200);

    // Wrapped: every line is one Arabic run, lines in logical order (first line = first words).
    const auto q = layout_paragraph("مرحبا بكم في العيادة", font, 100, measurer);
    CHECK(line_texts(q) == Lines{"مرحبا بكم", "في العيادة"});
    for (const auto& line : q.lines) {
        REQUIRE(line.runs.size() == 1);
        CHECK(line.runs[0].role == FontRole::arabic);
        CHECK(line.runs[0].rtl);
    }
}

TEST_CASE("text: mixed Arabic, digits and a Latin word are ordered by the bidi algorithm") {
    // Logical: العلاج 2024 مع IRM. Read right to left: العلاج, then 2024, then مع, then IRM,
    // so from the left edge: IRM, " مع ", 2024, "العلاج ".
    const auto p = layout_paragraph("العلاج 2024 مع IRM", font, 1000, measurer);
    CHECK(p.rtl);
    REQUIRE(p.lines.size() == 1);
    const auto& runs = p.lines[0].runs;
    REQUIRE(runs.size() == 4);

    CHECK(runs[0].text == "IRM");
    CHECK(runs[0].role == FontRole::regular);
    CHECK_FALSE(runs[0].rtl);
    CHECK(runs[0].x == 0);
    CHECK(runs[0].width == 30);

    CHECK(runs[1].text == " مع ");
    CHECK(runs[1].role == FontRole::arabic);
    CHECK(runs[1].rtl);
    CHECK(runs[1].x == 30);

    CHECK(runs[2].text == "2024");
    CHECK(runs[2].role == FontRole::arabic); // Noto Sans Arabic has the digits
    CHECK_FALSE(runs[2].rtl);                // digits keep their order
    CHECK(runs[2].x == 70);

    CHECK(runs[3].text == "العلاج ");
    CHECK(runs[3].role == FontRole::arabic);
    CHECK(runs[3].rtl);
    CHECK(runs[3].x == 110);
    CHECK(runs[3].width == 70);
    CHECK(p.lines[0].width == 180);

    // Reordered line by line after wrapping.
    const auto q = layout_paragraph("العلاج 2024 مع IRM", font, 110, measurer);
    REQUIRE(q.lines.size() == 2);
    REQUIRE(q.lines[0].runs.size() == 2);
    CHECK(q.lines[0].runs[0].text == "2024");
    CHECK(q.lines[0].runs[1].text == "العلاج ");
    CHECK(q.lines[0].runs[1].x == 40);
    REQUIRE(q.lines[1].runs.size() == 2);
    CHECK(q.lines[1].runs[0].text == "IRM");
    CHECK(q.lines[1].runs[1].text == "مع ");
    CHECK(q.lines[1].width == 60);
}

TEST_CASE("text: an Arabic word inside French text") {
    const FontSpec bold{FontRole::bold, 20};
    const auto p = layout_paragraph("Le mot سلام veut dire paix", bold, 1000, measurer);
    CHECK_FALSE(p.rtl);
    REQUIRE(p.lines.size() == 1);
    const auto& runs = p.lines[0].runs;
    REQUIRE(runs.size() == 3);
    CHECK(runs[0].text == "Le mot ");
    CHECK(runs[0].role == FontRole::bold);
    CHECK(runs[1].text == "سلام");
    CHECK(runs[1].role == FontRole::arabic_bold); // bold paragraph: Arabic bold face
    CHECK(runs[1].rtl);
    CHECK(runs[1].x == 70);
    CHECK(runs[2].text == " veut dire paix");
    CHECK(runs[2].role == FontRole::bold);
    CHECK(runs[2].x == 110);
}

TEST_CASE("text: punctuation missing from the Arabic font keeps the base font") {
    // "?" and parentheses are not in Noto Sans Arabic; the Arabic question mark is.
    const auto p = layout_paragraph("هل أنت بخير؟ (نعم)", font, 1000, measurer);
    CHECK(p.rtl);
    REQUIRE(p.lines.size() == 1);
    for (const auto& run : p.lines[0].runs) {
        CAPTURE(run.text);
        const bool parenthesis = run.text.find_first_of("()") != std::string::npos;
        CHECK(run.role == (parenthesis ? FontRole::regular : FontRole::arabic));
        CHECK(run.rtl);
    }
    // Visual order right to left: "هل أنت بخير؟ " is rightmost, ")" at the left edge.
    const auto& runs = p.lines[0].runs;
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].text == ")");
    CHECK(runs[1].text == "نعم");
    CHECK(runs[2].text == "(");
    CHECK(runs[3].text == "هل أنت بخير؟ ");
    CHECK(runs[3].x == 50);
}

TEST_CASE("text: is_arabic_code_point covers the Arabic blocks only") {
    CHECK(is_arabic_code_point(U'\u0627')); // alef
    CHECK(is_arabic_code_point(U'\u0660')); // Arabic-Indic zero
    CHECK(is_arabic_code_point(U'\u0750'));
    CHECK(is_arabic_code_point(U'\u08A0'));
    CHECK(is_arabic_code_point(U'\uFB50'));
    CHECK(is_arabic_code_point(U'\uFEFF'));
    CHECK_FALSE(is_arabic_code_point(U'a'));
    CHECK_FALSE(is_arabic_code_point(U'0'));
    CHECK_FALSE(is_arabic_code_point(U'\u05D0')); // Hebrew
    CHECK_FALSE(is_arabic_code_point(U'\u0700')); // Syriac
    CHECK_FALSE(is_arabic_code_point(U'\u05FF'));
    CHECK_FALSE(is_arabic_code_point(U'\uFE6F'));
}

namespace {

// Counts the calls and the code points measured: a bound on the layout's work.
class CountingMeasurer : public FakeMeasurer {
  public:
    int width(std::string_view utf8, FontSpec font, bool rtl) const override {
        ++calls;
        code_points += count_code_points(utf8);
        return FakeMeasurer::width(utf8, font, rtl);
    }
    mutable std::size_t calls = 0;
    mutable std::size_t code_points = 0;
};

std::string repeated(std::string_view piece, int times) {
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

} // namespace

TEST_CASE("text: the layout's work grows linearly with the text's length") {
    struct Hostile {
        const char* name;
        std::string head;  // once
        std::string piece; // repeated n times
    };
    const Hostile cases[] = {
        {"one unbreakable word", "", "anticonstitutionnellement"},
        {"many combining marks", "a", "\u0301"},
        {"many zero-width spaces", "", "a\u200B"},
        {"a long paragraph", "", "Des médicaments détruisent les cellules cancéreuses. "},
        {"a long Arabic paragraph with digits", "", "العلاج 2024 مع IRM "},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CountingMeasurer small;
        CountingMeasurer large;
        const auto p = layout_paragraph(c.head + repeated(c.piece, 1000), font, 300, small);
        const auto q = layout_paragraph(c.head + repeated(c.piece, 10000), font, 300, large);
        CHECK_FALSE(p.lines.empty());
        CHECK(q.lines.size() >= p.lines.size());
        // Ten times the text, less than twenty times the work (quadratic work would be 100x).
        CHECK(large.calls < 20 * small.calls);
        CHECK(large.code_points < 20 * small.code_points);
        // And a few measured code points per code point of text, whatever the text.
        const std::size_t length = count_code_points(c.head + repeated(c.piece, 10000));
        CHECK(large.code_points < 8 * length);
    }
}

TEST_CASE("text: spaces that UAX #14 lets start a line never stall the layout") {
    // After a zero-width space a line may break before an ideographic space (U+3000), so a
    // piece between two breaks can start with, or be only, spaces.
    for (const char* text : {"a\u200B\u3000b", "a\u200B\u3000\u200Bb", "\u3000\u200B\u3000x y",
                             "ab\u200B\u3000\u3000\u200Bcd ef"}) {
        for (const int width : {-10, 0, 5, 10, 25, 1000}) {
            CAPTURE(text);
            CAPTURE(width);
            std::string letters;
            for (const auto& line : wrap(text, width))
                for (const char c : line)
                    if (c >= 'a' && c <= 'z') letters += c;
            std::string expected;
            for (const char* c = text; *c; ++c)
                if (*c >= 'a' && *c <= 'z') expected += *c;
            CHECK(letters == expected);
        }
    }
}

TEST_CASE("text: U+FFFF, libunibreak's end-of-string mark, is laid out like other text") {
    // It made libunibreak fail an assertion and abort the program (found by fuzz_text_layout).
    CHECK(wrap("a\uFFFFb c", 1000) == Lines{"a\uFFFFb c"});
    CHECK(wrap("a\uFFFFb c", 30) == Lines{"a\uFFFFb", "c"});
    CHECK(wrap("\uFFFF\uFFFF", 10) == Lines{"\uFFFF", "\uFFFF"});
}

TEST_CASE("text: marks past 30 on one character are dropped, so shaping stays fast") {
    // The loader refuses such text (text_limits.hpp); the layout holds on its own too: HarfBuzz
    // took minutes over 100,000 accents on one letter.
    std::string thirty = "e";
    for (int i = 0; i < 30; ++i)
        thirty += "\u0301";
    std::string many = thirty;
    for (int i = 0; i < 100000; ++i)
        many += "\u0301";
    CHECK(wrap(many + " b", 1000) == Lines{thirty + " b"});
    CHECK(wrap(thirty + thirty, 1000) == Lines{thirty + thirty}); // per character, not in total
}
