// `affiche --check DIR`: the shared check_deck plus the checks that need SDL, printed.
#include "app/check_command.hpp"

#include "app/deck_reloader.hpp"
#include "app/deck_report.hpp"
#include "base/i18n.hpp"
#include "schedule/deck_check.hpp"

#include <SDL_ttf.h>

#include <cstdio>
#include <ctime>

namespace affiche {

namespace {

// What only the player can check, with SDL: every image decoded, and readability measured with
// the deck's own fonts. affiche-sync gets these by running `affiche --check` as a child.
void sdl_checks(LoadResult& loaded) {
    decode_images(loaded);
    if (!loaded.deck || TTF_Init() != 0) return;
    auto assets = loaded.content ? assets_from(*loaded.deck, *loaded.content) : nullptr;
    for (auto& d : readability_warnings(*loaded.deck, std::move(assets)))
        loaded.diagnostics.push_back(std::move(d));
    TTF_Quit();
}

} // namespace

int run_check(const std::string& dir) {
    const LoadResult loaded = check_deck(dir, std::time(nullptr), sdl_checks);
    const Diagnostics& ds = loaded.diagnostics;
    print_diagnostics(ds);
    if (has_errors(ds)) return 1;
    const std::size_t n = loaded.deck->play_order.size();
    std::printf("%s\n", format_text(trn("{1}: deck OK, {2} slide to show",
                                        "{1}: deck OK, {2} slides to show", n),
                                    {dir, std::to_string(n)})
                            .c_str());
    return 0;
}

} // namespace affiche
