// End to end, edits seen at once (issue 11): the --windowed preview and the full screen, checked
// on the player's screenshots.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <signal.h>

#include <cstdlib>
#include <filesystem>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

// A screenshot's pixels as 0xRRGGBB, row by row.
struct Shot {
    int w = 0, h = 0;
    std::vector<std::uint32_t> px;
    std::uint32_t at(int x, int y) const {
        return px[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                  static_cast<std::size_t>(x)];
    }
};

// Asks the player for its n-th screenshot (SIGUSR1) and reads it.
Shot take_shot(Session& s, int n) {
    const fs::path shot = s.run_dir / "screenshot.png";
    s.player->signal(SIGUSR1);
    REQUIRE(wait_for(
        [&] { return count_of(s.player->log(), "screenshot saved to " + shot.string()) == n; },
        5000));
    SDL_Surface* raw = IMG_Load(shot.c_str());
    REQUIRE_MESSAGE(raw != nullptr, IMG_GetError());
    SDL_Surface* conv = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    REQUIRE(conv != nullptr);
    Shot out{conv->w, conv->h, {}};
    for (int y = 0; y < conv->h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const std::uint8_t*>(conv->pixels) + y * conv->pitch);
        for (int x = 0; x < conv->w; ++x)
            out.px.push_back(row[x] & 0xFFFFFFu);
    }
    SDL_FreeSurface(conv);
    // Kept for a look by hand when a test fails: AFFICHE_KEEP_SHOTS=folder.
    if (const char* keep = std::getenv("AFFICHE_KEEP_SHOTS"))
        fs::copy_file(shot, fs::path(keep) / ("shot-" + std::to_string(n) + ".png"),
                      fs::copy_options::overwrite_existing);
    return out;
}

// Pixels that differ between two shots within rows [y0, y1).
int differing(const Shot& a, const Shot& b, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < a.w; ++x)
            n += a.at(x, y) != b.at(x, y);
    }
    return n;
}

const std::string image_slide_edited = "[[slide]]\nid = \"image-seule\"\nimage = \"rond.svg\"\n"
                                       "image_position = \"full\"\ntitle = \"Image retouchée\"\n";

} // namespace

TEST_CASE("live edit e2e: windowed: a valid edit shows at once, on the edited slide") {
    TempDir t("live-valid");
    make_deck(t.dir() / "deck", 30); // no slide boundary during the test
    Session s(t.dir(), t.dir() / "deck", {}, {"--windowed"});
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    const auto edited = SteadyClock::now();
    write_text(t.dir() / "deck" / "slides" / "20-image.toml", image_slide_edited);
    const bool shown = wait_for([&] { return s.field("slide_id") == "image-seule"; }, 5000);
    MESSAGE("edit to the edited slide on screen: " << ms_since(edited) << " ms (aim: < 1000)");
    INFO(s.player->log());
    INFO(s.json());
    CHECK(shown);
    CHECK(s.field("slide_index") == "2");
    CHECK(s.field("revision") != rev0);
    CHECK(s.field("pending_revision") == "null"); // taken at once, nothing waits
    CHECK(s.player->stop() == 0);
    CHECK(s.player->log().find("reloads=1 ") != std::string::npos);
}

TEST_CASE("live edit e2e: windowed: an invalid edit shows its errors over the slide until fixed") {
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("live-invalid");
    make_deck(t.dir() / "deck", 30);
    Session s(t.dir(), t.dir() / "deck", {}, {"--windowed"});
    s.require_started();
    INFO(s.player->log());
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // past the fade-in from black
    const Shot clean = take_shot(s, 1);
    REQUIRE(clean.w == 640);
    const fs::path file = t.dir() / "deck" / "slides" / "10-texte.toml";
    const std::string good = read_text(file);

    write_text(file, "[[slide]]\nid = \"texte\"\ntitle = \"never closed\n");
    REQUIRE(wait_for([&] { return s.field("ok") == "false"; }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the next pass draws it
    const Shot broken = take_shot(s, 2);
    // The panel across the top: its red stripe at the left edge (margin 3 % of 360 px = 10 px),
    // and the text over the slide's top third changed.
    CHECK(broken.at(11, 20) == 0xE04F3Cu);
    CHECK(clean.at(11, 20) != 0xE04F3Cu);
    CHECK(differing(clean, broken, 10, 120) > 640 * 110 / 2);
    CHECK(s.field("slide_id") == "texte"); // still the last good slide under it

    write_text(file, good);
    REQUIRE(wait_for([&] { return s.field("ok") == "true"; }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // the crossfade is over
    const Shot fixed = take_shot(s, 3);
    CHECK(fixed.at(11, 20) == clean.at(11, 20));
    CHECK(differing(clean, fixed, 0, 300) == 0); // the slide as it was, the clock row aside
    CHECK(s.player->stop() == 0);
}

TEST_CASE("live edit e2e: full screen: an edit of the slide on screen crossfades to it at once") {
    TempDir t("live-onscreen");
    make_deck(t.dir() / "deck", 30);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    write_text(t.dir() / "deck" / "slides" / "10-texte.toml", texte_file("texte", "Titre corrigé"));
    // Long before the 30 s slide ends: the new version of the same slide.
    const bool taken = wait_for([&] { return s.field("revision") != rev0; }, 5000);
    INFO(s.player->log());
    CHECK(taken);
    CHECK(s.field("slide_id") == "texte");
    CHECK(s.field("pending_revision") == "null");
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("reloads=1 ") != std::string::npos);
    CHECK(log.find("fades=1 ") != std::string::npos); // a crossfade, not a cut
}

TEST_CASE("live edit e2e: full screen: an edit of another slide waits for the slide boundary") {
    TempDir t("live-boundary");
    make_deck(t.dir() / "deck", 10); // room for a slow validation before the first boundary
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    write_text(t.dir() / "deck" / "slides" / "20-image.toml", image_slide_edited);
    // Validated and waiting: the status file tells the two revisions apart.
    const bool waiting = wait_for([&] { return s.field("pending_revision") != "null"; }, 7000);
    INFO(s.player->log());
    INFO(s.json());
    REQUIRE(waiting);
    const std::string rev1 = s.field("pending_revision");
    CHECK(rev1 != rev0);
    CHECK(s.field("revision") == rev0);
    CHECK(s.field("slide_id") == "texte");
    CHECK(s.field("ok") == "true");
    // At the boundary: the next slide, from the new deck.
    CHECK(wait_for([&] { return s.field("revision") == rev1; }, 12000));
    CHECK(s.field("slide_id") == "liste");
    CHECK(s.field("pending_revision") == "null");
    CHECK(s.player->stop() == 0);
}
