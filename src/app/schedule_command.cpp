// `affiche --schedule DIR`: the deck loaded and verified, then the pure schedule report printed.
#include "app/schedule_command.hpp"

#include "app/deck_reloader.hpp"
#include "app/deck_report.hpp"
#include "schedule/schedule_report.hpp"

#include <cstdio>
#include <ctime>

namespace affiche {

int run_schedule(const Options& options, const std::string& dir) {
    LoadResult loaded = load_and_verify(dir);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.deck) return 1;
    const LocalDay first =
        options.schedule_from ? options.schedule_from->day : local_stamp(std::time(nullptr)).day;
    std::printf("%s", schedule_report(*loaded.deck, first, options.schedule_days).c_str());
    return 0;
}

} // namespace affiche
