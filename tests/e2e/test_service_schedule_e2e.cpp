// End to end, as a service: the schedule while playing: slides out of their dates skipped, and the
// injected clock (AFFICHE_FAKE_CLOCK) running the player across a closing time.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <filesystem>
#include <set>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: slides out of schedule are skipped, the first one included") {
    TempDir t("schedule");
    make_deck(t.dir() / "deck", 1);
    const fs::path file = t.dir() / "deck" / "slides" / "10-texte.toml";
    std::string text = read_text(file);
    const std::string id = "id = \"texte\"\n";
    REQUIRE(text.find(id) != std::string::npos);
    text.replace(text.find(id), id.size(), id + "until = 2000-01-01\n"); // long past
    write_text(file, text);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    std::set<std::string> seen;
    const auto start = SteadyClock::now();
    while (ms_since(start) < 4000) {
        seen.insert(s.field("slide_id"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(seen == std::set<std::string>{"liste", "image-seule"});
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a fake clock runs the player across a closing time: screen off, then on") {
    TempDir t("screen");
    // The fake clock runs the whole loop 300 times faster: 300 s slides change about once a
    // real second, as the 1 s slides of the other tests.
    make_deck(t.dir() / "deck", 300);
    const fs::path deck_toml = t.dir() / "deck" / "slides" / "deck.toml";
    // Closed from 12:00 to 12:30 on Monday 2026-12-21; no CEC or DPMS here: a black frame.
    write_text(deck_toml, read_text(deck_toml) +
                              "\n[opening_hours]\nmon = [\"08:00-12:00\", \"12:30-18:00\"]\n"
                              "\n[screen]\ncec = false\ndpms = false\n");
    // 300 times faster from 11:40 (UTC): closing after ~4 s, opening 6 s later.
    Session s(t.dir(), t.dir() / "deck",
              {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 11:40x300"}});
    s.require_started();
    INFO(s.player->log());
    CHECK(s.field("on") == "true");
    CHECK(s.field("reason") == "open until 12:00");
    CHECK(s.field("next_change") == "2026-12-21T12:00:00Z");
    REQUIRE(wait_for([&] { return s.field("on") == "false"; }, 15'000));
    const std::string off = s.json();
    CHECK(json_field(off, "off_by") == "black frame");
    CHECK(json_field(off, "next_change") == "2026-12-21T12:30:00Z");
    CHECK(json_field(off, "now").rfind("2026-12-21T12:0", 0) == 0); // the fake clock's time
    // Off: no slide changes while the slides change about once a real second.
    const std::string slide_at_off = s.field("slide_since");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    if (s.field("on") == "false") CHECK(s.field("slide_since") == slide_at_off);
    REQUIRE(wait_for([&] { return s.field("on") == "true"; }, 15'000));
    CHECK(s.field("reason") == "open until 18:00");
    CHECK(s.field("off_by") == "");
    CHECK(s.slide_changes_over(2500) >= 1); // playing again
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("screen off (black frame)") != std::string::npos);
    CHECK(log.find("screen on: open until 18:00") != std::string::npos);
}
