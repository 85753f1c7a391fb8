// End to end: `affiche --render --at` and `affiche --schedule` on a deck with opening hours, in the
// Europe/Paris time zone.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

const std::string deck_dir = AFFICHE_SOURCE_DIR "/tests/fixtures/schedule";

// Europe/Paris from tzdata, else the same rules as a POSIX TZ string (a bare container).
std::string paris() {
    return fs::exists("/usr/share/zoneinfo/Europe/Paris") ? "Europe/Paris"
                                                          : "'CET-1CEST,M3.5.0,M10.5.0/3'";
}

Run run_affiche(const std::string& args) {
    return run_shell("TZ=" + paris() + " " + AFFICHE_BIN + " " + args);
}

// The PNG names --render --at writes for that moment (the folder is made fresh).
std::vector<std::string> rendered_at(const std::string& when, Run& r) {
    const TempDir t("e2e-at");
    const fs::path out = t.dir() / "out";
    r = run_affiche("--render " + out.string() + " --size 320x180 --at \"" + when + "\" " +
                    deck_dir);
    std::vector<std::string> names;
    if (fs::exists(out)) {
        for (const auto& e : fs::directory_iterator(out))
            names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("e2e schedule: --render --at renders what is on screen then") {
    Run r;
    using names = std::vector<std::string>;
    CHECK(rendered_at("2026-12-21 09:00", r) == names{"02-morning.png"});
    CHECK(r.code == 0);
    CHECK(rendered_at("2026-12-21 15:00", r) == names{"01-afternoon.png"});
    // Open, but no slide scheduled: the fallback.
    CHECK(rendered_at("2026-12-21 18:45", r) == names{"03-calm.png"});
    // Closed: a line, no picture.
    CHECK(rendered_at("2026-12-21 13:00", r).empty());
    CHECK(r.code == 0);
    CHECK(r.output.find("screen off at 2026-12-21 13:00: closed until 14:00\n") !=
          std::string::npos);
    CHECK(rendered_at("2026-12-28 10:00", r).empty());
    CHECK(r.output.find("screen off at 2026-12-28 10:00: closed date 2026-12-28\n") !=
          std::string::npos);
}

TEST_CASE("e2e schedule: --schedule prints the screen's days in plain text") {
    const Run r = run_affiche("--schedule --from 2026-12-27 --days 2 " + deck_dir);
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK(r.output == R"(
Sunday 2026-12-27
  00:00-24:00  off  closed: Sunday

Monday 2026-12-28
  00:00-24:00  off  closed date 2026-12-28
)");
    const Run week = run_affiche("--schedule --from 2026-12-21 --days 1 " + deck_dir);
    CHECK(week.output == R"(
Monday 2026-12-21
  00:00-08:30  off  closed
  08:30-12:30  on   morning
  12:30-14:00  off  closed
  14:00-18:30  on   afternoon
  18:30-19:00  on   calm (fallback: no other slide is scheduled)
  19:00-24:00  off  closed
)");
    const Run bad = run_affiche("--schedule --days 0 " + deck_dir);
    CHECK(bad.code == 2);
}

TEST_CASE("e2e schedule: the fixture checks clean") {
    const Run r = run_affiche("--check " + deck_dir);
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK(r.output.find("warning") == std::string::npos);
}
