// Line breaking (libunibreak), bidi reordering (GNU FriBidi) and measuring of paragraphs,
// with the text measurer injected so that the core needs no font library.
#include "text/text_layout.hpp"

#include "base/utf8.hpp"
#include "text/bidi_runs.hpp"
#include "text/text_limits.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <linebreak.h>
#include <mutex>
#include <type_traits>
#include <unordered_map>
#include <utility>

namespace affiche {
namespace {

static_assert(std::is_same_v<utf32_t, std::uint32_t>, "libunibreak's utf32_t is 32 bits");

// UAX #14 tailoring language for libunibreak: French makes « an opening and » a closing mark.
constexpr const char* break_language = "fr";

// A half-open range of code points [begin, end).
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool empty() const { return begin >= end; }
};

// Code points that end a line by themselves (UAX #14 classes BK, CR, LF, NL).
bool is_line_separator(char32_t cp) {
    return cp == U'\n' || cp == U'\r' || cp == U'\v' || cp == U'\f' || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

// Spaces after which a line may break; they vanish at a line's start and end. No-break spaces
// (U+00A0, U+202F, U+2007) are not among them: they are part of the text.
bool is_breaking_space(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x2006) ||
           (cp >= 0x2008 && cp <= 0x200B) || cp == 0x205F || cp == 0x3000;
}

bool is_blank(char32_t cp) {
    return is_breaking_space(cp) || is_line_separator(cp);
}

// Punctuation that a French typist writes after a space: the line must not break before it.
bool is_french_closing(char32_t cp) {
    return cp == U':' || cp == U';' || cp == U'?' || cp == U'!' || cp == U'»';
}

// Forbids a break after a plain space (or run of plain spaces) that comes directly after « or
// directly before : ; ? ! », whatever the UAX #14 tables of the installed libunibreak say.
void apply_french_spacing(const std::u32string& text, std::vector<char>& breaks) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != U' ' || breaks[i] != LINEBREAK_ALLOWBREAK) continue;
        std::size_t next = i + 1;
        while (next < text.size() && text[next] == U' ')
            ++next;
        std::size_t first = i;
        while (first > 0 && text[first - 1] == U' ')
            --first;
        const bool before_closing = next < text.size() && is_french_closing(text[next]);
        const bool after_opening = first > 0 && text[first - 1] == U'«';
        if (before_closing || after_opening) breaks[i] = LINEBREAK_NOBREAK;
    }
}

// breaks[i] tells whether a line may (or must) break after code point i (LINEBREAK_*).
std::vector<char> break_opportunities(const std::u32string& text) {
    static std::once_flag init_flag;
    std::call_once(init_flag, [] { init_linebreak(); });
    std::vector<char> breaks(text.size(), LINEBREAK_NOBREAK);
    if (text.empty()) return breaks;
    std::vector<utf32_t> chars(text.begin(), text.end());
    // libunibreak reads U+FFFF as its end-of-string mark and then fails an assertion (abort):
    // U+FFFD breaks the same way (both are letters to UAX #14 here). Found by fuzz_text_layout.
    std::replace(chars.begin(), chars.end(), utf32_t{0xFFFF}, utf32_t{0xFFFD});
    set_linebreaks_utf32(chars.data(), chars.size(), break_language, breaks.data());
    apply_french_spacing(text, breaks);
    return breaks;
}

// Drops blanks at both ends of span.
Span trim(const std::u32string& text, Span span) {
    while (!span.empty() && is_blank(text[span.begin]))
        ++span.begin;
    while (!span.empty() && is_blank(text[span.end - 1]))
        --span.end;
    return span;
}

// Splits text at mandatory breaks ("\n", "\r\n", ...) into trimmed hard lines. Blank hard lines
// before the first and after the last line with text are dropped; blank lines between are kept.
std::vector<Span> hard_lines(const std::u32string& text, const std::vector<char>& breaks) {
    std::vector<Span> lines;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (breaks[i] != LINEBREAK_MUSTBREAK && i + 1 != text.size()) continue;
        lines.push_back(trim(text, {begin, i + 1}));
        begin = i + 1;
    }
    while (!lines.empty() && lines.back().empty())
        lines.pop_back();
    const auto first = std::find_if(lines.begin(), lines.end(), [](Span s) { return !s.empty(); });
    lines.erase(lines.begin(), first);
    return lines;
}

// Everything needed to measure and build the lines of one hard line. Indices are relative to
// the hard line's own text.
struct HardLine {
    std::u32string text;
    std::vector<char> breaks;
    std::vector<std::uint8_t> levels;
    std::vector<FontRole> roles;
};

// Measures and builds lines of one hard line. Short texts (spaces, words, characters) are
// measured once per paragraph: measuring (HarfBuzz shaping) is the costly part of the layout.
class LineBuilder {
  public:
    LineBuilder(const HardLine& line, FontSpec font, const TextMeasurer& measurer)
        : line_(line), font_(font), measurer_(measurer) {}

