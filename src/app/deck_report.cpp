// Command-line reporting of deck problems, including text that is too small to read.
#include "app/deck_report.hpp"

#include "base/i18n.hpp"
#include "layout/slide_layout.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"

#include <cstdio>
#include <filesystem>

namespace affiche {

Diagnostics readability_warnings(const Deck& deck, std::shared_ptr<const AssetBytes> assets) {
    Diagnostics out;
    FontCache fonts(deck.theme, assets);
    TtfMeasurer measurer(fonts);
    ImageStore images(std::move(assets));
    const Size screens[] = {{1920, 1080}, {1080, 1920}};
    for (int i = 0; i < deck.shown_count(); ++i) {
        const Slide& slide = deck.shown(i);
        std::optional<Size> image;
        if (!slide.image_path.empty()) image = images.prepare(slide.image_path);
        for (const Size screen : screens) {
            const SlideLayout l = layout_slide(deck, i, screen, measurer, image);
            if (l.readable) continue;
            const int wanted = static_cast<int>(deck.theme.min_cap_height * screen.h + 0.999);
            out.push_back({Severity::warning, slide.loc,
                           trf("slide '{1}' has too much text: at {2}x{3} its "
                               "capitals would be {4} px high, under the {5} px "
                               "readable from 4 m",
                               {slide.id, std::to_string(screen.w), std::to_string(screen.h),
                                std::to_string(l.cap_height_px), std::to_string(wanted)}),
                           tr("shorten it or split it into two slides")});
            break;
        }
        images.release();
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
