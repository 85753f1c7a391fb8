// End to end, as a service: the announcement comes at its `from` and goes at its `until` by
// itself (the fake clock runs the player across both), with no reload; the status file says so,
// and the screen shows the band only in between.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <signal.h>

#include <filesystem>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

constexpr Uint32 accent = 0xFFD080; // the fixture's theme.accent: the band's fill

// Pixels of the band's fill in the lower half of a screenshot (the title, also in the accent,
// is at the top).
long band_pixels(const fs::path& png) {
    SDL_Surface* raw = IMG_Load(png.c_str());
    REQUIRE_MESSAGE(raw != nullptr, IMG_GetError());
    SDL_Surface* px = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    REQUIRE(px != nullptr);
    long n = 0;
    for (int y = px->h / 2; y < px->h; ++y) {
        const auto* row =
            reinterpret_cast<const Uint32*>(static_cast<const char*>(px->pixels) + y * px->pitch);
        for (int x = 0; x < px->w; ++x)
            n += (row[x] & 0xFFFFFFu) == accent;
    }
    SDL_FreeSurface(px);
    return n;
}

// Saves the screen (SIGUSR1) and counts the band's pixels on it; shots counts the saves so far.
long band_on_screen(Session& s, int& shots) {
    const fs::path shot = s.run_dir / "screenshot.png";
    s.player->signal(SIGUSR1);
    ++shots;
    REQUIRE(wait_for(
        [&] { return count_of(s.player->log(), "screenshot saved to " + shot.string()) == shots; },
        reload_budget_ms));
    return band_pixels(shot);
}

} // namespace

TEST_CASE("service e2e: the announcement band comes at 'from' and goes at 'until', no reload") {
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("announcement");
    make_deck(t.dir() / "deck", 300); // 300 s slides: at x30 one every 10 real seconds
    write_text(t.dir() / "deck" / "slides" / "announcement.toml",
               "[announcement]\n"
               "text = \"Le Dr X a environ 30 minutes de retard\"\n"
               "from = 2026-12-21T09:02:00\n"
               "until = 2026-12-21T09:04:00\n");
    // 30 times faster from 09:00 (UTC): from after 4 real seconds, until after 8.
    Session s(t.dir(), t.dir() / "deck",
              {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 09:00x30"}});
    s.require_started();
    INFO(s.player->log());
    CHECK(s.field("text") == "Le Dr X a environ 30 minutes de retard");
    CHECK(s.field("from") == "2026-12-21T09:02:00");
    CHECK(s.field("until") == "2026-12-21T09:04:00");
    CHECK(s.field("style") == "band");
    int shots = 0;
    if (s.field("now") < "2026-12-21T09:01:40Z") { // still well before from on this machine
        CHECK(s.field("showing") == "false");
        CHECK(band_on_screen(s, shots) < 500);
    }
    REQUIRE(wait_for([&] { return s.field("showing") == "true"; }, 20'000));
    CHECK(s.field("now") >= "2026-12-21T09:02:00Z");
    // The slide on screen is composed again with the band (a short crossfade at this speed).
    CHECK(wait_for([&] { return band_on_screen(s, shots) > 8000; }, 5000));
    REQUIRE(wait_for([&] { return s.field("showing") == "false"; }, 20'000));
    CHECK(s.field("now") >= "2026-12-21T09:04:00Z");
    CHECK(wait_for([&] { return band_on_screen(s, shots) < 500; }, 5000));
    // By itself: the deck was never reloaded, and the announcement is still in the status.
    CHECK(s.field("at") == "null");
    CHECK(s.field("text") == "Le Dr X a environ 30 minutes de retard");
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: nothing while the screen is off, the band when it comes on") {
    TempDir t("announcement-off");
    make_deck(t.dir() / "deck", 300);
    const fs::path deck_toml = t.dir() / "deck" / "slides" / "deck.toml";
    write_text(deck_toml, read_text(deck_toml) + "\n[opening_hours]\nmon = \"09:02-18:00\"\n"
                                                 "\n[screen]\ncec = false\ndpms = false\n");
    write_text(t.dir() / "deck" / "slides" / "announcement.toml",
               "[announcement]\ntext = \"Fermeture à 16 h\"\nuntil = 2026-12-21T16:00:00\n");
    Session s(t.dir(), t.dir() / "deck",
              {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 09:00x30"}});
    s.require_started();
    INFO(s.player->log());
    // The first status can be written before the loop's first look at the schedule: wait for
    // the screen to be off (or for a machine so slow that 09:02 came first).
    REQUIRE(wait_for(
        [&] { return s.field("on") == "false" || s.field("now") >= "2026-12-21T09:01:40Z"; },
        20'000));
    const std::string json = s.json(); // one reading: "on", "now" and "showing" of one moment
    if (json_field(json, "now") < "2026-12-21T09:01:40Z") {
        CHECK(json_field(json, "on") == "false");
        CHECK(json_field(json, "showing") == "false"); // active, but the screen is off
    }
    REQUIRE(wait_for([&] { return s.field("on") == "true"; }, 20'000));
    CHECK(wait_for([&] { return s.field("showing") == "true"; }, 5000));
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: an announcement survives a restart, and a new file is picked up") {
    TempDir t("announcement-restart");
    make_deck(t.dir() / "deck", 300);
    {
        Session s(t.dir(), t.dir() / "deck",
                  {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 09:00x1"}});
        s.require_started();
        CHECK(s.field("announcement") == "null");
        // Written while playing: reloaded like any deck file.
        write_text(t.dir() / "deck" / "slides" / "announcement.toml",
                   "[announcement]\ntext = \"Retard\"\nuntil = 2026-12-21T12:00:00\n");
        CHECK(wait_for([&] { return s.field("showing") == "true"; }, 10'000));
        CHECK(s.player->stop() == 0);
    }
    fs::remove(t.dir() / "run" / "status.json"); // only the restarted player's own report
    Session again(t.dir(), t.dir() / "deck",
                  {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 09:30x1"}});
    again.require_started();
    CHECK(wait_for([&] { return again.field("showing") == "true"; }, 5000));
    CHECK(again.field("text") == "Retard");
    CHECK(again.player->stop() == 0);
}
