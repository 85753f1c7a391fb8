// End to end, as a service: edits of the content folder while the player plays: valid ones taken,
// invalid ones (syntax, corrupt or enormous images) refused with the old deck playing on, a burst
// of writes taken once, a broken font replaced by the system font.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <signal.h>

#include <filesystem>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: a valid edit is on screen within 2 s") {
    TempDir t("edit");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");

    const auto edited = SteadyClock::now();
    write_text(t.dir() / "deck" / "slides" / "10-texte.toml",
               texte_file("texte-v2", "Nouveau titre"));
    // Validated and adopted: the status file names the new revision, the reload went well.
    const bool adopted = wait_for(
        [&] {
            return s.field("revision") != rev0 && s.field("ok") == "true" &&
                   s.field("at") != "null";
        },
        reload_budget_ms);
    const long adopted_ms = ms_since(edited);
    INFO(s.player->log());
    INFO(s.json());
    MESSAGE("edit to the new revision in the status file: " << adopted_ms << " ms");
    CHECK(adopted);
    const std::string rev1 = s.field("revision");
    CHECK(count_of(s.player->log(), "slides changed (revision " + rev1 + "): 3 slides") == 1);
    // The new deck's slide comes round (3 slides of 1 s, shown from the next slide).
    CHECK(wait_for([&] { return s.field("slide_id") == "texte-v2"; }, 6000));
    CHECK(s.player->running());
    CHECK(s.player->stop() == 0);
    CHECK(s.player->log().find("reloads=1 ") != std::string::npos);
}

TEST_CASE("service e2e: an invalid edit is refused, logged once, and the old deck plays on") {
    TempDir t("invalid");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");
    const fs::path file = t.dir() / "deck" / "slides" / "10-texte.toml";
    const std::string good = read_text(file);

    write_text(file, "[[slide]]\nid = \"texte\"\ntitle = \"never closed\n");
    const bool refused = wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms);
    INFO(s.player->log());
    INFO(s.json());
    REQUIRE(refused);
    const std::string j = s.json();
    // The error names the file, line and column.
    CHECK(j.find("slides/10-texte.toml:3:") != std::string::npos);
    CHECK(s.player->log().find("slides/10-texte.toml:3:") != std::string::npos);
    CHECK(s.player->log().find("still showing the last good deck") != std::string::npos);
    CHECK(s.field("revision") == rev0);
    // The player keeps going through the old deck.
    CHECK(s.player->running());
    CHECK(s.slide_changes_over(2500) >= 1);
    CHECK(s.field("slide_count") == "3");
    // A forced reload of the same broken file: refused again, the same error not logged again.
    s.player->signal(SIGHUP);
    CHECK(wait_for(
        [&] { return count_of(s.player->log(), "still showing the last good deck") == 2; }, 2000));
    CHECK(count_of(s.player->log(), "slides/10-texte.toml:3:") == 1);

    // Fixed: accepted again.
    write_text(file, good);
    CHECK(wait_for([&] { return s.field("ok") == "true"; }, reload_budget_ms));
    CHECK(s.json().find("\"errors\": []") != std::string::npos);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a burst of 100 writes gives one reload") {
    TempDir t("burst");
    make_deck(t.dir() / "deck", 1);
    Session s(t.dir(), t.dir() / "deck");
    s.require_started();
    const fs::path file = t.dir() / "deck" / "slides" / "10-texte.toml";
    for (int i = 1; i <= 100; ++i)
        write_text(file, texte_file("texte", "Version " + std::to_string(i)));
    REQUIRE(wait_for([&] { return s.player->log().find("slides changed") != std::string::npos; },
                     reload_budget_ms));
    // Longer than the debounce and a reload: a second one would have come by now.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    REQUIRE(s.player->stop() == 0);
    const std::string log = s.player->log();
    INFO(log);
    CHECK(count_of(log, "slides changed") == 1);
    CHECK(log.find("reloads=1 ") != std::string::npos);
    CHECK(log.find("error") == std::string::npos);
}

