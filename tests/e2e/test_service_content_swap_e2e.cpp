// End to end, as a service: the content folder replaced under the player: a symlink swapped by
// rename (the sync's atomic deploy), and the folder deleted then restored.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: a content symlink swapped by rename is followed") {
    TempDir t("symlink");
    make_deck(t.dir() / "v1", 1);
    make_deck(t.dir() / "v2", 1);
    write_text(t.dir() / "v2" / "slides" / "10-texte.toml", texte_file("texte-v2", "Version deux"));
    fs::create_directory_symlink("v1", t.dir() / "current");
    Session s(t.dir(), t.dir() / "current");
    s.require_started();
    const std::string rev1 = s.field("revision");

    // The atomic deploy: ln -s v2 tmp && mv -T tmp current.
    REQUIRE(symlink("v2", (t.dir() / "tmp").c_str()) == 0);
    REQUIRE(rename((t.dir() / "tmp").c_str(), (t.dir() / "current").c_str()) == 0);
    CHECK(wait_for([&] { return s.field("revision") != rev1; }, reload_budget_ms));
    INFO(s.player->log());
    const std::string rev2 = s.field("revision");
    CHECK(s.field("ok") == "true");
    CHECK(wait_for([&] { return s.field("slide_id") == "texte-v2"; }, 6000));
    CHECK(count_of(s.player->log(), "slides changed") == 1);

    // Now the watches follow v2, not v1.
    write_text(t.dir() / "v2" / "slides" / "10-texte.toml",
               texte_file("texte-v3", "Version trois"));
    CHECK(wait_for([&] { return s.field("revision") != rev2; }, reload_budget_ms));
    CHECK(count_of(s.player->log(), "slides changed") == 2);
    write_text(t.dir() / "v1" / "slides" / "10-texte.toml", texte_file("texte-v1", "Plus suivi"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(count_of(s.player->log(), "slides changed") == 2);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: the content folder deleted, then restored") {
    TempDir t("deleted");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");

    fs::remove_all(t.dir() / "deck");
    const bool failed = wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms);
    INFO(s.player->log());
    INFO(s.json());
    CHECK(failed);
    CHECK(s.json().find("no slides/ folder") != std::string::npos);
    // Still playing the deck from memory, images included.
    CHECK(s.player->running());
    CHECK(s.slide_changes_over(3000) >= 2);
    CHECK(s.field("revision") == rev0);

    make_deck(t.dir() / "deck", 1); // same content, copied file by file
    CHECK(wait_for([&] { return s.field("ok") == "true"; }, reload_budget_ms));
    CHECK(wait_for([&] { return s.field("revision") == rev0; }, reload_budget_ms));
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("cannot compose") == std::string::npos);
    CHECK(log.find("cannot open") == std::string::npos);
}
