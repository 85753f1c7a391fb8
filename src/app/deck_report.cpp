// Command-line reporting of deck problems, including text that is too small to read, or much
// smaller than on the deck's other slides.
#include "app/deck_report.hpp"

#include "base/i18n.hpp"
#include "layout/slide_layout.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <vector>

namespace affiche {

namespace {

// The screens every slide is checked on: a landscape and a portrait TV.
constexpr std::array<Size, 2> checked_screens{{{1920, 1080}, {1080, 1920}}};
// Body capitals under this share of the deck's usual (median) capitals in the same orientation
// get a warning: text size jumping from slide to slide is tiring to read.
constexpr double smallest_share_of_usual = 0.8;

// One slide's body capital height (px) on each checked screen.
struct SlideSizes {
    std::array<int, checked_screens.size()> cap_px{};
    std::array<bool, checked_screens.size()> readable{};
    bool has_body = false; // body or bullets: a title-only slide has no body size to compare
};

// The median of values (the lower middle one for an even count); 0 when there are none.
int median_of(std::vector<int> values) {
    if (values.empty()) return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>((values.size() - 1) / 2);
    std::nth_element(values.begin(), middle, values.end());
    return *middle;
}

// Every shown slide laid out on every checked screen, in play order.
std::vector<SlideSizes> measure_slides(const Deck& deck, const TextMeasurer& measurer,
                                       ImageStore& images) {
    std::vector<SlideSizes> out;
    for (int i = 0; i < deck.shown_count(); ++i) {
        const Slide& slide = deck.shown(i);
        std::optional<Size> image;
        if (!slide.image_path.empty()) image = images.size_of(slide.image_path);
        SlideSizes s;
        s.has_body = !slide.body.empty() || !slide.bullets.empty();
        for (std::size_t k = 0; k < checked_screens.size(); ++k) {
            const SlideLayout l = layout_slide(deck, i, checked_screens[k], measurer, image);
            s.cap_px[k] = l.cap_height_px;
            s.readable[k] = l.readable;
        }
        out.push_back(s);
        images.release();
    }
    return out;
}

// The usual body capital height (px) on each checked screen: the median over slides with a body.
std::array<int, checked_screens.size()> usual_caps(const std::vector<SlideSizes>& sizes) {
    std::array<int, checked_screens.size()> out{};
    for (std::size_t k = 0; k < checked_screens.size(); ++k) {
        std::vector<int> caps;
        for (const SlideSizes& s : sizes)
            if (s.has_body) caps.push_back(s.cap_px[k]);
        out[k] = median_of(std::move(caps));
    }
    return out;
}

Diagnostic too_small(const Deck& deck, const Slide& slide, Size screen, int cap_px) {
    const int wanted = static_cast<int>(deck.theme.min_cap_height * screen.h + 0.999);
    return {Severity::warning, slide.loc,
            trf("slide '{1}' has too much text: at {2}x{3} its "
                "capitals would be {4} px high, under the {5} px "
                "readable from 4 m",
                {slide.id, std::to_string(screen.w), std::to_string(screen.h),
                 std::to_string(cap_px), std::to_string(wanted)}),
            tr("shorten it or split it into two slides")};
}

Diagnostic smaller_than_usual(const Slide& slide, Size screen, int cap_px, int usual_px) {
    return {Severity::warning, slide.loc,
            trf("slide '{1}' has smaller text than the deck's other slides: at {2}x{3} its "
                "capitals are {4} px high, against {5} px on most slides",
                {slide.id, std::to_string(screen.w), std::to_string(screen.h),
                 std::to_string(cap_px), std::to_string(usual_px)}),
            tr("shorten it, or split it into two slides, so that it reads like the others")};
}

// At most one warning for a slide: too small to read on some screen, else much smaller than the
// deck's usual size on some screen; nullopt when neither.
std::optional<Diagnostic> size_warning(const Deck& deck, const Slide& slide, const SlideSizes& s,
                                       const std::array<int, checked_screens.size()>& usual) {
    for (std::size_t k = 0; k < checked_screens.size(); ++k)
        if (!s.readable[k]) return too_small(deck, slide, checked_screens[k], s.cap_px[k]);
    if (!s.has_body) return std::nullopt;
    for (std::size_t k = 0; k < checked_screens.size(); ++k)
        if (s.cap_px[k] < smallest_share_of_usual * usual[k])
            return smaller_than_usual(slide, checked_screens[k], s.cap_px[k], usual[k]);
    return std::nullopt;
}

} // namespace

Diagnostics readability_warnings(const Deck& deck, std::shared_ptr<const AssetBytes> assets) {
    FontCache fonts(deck.theme, assets);
    TtfMeasurer measurer(fonts);
    ImageStore images(std::move(assets));
    return readability_warnings(deck, fonts, measurer, images);
}

Diagnostics readability_warnings(const Deck& deck, const FontCache& fonts,
                                 const TtfMeasurer& measurer, ImageStore& images) {
    Diagnostics out;
    const std::vector<SlideSizes> sizes = measure_slides(deck, measurer, images);
    const auto usual = usual_caps(sizes);
    for (int i = 0; i < deck.shown_count(); ++i) {
        if (auto w = size_warning(deck, deck.shown(i), sizes[static_cast<std::size_t>(i)], usual))
            out.push_back(std::move(*w));
    }
    for (const auto& p : fonts.problems())
        out.push_back(p); // a broken font file
    return out;
}

void print_diagnostics(const Diagnostics& ds) {
    for (const auto& d : ds)
        std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    const int errors = count(ds, Severity::error);
    const int warnings = count(ds, Severity::warning);
    if (errors + warnings > 0) {
        const auto n = [](int v) { return static_cast<unsigned long>(v); };
        const std::string summary =
            trf("{1}, {2}",
                {format_text(trn("{1} error", "{1} errors", n(errors)), {std::to_string(errors)}),
                 format_text(trn("{1} warning", "{1} warnings", n(warnings)),
                             {std::to_string(warnings)})});
        std::fprintf(stderr, "%s\n", summary.c_str());
    }
}

std::string resolve_content_dir(const std::string& given) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!given.empty()) return given;
    if (fs::is_directory("slides", ec)) return ".";
#ifdef AFFICHE_DATA_DIR
    if (fs::is_directory(fs::path(AFFICHE_DATA_DIR) / "slides", ec)) return AFFICHE_DATA_DIR;
#endif
    return "";
}

} // namespace affiche
