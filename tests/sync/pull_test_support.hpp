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
#include <sstream>
#include <string>
#include <vector>

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

// tests/sync/fault_server.py serving a folder over HTTP on 127.0.0.1 (any free port), for the
// validator cases file:// cannot show: which If-None-Match each request sent, 304s, 4xx. A small
// server written for the tests (nginx is the e2e script's); skipped where python3 is absent.
class FaultServer {
  public:
    explicit FaultServer(const TempDir& tmp)
        : port_file_(tmp.path("fault.port")), log_(tmp.path("fault.log")),
          process_({"python3", std::string(AFFICHE_SOURCE_DIR) + "/tests/sync/fault_server.py",
                    "--root", tmp.dir().string(), "--port-file", port_file_, "--log", log_},
                   child_environment(), tmp.path("fault.out")) {
        REQUIRE_MESSAGE(wait_for([&] { return std::filesystem::exists(port_file_); }, 10'000),
                        "the fault server did not start");
        port_ = read_text(port_file_);
    }
    // The URL of the folder site/ below the served one, through the server's mode ("ok",
    // "validating", "etag-star"...: fault_server.py).
    std::string url(const std::string& mode) const {
        return "http://127.0.0.1:" + port_ + "/" + mode + "/site/";
    }
    // The If-None-Match of each request for manifest.toml since the last call ("-": none).
    std::vector<std::string> manifest_validators() {
        std::vector<std::string> out;
        std::error_code ec;
        if (std::filesystem::exists(log_, ec)) {
            std::istringstream lines(read_text(log_));
            for (std::string line; std::getline(lines, line);) {
                const auto space = line.find(' ');
                if (line.substr(0, space).ends_with("/manifest.toml")) {
                    out.push_back(line.substr(space + 1));
                }
            }
            std::filesystem::remove(log_, ec);
        }
        return out;
    }

  private:
    std::string port_file_;
    std::string log_;
    Process process_;
    std::string port_;
};

// Skipped without minisign (the test key) or python3 (the fault server).
inline doctest::skip no_minisign_or_python() {
    return doctest::skip(!have_program("minisign") || !have_program("python3"));
}

} // namespace affiche::testing
