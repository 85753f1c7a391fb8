// A publisher and a screen in one temp folder for pull_once tests over file:// (no network).
#pragma once

#include "sync/manifest.hpp"
#include "sync/minisign_keys.hpp"
#include "sync/minisign_signature.hpp"
#include "sync/publish.hpp"
#include "sync/pull.hpp"
#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

namespace affiche::testing {

// deck/ (a copy of the basic fixture), a minisign key pair, site/ for publications and
// screen/ (content, current, state) for the pulls.
struct PullBench {
    TempDir tmp{"pull"};
    std::int64_t now = 1795935600; // 2026-11-29T07:00:00Z

    PullBench() {
        std::filesystem::copy(std::string(AFFICHE_SOURCE_DIR) + "/tests/fixtures/basic",
                              tmp.path("deck"), std::filesystem::copy_options::recursive);
        make_minisign_keys(tmp.path("k.pub"), tmp.path("k.key"));
    }
    Manifest publish_deck() {
        PublishOptions o;
        o.content_dir = tmp.path("deck");
        o.site_dir = tmp.path("site");
        o.secret_key = tmp.path("k.key");
        o.now = now;
        auto r = publish(o);
        REQUIRE_MESSAGE(r.ok(), format_diagnostic(r.error()));
        return r->manifest;
    }
    // Writes m as the site's manifest, signed with the test key.
    void sign(const Manifest& m) {
        auto key = read_secret_key(tmp.path("k.key"), std::nullopt);
        REQUIRE(key.ok());
        const std::string text = format_manifest(m);
        tmp.write("site/manifest.toml", text);
        tmp.write("site/manifest.toml.minisig",
                  sign_bytes(*key, text, manifest_trusted_comment(m)));
    }
    SyncConfig config() const {
        SyncConfig c;
        c.url = "file://" + tmp.path("site") + "/";
        c.keys = tmp.path("k.pub");
        c.root = tmp.path("screen");
        c.state_dir = tmp.path("screen/state");
        c.status_file = tmp.path("screen/status.json");
        c.metrics_file = "";
#ifdef AFFICHE_BIN
        c.player_program = AFFICHE_BIN; // the player's own check, as beside an installed sync
#endif
        return c;
    }
    PullOutcome pull() {
        return pull_once(config(), now);
    }
    std::string current() const {
        std::error_code ec;
        return std::filesystem::read_symlink(tmp.path("screen/current"), ec).string();
    }
    // Deck A published and installed: the screen every case starts from.
    Manifest install_first() {
        const Manifest a = publish_deck();
        REQUIRE(pull().kind == PullOutcome::Kind::installed);
        return a;
    }
    // Deck B (A with one more line) published after it, not pulled yet.
    Manifest publish_another() {
        edit_deck("\n# deck B\n");
        return publish_deck();
    }
    void edit_deck(const std::string& extra) {
        tmp.write("deck/slides/deck.toml", read_text(tmp.path("deck/slides/deck.toml")) + extra);
    }
};

} // namespace affiche::testing
