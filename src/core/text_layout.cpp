// Line breaking (libunibreak), bidi reordering (GNU FriBidi) and measuring of paragraphs,
// with the text measurer injected so that the core needs no font library.
#include "core/text_layout.hpp"

#include "core/bidi_runs.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <linebreak.h>
#include <mutex>
#include <optional>
#include <type_traits>

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
    const std::vector<utf32_t> chars(text.begin(), text.end());
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

class LineBuilder {
  public:
    LineBuilder(const HardLine& line, FontSpec font, const TextMeasurer& measurer)
        : line_(line), font_(font), measurer_(measurer) {}

    // Width of the code points in span, measured run by run.
    int width(Span span) const {
        int total = 0;
        for (const auto& run : split_runs(line_.levels, line_.roles, span.begin, span.end))
            total += run_width(run);
        return total;
    }

    TextLine build(Span span) const {
        auto runs = split_runs(line_.levels, line_.roles, span.begin, span.end);
        reorder_visually(runs);
        TextLine out;
        for (const auto& run : runs) {
            TextRun text_run;
            text_run.text = run_text(run);
            text_run.role = run.role;
            text_run.rtl = run.rtl();
            text_run.x = out.width;
            text_run.width = run_width(run);
            out.width += text_run.width;
            out.runs.push_back(std::move(text_run));
        }
        return out;
    }

  private:
    std::string run_text(const LogicalRun& run) const {
        return encode_utf8(std::u32string_view(line_.text).substr(run.begin, run.end - run.begin));
    }

    int run_width(const LogicalRun& run) const {
        return measurer_.width(run_text(run), FontSpec{run.role, font_.size_px}, run.rtl());
    }

    const HardLine& line_;
    FontSpec font_;
    const TextMeasurer& measurer_;
};

// Skips the breaking spaces at the start of a new line.
std::size_t skip_spaces(const std::u32string& text, std::size_t i) {
    while (i < text.size() && is_breaking_space(text[i]))
        ++i;
    return i;
}

// For a word too wide for a line: the end of the longest prefix of span that fits, cut between
// characters (a code point with its combining marks), and at least one character.
std::size_t character_break(const std::u32string& text, Span span, int max_width,
                            const LineBuilder& builder) {
    const auto next_boundary = [&](std::size_t i) {
        ++i;
        while (i < span.end && (is_combining_mark(text[i]) || text[i - 1] == 0x200D))
            ++i;
        return i;
    };
    std::size_t fitting = next_boundary(span.begin);
    while (fitting < span.end) {
        const std::size_t candidate = next_boundary(fitting);
        if (builder.width({span.begin, candidate}) > max_width) break;
        fitting = candidate;
    }
    return fitting;
}

// Greedy filling of one hard line: each line takes as many break units as fit in max_width.
bool fill_lines(const HardLine& line, FontSpec font, int max_width, const TextMeasurer& measurer,
                std::vector<TextLine>& out) {
    const LineBuilder builder(line, font, measurer);
    const std::u32string& text = line.text;
    const auto content = [&](std::size_t begin, std::size_t last) {
        return trim(text, {begin, last + 1});
    };
    std::vector<std::size_t> candidates; // break after these indices
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (line.breaks[i] == LINEBREAK_ALLOWBREAK) candidates.push_back(i);
    candidates.push_back(text.size() - 1);

    std::size_t start = 0;
    bool broke_word = false;
    std::optional<std::size_t> last_fit;
    std::size_t next = 0;
    while (next < candidates.size()) {
        const std::size_t candidate = candidates[next];
        if (candidate < start) {
            ++next;
            continue;
        }
        const Span span = content(start, candidate);
        if (builder.width(span) <= max_width) {
            last_fit = candidate;
            ++next;
        } else if (last_fit && *last_fit >= start) {
            out.push_back(builder.build(content(start, *last_fit)));
            start = skip_spaces(text, *last_fit + 1);
        } else {
            const std::size_t cut = character_break(text, span, max_width, builder);
            out.push_back(builder.build(trim(text, {span.begin, cut})));
            start = skip_spaces(text, cut);
            broke_word = true;
        }
    }
    if (last_fit && *last_fit >= start) {
        const Span rest = content(start, *last_fit);
        if (!rest.empty()) out.push_back(builder.build(rest));
    }
    return broke_word;
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

bool is_arabic_code_point(char32_t cp) {
    return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
           (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF);
}

Paragraph layout_paragraph(std::string_view utf8, FontSpec font, int max_width,
                           const TextMeasurer& measurer) {
    Paragraph paragraph;
    paragraph.line_height = measurer.line_height(font);
    const std::u32string text = decode_utf8(utf8);
    paragraph.rtl = first_strong_is_rtl(text);
    const std::vector<char> breaks = break_opportunities(text);
    for (const Span span : hard_lines(text, breaks)) {
        if (span.empty()) {
            paragraph.lines.emplace_back(); // a blank line between lines of text
            continue;
        }
        const HardLine line = prepare(text, breaks, span, paragraph.rtl, font.role);
        if (fill_lines(line, font, max_width, measurer, paragraph.lines)) {
            paragraph.broke_word = true;
        }
    }
    return paragraph;
}

} // namespace affiche
