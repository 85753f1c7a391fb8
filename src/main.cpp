// affiche's entry point: parse the command line and run the chosen mode.
#include "app/deck_reloader.hpp"
#include "app/deck_report.hpp"
#include "app/player.hpp"
#include "app/render_command.hpp"
#include "app/signals.hpp"
#include "app/translations.hpp"
#include "core/i18n.hpp"
#include "core/options.hpp"
#include "core/schedule_report.hpp"

#include <SDL_image.h>
#include <SDL_ttf.h>

#include <cstdio>
#include <ctime>
#include <exception>

using namespace affiche;

namespace {

int run_check(const std::string& dir) {
    LoadResult loaded = load_and_verify(dir);
    Diagnostics ds = loaded.diagnostics;
    if (loaded.deck && TTF_Init() == 0) {
        auto assets = loaded.content ? assets_from(*loaded.deck, *loaded.content) : nullptr;
        for (auto& d : readability_warnings(*loaded.deck, std::move(assets)))
            ds.push_back(std::move(d));
        TTF_Quit();
    }
    if (loaded.deck) {
        for (auto& d : schedule_warnings(*loaded.deck, std::time(nullptr)))
            ds.push_back(std::move(d));
    }
    print_diagnostics(ds);
    if (has_errors(ds)) return 1;
    const std::size_t n = loaded.deck->play_order.size();
    std::printf("%s\n", format_text(trn("{1}: deck OK, {2} slide to show",
                                        "{1}: deck OK, {2} slides to show", n),
                                    {dir, std::to_string(n)})
                            .c_str());
    return 0;
}

// Prints when the screen goes on and off and which slides play, day by day.
int run_schedule(const Options& options, const std::string& dir) {
    LoadResult loaded = load_and_verify(dir);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.deck) return 1;
    const LocalDay first =
        options.schedule_from ? options.schedule_from->day : local_stamp(std::time(nullptr)).day;
    std::printf("%s", schedule_report(*loaded.deck, first, options.schedule_days).c_str());
    return 0;
}

} // namespace

static int run(int argc, char** argv) {
    init_translations(); // messages in the user's language (LANG), English by default
    // Signals are blocked before SDL starts any thread, so only our signalfd receives them.
    Signals signals;
    auto parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (auto* err = std::get_if<UsageError>(&parsed)) {
        std::fprintf(stderr, "affiche: %s\n\n%s", err->message.c_str(), usage_text().c_str());
        return 2;
    }
    const Options& options = std::get<Options>(parsed);
    if (options.mode == Mode::help) {
        std::printf("%s", usage_text().c_str());
        return 0;
    }
    if (options.mode == Mode::version) {
        std::printf("affiche %s\n", AFFICHE_VERSION);
        return 0;
    }
    const std::string dir = resolve_content_dir(options.content_dir);
    if (dir.empty()) {
        std::fprintf(stderr, "affiche: no content folder: give one, or run where slides/ is\n");
        return 2;
    }
    switch (options.mode) {
    case Mode::check:
        return run_check(dir);
    case Mode::render:
        return run_render(options, dir);
    case Mode::schedule:
        return run_schedule(options, dir);
    default:
        return Player(options, dir, signals).run();
    }
}

int main(int argc, char** argv) {
    // The one boundary for exceptions (out of memory, a standard library failure): end with a
    // message and a non-zero code, and let systemd restart the player.
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "affiche: error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "affiche: error: unexpected exception\n");
    }
    return 1;
}