TEST_CASE("service e2e: a corrupt or enormous image is refused, at start and while playing") {
    TempDir t("images");
    make_deck(t.dir() / "deck", 1);
    const fs::path deck = t.dir() / "deck";
    const std::string slide =
        "[[slide]]\nid = \"photo\"\ntitle = \"Photo\"\nimage = \"photo.png\"\n";

    SUBCASE("a PNG with a good header and cut-short data: cannot be decoded") {
        write_text(deck / "images" / "photo.png", png_bytes(64, 64, true));
        write_text(deck / "slides" / "30-photo.toml", slide);
        const auto [code, out] = run_once({"--check", deck.string()});
        INFO(out);
        CHECK(code == 1);
        CHECK(out.find("slides/30-photo.toml:4:9: error:") != std::string::npos); // at `image`
        CHECK(out.find("image 'photo.png' cannot be decoded") != std::string::npos);
        // The player refuses to start on it too (it decodes everything before the first frame).
        const auto [pcode, pout] = run_once({"--size", "640x360", deck.string()});
        CHECK(pcode == 1);
        CHECK(pout.find("cannot be decoded") != std::string::npos);
    }
    SUBCASE("a PNG header claiming 30000x30000 in a tiny file: refused by its size") {
        write_text(deck / "images" / "photo.png", png_bytes(30000, 30000, false));
        write_text(deck / "slides" / "30-photo.toml", slide);
        const auto [code, out] = run_once({"--check", deck.string()});
        INFO(out);
        CHECK(code == 1);
        CHECK(out.find("slides/30-photo.toml:4:") != std::string::npos);
        CHECK(out.find("30000x30000") != std::string::npos);
    }
    SUBCASE("either one arriving while playing: the reload is refused, the old deck plays on") {
        Session s(t.dir(), deck);
        s.require_started();
        const std::string rev0 = s.field("revision");
        write_text(deck / "images" / "photo.png", png_bytes(64, 64, true));
        write_text(deck / "slides" / "30-photo.toml", slide);
        CHECK(wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms));
        INFO(s.player->log());
        CHECK(s.json().find("cannot be decoded") != std::string::npos);
        write_text(deck / "images" / "photo.png", png_bytes(30000, 30000, false));
        CHECK(wait_for([&] { return s.json().find("30000x30000") != std::string::npos; },
                       reload_budget_ms));
        CHECK(s.field("ok") == "false");
        CHECK(s.field("revision") == rev0);
        CHECK(s.field("slide_count") == "3");
        CHECK(s.slide_changes_over(2000) >= 1);
        CHECK(s.player->stop() == 0);
    }
}

TEST_CASE(
    "service e2e: a broken font file falls back to the system font, logged and in the status") {
    TempDir t("font");
    make_deck(t.dir() / "deck", 1);
    const fs::path deck = t.dir() / "deck";
    const fs::path system_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    REQUIRE(fs::exists(system_font));
    fs::copy_file(system_font, deck / "fonts" / "x.ttf");
    const fs::path deck_toml = deck / "slides" / "deck.toml";
    std::string d = read_text(deck_toml);
    const auto at = d.find("font = \"\"");
    REQUIRE(at != std::string::npos);
    d.replace(at, 9, "font = \"x.ttf\"");
    write_text(deck_toml, d);
    const std::string garbage(3000, '\x5a');

    SUBCASE("--check warns: the deck plays, in a system font") {
        write_text(deck / "fonts" / "x.ttf", garbage);
        const auto [code, out] = run_once({"--check", deck.string()});
        INFO(out);
        CHECK(code == 0);
        CHECK(out.find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(out.find("using " + system_font.string()) != std::string::npos);
        CHECK(out.find("0 errors, 1 warning") != std::string::npos);
    }
    SUBCASE("started with it: plays on the system font, the problem in the log and status") {
        write_text(deck / "fonts" / "x.ttf", garbage);
        Session s(t.dir(), deck);
        s.require_started();
        INFO(s.player->log());
        const std::string j = s.json();
        CHECK(j.find("\"problems\": []") == std::string::npos);
        CHECK(j.find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(j.find("using " + system_font.string()) != std::string::npos);
        CHECK(s.slide_changes_over(2500) >= 1);
        CHECK(s.player->stop() == 0);
        CHECK(count_of(s.player->log(), "cannot open font") == 1);
    }
    SUBCASE("broken while playing: the reload is taken, with the system font and the problem") {
        Session s(t.dir(), deck);
        s.require_started();
        INFO(s.player->log());
        CHECK(s.json().find("\"problems\": []") != std::string::npos);
        const std::string rev0 = s.field("revision");
        write_text(deck / "fonts" / "x.ttf", garbage);
        // The deck validates (fonts are not part of validation) and takes over at the next
        // slide; its font cache cannot open the bytes it read and falls back.
        CHECK(wait_for([&] { return s.field("revision") != rev0; }, reload_budget_ms));
        CHECK(s.field("ok") == "true");
        CHECK(s.json().find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(s.slide_changes_over(2500) >= 1);
        // The font repaired: the problem goes away with the next reload.
        fs::copy_file(system_font, deck / "fonts" / "x.ttf", fs::copy_options::overwrite_existing);
        CHECK(wait_for([&] { return s.json().find("\"problems\": []") != std::string::npos; },
                       reload_budget_ms));
        CHECK(s.player->stop() == 0);
    }
}
