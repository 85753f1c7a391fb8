// `affiche --check DIR`: load, verify, add the readability and schedule warnings, print them.
#include "app/check_command.hpp"

#include "app/deck_reloader.hpp"
#include "app/deck_report.hpp"
#include "base/i18n.hpp"
#include "schedule/schedule_report.hpp"

#include <SDL_ttf.h>

#include <cstdio>
#include <ctime>

namespace affiche {

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

} // namespace affiche