    // Width of the code points in span, measured run by run, px.
    std::int64_t width(Span span) {
        std::int64_t total = 0;
        for (const auto& run : split_runs(line_.levels, line_.roles, span.begin, span.end))
            total += run_width(run);
        return total;
    }

    TextLine build(Span span) {
        auto runs = split_runs(line_.levels, line_.roles, span.begin, span.end);
        reorder_visually(runs);
        TextLine out;
        std::int64_t x = 0;
        for (const auto& run : runs) {
            TextRun text_run;
            text_run.text = run_text(run);
            text_run.role = run.role;
            text_run.rtl = run.rtl();
            text_run.x = clamp_px(x);
            text_run.width = run_width(run);
            x += text_run.width;
            out.runs.push_back(std::move(text_run));
        }
        out.width = clamp_px(x);
        return out;
    }

  private:
    static int clamp_px(std::int64_t v) {
        return static_cast<int>(std::min<std::int64_t>(v, std::numeric_limits<int>::max()));
    }

    std::string run_text(const LogicalRun& run) const {
        return encode_utf8(std::u32string_view(line_.text).substr(run.begin, run.end - run.begin));
    }

    int run_width(const LogicalRun& run) {
        const FontSpec font{run.role, font_.size_px};
        std::string text = run_text(run);
        if (text.size() > max_memo_bytes) return measurer_.width(text, font, run.rtl());
        text.insert(text.begin(), {static_cast<char>(run.role), static_cast<char>(run.rtl())});
        const auto it = memo_.find(text);
        if (it != memo_.end()) return it->second;
        const int w = measurer_.width(std::string_view(text).substr(2), font, run.rtl());
        memo_.emplace(std::move(text), w);
        return w;
    }

    static constexpr std::size_t max_memo_bytes = 32;
    const HardLine& line_;
    FontSpec font_;
    const TextMeasurer& measurer_;
    std::unordered_map<std::string, int> memo_; // key: role, rtl, then the text
};

// Skips the breaking spaces at the start of a new line.
std::size_t skip_spaces(const std::u32string& text, std::size_t i) {
    while (i < text.size() && is_breaking_space(text[i]))
        ++i;
    return i;
}

// The text between two break opportunities: [begin, content_end) then trailing blanks up to end.
struct Unit {
    std::size_t begin = 0;
    std::size_t content_end = 0;
    std::size_t end = 0;
};

std::vector<Unit> units_of(const HardLine& line) {
    std::vector<Unit> units;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < line.text.size(); ++i) {
        if (line.breaks[i] != LINEBREAK_ALLOWBREAK && i + 1 != line.text.size()) continue;
        std::size_t content_end = i + 1;
        while (content_end > begin && is_blank(line.text[content_end - 1]))
            --content_end;
        units.push_back({begin, content_end, i + 1});
        begin = i + 1;
    }
    return units;
}

// Greedy filling of one hard line: each line takes as many units as fit in max_width. Each unit
// and each character of a cut word is measured once, and lines are estimated as the sum of those
// widths; only the chosen line is measured whole (kerning across a break may differ by a pixel:
// a line found too wide then gives back its last units). So the work is linear in the text.
class LineFiller {
  public:
    LineFiller(const HardLine& line, FontSpec font, int max_width, const TextMeasurer& measurer,
               std::vector<TextLine>& out)
        : text_(line.text), builder_(line, font, measurer), max_(max_width), out_(out),
          units_(units_of(line)), content_w_(units_.size(), -1), blank_w_(units_.size(), -1) {}

    // Fills the lines; true when a word had to be cut between characters.
    bool run() {
        std::size_t k = 0;
        std::size_t start = 0;
        std::int64_t piece = -1; // width of unit k's content from start when known, else -1
        while (k < units_.size()) {
            if (start >= units_[k].end) {
                ++k;
                piece = -1;
                continue;
            }
            const std::int64_t first = piece >= 0 ? piece : piece_width(k, start);
            if (first > max_ && start < units_[k].content_end) {
                const auto [rest_start, rest_width] = break_word(k, start);
                start = rest_start;
                piece = rest_width;
                continue;
            }
            std::int64_t full = first + blank_width(k);
            std::size_t last = k;
            while (last + 1 < units_.size() && full + content_width(last + 1) <= max_) {
                full += content_width(last + 1) + blank_width(last + 1);
                ++last;
            }
            last = emit_line(start, k, last, [&](std::size_t i) { return units_[i].end; });
            start = skip_spaces(text_, units_[last].end);
            k = last + 1;
            piece = -1;
        }
        return broke_word_;
    }

  private:
    // Lines measured whole and found too wide give back at most this many units or characters.
    static constexpr int max_backoffs = 8;

    std::int64_t content_width(std::size_t k) {
        if (content_w_[k] < 0)
            content_w_[k] = builder_.width({units_[k].begin, units_[k].content_end});
        return content_w_[k];
    }

    // Width of unit k's content from start (usually the unit's own start).
    std::int64_t piece_width(std::size_t k, std::size_t start) {
        const Unit& u = units_[k];
        if (start == u.begin) return content_width(k);
        return start < u.content_end ? builder_.width({start, u.content_end}) : 0;
    }

