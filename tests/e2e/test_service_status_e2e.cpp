// End to end, as a service: the status file names what is on screen, and a status file that
// cannot be written costs a log line, never the slides.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <filesystem>
#include <set>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: the status file names what is on screen") {
    TempDir t("status");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    const std::string j = s.json();
    INFO(j);
    CHECK(json_field(j, "version").find('.') != std::string::npos);
    CHECK(json_field(j, "content_dir") == (t.dir() / "deck").string());
    CHECK(json_field(j, "revision").size() == 16);
    CHECK(json_field(j, "renderer") == "software");
    CHECK(json_field(j, "width") == "640");
    CHECK(json_field(j, "height") == "360");
    CHECK(json_field(j, "slide_count") == "3");
    const std::set<std::string> ids{"texte", "liste", "image-seule"};
    CHECK(ids.count(json_field(j, "slide_id")) == 1);
    CHECK(json_field(j, "started").size() == 20); // 2026-11-28T12:00:00Z
    CHECK(json_field(j, "started").back() == 'Z');
    CHECK(json_field(j, "at") == "null"); // no reload yet
    CHECK(json_field(j, "ok") == "true");
    CHECK(j.find("\"problems\": []") != std::string::npos);
    // Every slide shows in turn, each reported with its index.
    std::set<std::string> seen;
    wait_for(
        [&] {
            seen.insert(s.field("slide_index") + ":" + s.field("slide_id"));
            return seen.size() >= 3;
        },
        8000);
    CHECK(seen == std::set<std::string>{"0:texte", "1:liste", "2:image-seule"});
    CHECK(std::stoi(s.field("uptime_s")) >= 1);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a status file that cannot be written: logged once, slides go on") {
    TempDir t("unwritable");
    make_deck(t.dir() / "deck", 1);
    write_text(t.dir() / "not-a-folder", "a regular file\n");
    const fs::path status = t.dir() / "not-a-folder" / "status.json";
    const fs::path log = t.dir() / "player.log";
    Player p({"--size", "640x360", "--status", status.string(), (t.dir() / "deck").string()}, log);
    // Let it play three 1-second slides and fail a status write at each.
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    INFO(p.log());
    REQUIRE(p.running());
    // A screenshot goes beside the status file, which cannot be: an error, and still playing.
    p.signal(SIGUSR1);
    CHECK(wait_for([&] { return p.log().find("screenshot") != std::string::npos; }, 2000));
    CHECK(p.running());
    CHECK(p.stop() == 0);
    const std::string out = p.log();
    CHECK(count_of(out, status.string() + ": Not a directory") == 1);
    const auto at = out.find("fades=");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(out.substr(at + 6)) >= 2); // at least two slide changes in 3 s
}
