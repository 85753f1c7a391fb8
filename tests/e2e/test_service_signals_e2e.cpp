// End to end, as a service: SIGHUP reloads, SIGUSR1 saves the screen as a PNG, SIGTERM exits 0.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: signals: HUP reloads, USR1 saves the screen, TERM exits 0") {
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("signals");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    INFO(s.player->log());

    SUBCASE("SIGHUP with nothing changed reloads") {
        const std::string rev0 = s.field("revision");
        REQUIRE(s.field("at") == "null");
        s.player->signal(SIGHUP);
        CHECK(wait_for([&] { return s.field("at") != "null"; }, reload_budget_ms));
        CHECK(s.field("ok") == "true");
        CHECK(wait_for(
            [&] {
                return s.player->log().find("slides changed (revision " + rev0) !=
                       std::string::npos;
            },
            reload_budget_ms));
        CHECK(s.field("revision") == rev0);
    }
    SUBCASE("SIGUSR1 saves a 640x360 PNG of the screen beside the status file") {
        const fs::path shot = s.run_dir / "screenshot.png";
        REQUIRE_FALSE(fs::exists(shot));
        // Past the first slide's fade-in from black (crossfades between slides keep the
        // background: every slide has the same one).
        const std::string first = s.field("slide_id");
        REQUIRE(wait_for([&] { return s.field("slide_id") != first; }, 5000));
        // Seven shots 100 ms apart span more than one 0.5 s crossfade of the 1 s slides: old and
        // new slide share the background, so a right crossfade leaves the corner exactly at it.
        std::vector<std::string> corners;
        for (int shot_n = 1; shot_n <= 7; ++shot_n) {
            s.player->signal(SIGUSR1);
            REQUIRE(wait_for(
                [&] {
                    return count_of(s.player->log(), "screenshot saved to " + shot.string()) ==
                           shot_n;
                },
                reload_budget_ms));
            CHECK(png_size(read_text(shot)) == std::pair<std::uint32_t, std::uint32_t>{640, 360});
            SDL_Surface* raw = IMG_Load(shot.c_str());
            REQUIRE_MESSAGE(raw != nullptr, IMG_GetError());
            SDL_Surface* px = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
            SDL_FreeSurface(raw);
            REQUIRE(px != nullptr);
            CHECK(px->w == 640);
            CHECK(px->h == 360);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%06x",
                          static_cast<const Uint32*>(px->pixels)[0] & 0xFFFFFFu);
            corners.emplace_back(hex);
            SDL_FreeSurface(px);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        INFO("corner pixel of each shot: " << [&] {
            std::string all;
            for (const auto& c : corners)
                all += c + " ";
            return all;
        }());
        // The theme's background, not black (never drawn) nor darkened by the crossfade.
        CHECK(std::count(corners.begin(), corners.end(), "102030") == 7);
    }
    const auto stopped = SteadyClock::now();
    CHECK(s.player->stop(2000) == 0);
    CHECK(ms_since(stopped) < 2000);
    CHECK(s.player->log().find("stats: frames=") != std::string::npos);
}
