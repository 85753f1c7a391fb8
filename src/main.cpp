// affiche's entry point: parse the command line and run the chosen mode.
#include "app/check_command.hpp"
#include "app/deck_report.hpp"
#include "app/options.hpp"
#include "app/player.hpp"
#include "app/render_command.hpp"
#include "app/schedule_command.hpp"
#include "app/signals.hpp"
#include "app/translations.hpp"

#include <cstdio>
#include <exception>

using namespace affiche;

static int run(int argc, char** argv) {
    init_translations(); // messages in the user's language (LANG), English by default
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
    // --check, --render and --schedule keep INT and TERM at their default action: they hold
    // nothing that needs a clean-up (a half-written PNG is named as it is), so the kernel ends
    // them at once, whatever they compute (SDL installs no handler: SDL_HINT_NO_SIGNAL_HANDLERS).
    // Only the player reads them, from its loop.
    switch (options.mode) {
    case Mode::check:
        return run_check(dir);
    case Mode::render:
        return run_render(options, dir);
    case Mode::schedule:
        return run_schedule(options, dir);
    default: {
        // Blocked before SDL starts any thread, so only the player's signalfd receives them.
        Signals signals;
        return Player(options, dir, signals).run();
    }
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