    std::int64_t blank_width(std::size_t k) {
        if (blank_w_[k] < 0) blank_w_[k] = builder_.width({units_[k].content_end, units_[k].end});
        return blank_w_[k];
    }

    // Emits the line from start to end_of(last), giving back pieces (down to end_of(first))
    // while it measures wider than the line. Returns the last piece kept.
    template <typename EndOf>
    std::size_t emit_line(std::size_t start, std::size_t first, std::size_t last, EndOf end_of) {
        for (int tries = 0;; ++tries) {
            const Span span = trim(text_, {start, end_of(last)});
            TextLine line = builder_.build(span);
            if (line.width <= max_ || last == first || tries == max_backoffs) {
                if (!span.empty()) out_.push_back(std::move(line));
                return last;
            }
            --last;
        }
    }

    // End of the character (a code point with its combining marks) that starts at i.
    std::size_t next_boundary(std::size_t i, std::size_t end) const {
        ++i;
        while (i < end && (is_combining_mark(text_[i]) || text_[i - 1] == 0x200D))
            ++i;
        return i;
    }

    // Cuts unit k's content from start between characters, line by line, until the rest fits
    // a line. Returns where the rest starts and its width.
    std::pair<std::size_t, std::int64_t> break_word(std::size_t k, std::size_t start) {
        const std::size_t end = units_[k].content_end;
        std::vector<std::size_t> ends;    // character ends
        std::vector<std::int64_t> widths; // character widths
        for (std::size_t i = start; i < end; i = ends.back()) {
            ends.push_back(next_boundary(i, end));
            widths.push_back(builder_.width({i, ends.back()}));
        }
        std::vector<std::int64_t> rest(widths.size() + 1, 0); // rest[c]: width from character c
        for (std::size_t c = widths.size(); c-- > 0;)
            rest[c] = rest[c + 1] + widths[c];
        std::size_t c = 0;
        while (c < ends.size()) {
            const std::size_t begin = c == 0 ? start : ends[c - 1];
            // After a cut and skipped spaces the line may start inside a character.
            const std::int64_t first =
                start == begin ? widths[c] : builder_.width({start, ends[c]});
            if (first + rest[c + 1] <= max_) return {start, first + rest[c + 1]};
            broke_word_ = true;
            std::int64_t used = first;
            std::size_t next = c + 1;
            while (next < ends.size() && used + widths[next] <= max_)
                used += widths[next++];
            const std::size_t kept =
                emit_line(start, c, next - 1, [&](std::size_t i) { return ends[i]; });
            start = skip_spaces(text_, ends[kept]);
            c = kept + 1;
            while (c < ends.size() && ends[c] <= start)
                ++c;
        }
        return {start, 0};
    }

    const std::u32string& text_;
    LineBuilder builder_;
    int max_;
    std::vector<TextLine>& out_;
    std::vector<Unit> units_;
    std::vector<std::int64_t> content_w_; // per unit, -1 until measured
    std::vector<std::int64_t> blank_w_;
    bool broke_word_ = false;
};

// Drops the combining marks past max_combining_marks on one character. The loader refuses such
// text; this keeps the layout itself fast on any input: shaping 100,000 accents on one letter
// took HarfBuzz minutes.
void drop_excess_marks(std::u32string& text) {
    std::size_t marks = 0;
    std::erase_if(text, [&marks](char32_t cp) {
        marks = is_combining_mark(cp) ? marks + 1 : 0;
        return marks > max_combining_marks;
    });
}

HardLine prepare(const std::u32string& text, const std::vector<char>& breaks, Span span, bool rtl,
                 FontRole base) {
    HardLine line;
    line.text = text.substr(span.begin, span.end - span.begin);
    line.breaks.assign(breaks.begin() + static_cast<std::ptrdiff_t>(span.begin),
                       breaks.begin() + static_cast<std::ptrdiff_t>(span.end));
    line.levels = embedding_levels(line.text, rtl);
    line.roles = font_roles(line.text, line.levels, base);
    return line;
}

} // namespace

int Paragraph::widest() const {
    int widest = 0;
    for (const auto& line : lines)
        widest = std::max(widest, line.width);
    return widest;
}

Paragraph layout_paragraph(std::string_view utf8, FontSpec font, int max_width,
                           const TextMeasurer& measurer) {
    Paragraph paragraph;
    paragraph.line_height = measurer.line_height(font);
    std::u32string text = decode_utf8(utf8);
    drop_excess_marks(text);
    paragraph.rtl = first_strong_is_rtl(text);
    const std::vector<char> breaks = break_opportunities(text);
    for (const Span span : hard_lines(text, breaks)) {
        if (span.empty()) {
            paragraph.lines.emplace_back(); // a blank line between lines of text
            continue;
        }
        const HardLine line = prepare(text, breaks, span, paragraph.rtl, font.role);
        if (LineFiller(line, font, max_width, measurer, paragraph.lines).run()) {
            paragraph.broke_word = true;
        }
    }
    return paragraph;
}

} // namespace affiche
