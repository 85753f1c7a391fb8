// Headless rendering of a deck to PNG files, one per slide as it looks when fully shown.
#include "app/render_command.hpp"

#include "app/deck_reloader.hpp"
#include "app/deck_report.hpp"
#include "platform/display.hpp"
#include "platform/log.hpp"
#include "platform/slide_composer.hpp"
#include "schedule/announcement_slides.hpp"
#include "schedule/schedule.hpp"

#include <cstdio>
#include <filesystem>
#include <utility>

namespace affiche {

namespace {
std::string png_name(int index, const std::string& id) {
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%02d-", index + 1);
    return prefix + id + ".png";
}
// The announcement's slide once: its slots all show the same picture.
std::vector<int> without_repeated_slots(const Deck& deck, std::vector<int> positions) {
    bool seen = false;
    std::erase_if(positions, [&](int p) {
        if (!deck.shown(p).announcement) return false;
        return std::exchange(seen, true);
    });
    return positions;
}

// The play positions to render: all, or with --at those on screen then (none when it is off).
std::vector<int> positions_at(const Options& options, const Deck& deck) {
    std::vector<int> all;
    for (int i = 0; i < deck.shown_count(); ++i)
        all.push_back(i);
    if (!options.at) return without_repeated_slots(deck, all);
    const UnixTime t = to_unix(options.at->day, options.at->second);
    const ScreenState screen = screen_state(deck, t);
    if (screen.on) return without_repeated_slots(deck, eligible_positions(deck, t));
    std::printf("screen off at %s %s: %s\n", format_date(options.at->day).c_str(),
                format_hhmm(options.at->second).c_str(), screen.reason.c_str());
    return {};
}

// The band on the rendered slides: with --at, when the announcement shows then; without, always
// (a render shows every slide, whatever its dates, and so the announcement too).
std::string band_at(const Options& options, const Deck& deck) {
    if (!deck.announcement || deck.announcement->style != AnnouncementStyle::band) return "";
    if (options.at && !announcement_active(deck, to_unix(options.at->day, options.at->second)))
        return "";
    return deck.announcement->text;
}
} // namespace

Result<Done> draw_rendered_slide(SlideComposer& composer, int play_index, std::string_view clock) {
    ComposedSlide slide = composer.compose(play_index);
    if (!slide.texture)
        return failure({}, std::string("cannot create a slide texture: ") + SDL_GetError());
    SDL_RenderCopy(composer.renderer(), slide.texture.get(), nullptr, nullptr);
    composer.draw_live(clock, 0.5); // overlays pinned: 10:30, halfway through
    return Done{};
}

int run_render(const Options& options, const std::string& content_dir) {
    LoadResult loaded = load_and_verify(content_dir);
    if (!loaded.deck) {
        print_diagnostics(loaded.diagnostics);
        return 1;
    }
    SdlLibrary sdl;
    if (auto err = sdl.init(true)) {
        log_error("cannot start SDL: " + *err);
        return 1;
    }
    Diagnostics ds = loaded.diagnostics;
    // The bytes the load validated are the bytes checked and rendered.
    const auto assets = loaded.content ? assets_from(*loaded.deck, *loaded.content) : nullptr;
    for (auto& d : readability_warnings(*loaded.deck, assets))
        ds.push_back(std::move(d));
    print_diagnostics(ds);
    if (has_errors(ds)) return 1;

    DisplayOptions display_options;
    display_options.headless = true;
    display_options.size = options.size.value_or(Size{1920, 1080});
    auto display = open_display(display_options);
    if (!display) {
        log_error(display.error().message);
        return 1;
    }
    std::error_code ec;
    std::filesystem::create_directories(options.render_dir, ec);
    if (ec) {
        log_error(options.render_dir + ": cannot create folder: " + ec.message());
        return 1;
    }
    insert_announcement_slots(*loaded.deck); // style "slide": its own slide
    auto deck = std::make_shared<const Deck>(std::move(*loaded.deck));
    SlideComposer composer(deck, assets, display->renderer.get(), display->size,
                           display->max_texture_side);
    composer.set_band(band_at(options, *deck));
    SDL_Renderer* r = display->renderer.get();
    for (int i : positions_at(options, *deck)) {
        if (auto drawn = draw_rendered_slide(composer, i, options.clock); !drawn) {
            log_error(drawn.error().message);
            return 1;
        }
        const Slide& s = deck->shown(i);
        const std::string path =
            (std::filesystem::path(options.render_dir) / png_name(i, s.id)).string();
        if (auto saved = save_png(r, display->size, path); !saved) {
            log_error(format_diagnostic(saved.error()));
            return 1;
        }
        SDL_RenderPresent(r);
        std::printf("%s\n", path.c_str());
    }
    return 0;
}

} // namespace affiche
