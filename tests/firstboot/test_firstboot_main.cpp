// affiche-firstboot's command line (base/command_line, as the other programs): options before,
// between or after the two paths, and every usage error exits 2 with the usage line.
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#ifdef AFFICHE_FIRSTBOOT_BIN
using affiche::testing::run_program;
using affiche::testing::TempDir;

namespace {

const std::string usage_line =
    "usage: affiche-firstboot CARD_TOML OUT_DIR [--zoneinfo DIR] [--no-hostname]";

// An empty affiche.toml (every default) and a tz database of one zone, the default one.
struct Card {
    TempDir dir{"firstboot-cli"};
    Card() {
        dir.write("affiche.toml", "");
        dir.write("zoneinfo/Europe/Paris", "TZif");
    }
};

} // namespace

TEST_CASE("affiche-firstboot: --zoneinfo and --no-hostname anywhere around the two paths") {
    Card card;
    const auto run =
        run_program({AFFICHE_FIRSTBOOT_BIN, "--no-hostname", card.dir.path("affiche.toml"),
                     "--zoneinfo", card.dir.path("zoneinfo"), card.dir.path("run")});
    CHECK_MESSAGE(run.code == 0, run.output);
    CHECK(std::filesystem::read_symlink(card.dir.path("run/localtime")) ==
          card.dir.path("zoneinfo/Europe/Paris"));
}

TEST_CASE("affiche-firstboot: usage errors exit 2 with the usage line") {
    Card card;
    const std::string toml = card.dir.path("affiche.toml");
    const std::string out = card.dir.path("run");
    const std::vector<std::vector<std::string>> wrong = {
        {toml, out, "--no-hostname", "--zoneinfo"}, // a value missing
        {toml, out, "--no-hostname", "--bogus"},    // an unknown option
        {toml, "--no-hostname"},                    // one path
        {toml, out, "third", "--no-hostname"},      // three paths
    };
    for (const auto& args : wrong) {
        std::vector<std::string> argv{AFFICHE_FIRSTBOOT_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto run = run_program(argv);
        INFO(args.back() << ": " << run.output);
        CHECK(run.code == 2);
        CHECK(run.output.find(usage_line) != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(out));
}
#endif
