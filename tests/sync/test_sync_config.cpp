// Tests of sync.toml: defaults, every key read, errors at path:line:col.
#include "sync/sync_config.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>

using namespace affiche;

namespace {
Result<SyncConfig> load(const testing::TempDir& tmp, const std::string& text) {
    tmp.write("sync.toml", text);
    return load_sync_config(tmp.path("sync.toml"));
}
} // namespace

TEST_CASE("sync config: a full file is read, the rest keeps its defaults") {
    testing::TempDir tmp("conf");
    auto c = load(tmp, "url = \"https://slides.example.org/salle-1/\"\n"
                       "keys = \"/etc/affiche/keys\"\n"
                       "root = \"/srv/affiche\"\n"
                       "metrics = \"/run/affiche-sync/affiche_sync.prom\"\n"
                       "keep = 3\n"
                       "[limits]\n"
                       "stall_timeout_s = 5\n"
                       "max_archive_mb = 200\n"
                       "max_entries = 500\n");
    REQUIRE(c.ok());
    CHECK(c->url == "https://slides.example.org/salle-1/");
    CHECK(c->root == "/srv/affiche");
    CHECK(c->state_dir == "/var/lib/affiche/state");
    CHECK(c->status_file == "/run/affiche-sync/status.json");
    CHECK(c->metrics_file == "/run/affiche-sync/affiche_sync.prom");
    CHECK(c->keep == 3);
    CHECK(c->fetch.stall_timeout_s == 5);
    CHECK(c->fetch.connect_timeout_s == 15);
    CHECK(c->deck.max_archive_bytes == 200ull << 20);
    CHECK(c->deck.max_entries == 500);
}

TEST_CASE("sync config: errors name path:line:col") {
    testing::TempDir tmp("conf");
    auto unknown = load(tmp, "url = \"https://x/\"\nkep = 3\n");
    REQUIRE_FALSE(unknown.ok());
    CHECK(format_diagnostic(unknown.error()) ==
          tmp.path("sync.toml") + ":2:1: error: unknown key 'kep' in the sync configuration "
                                  "(did you mean 'keep'?)");
    auto range = load(tmp, "url = \"https://x/\"\n[limits]\nstall_timeout_s = 0\n");
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().loc.line == 3);
    CHECK(range.error().loc.column == 19);
    auto scheme = load(tmp, "url = \"ftp://x/\"\n");
    REQUIRE_FALSE(scheme.ok());
    CHECK(format_diagnostic(scheme.error()).find(":1:7: error: 'url' must start with") !=
          std::string::npos);
    auto missing = load(tmp, "keep = 2\n");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "missing 'url'");
    auto broken = load(tmp, "url = \"https://x/\n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().loc.line == 1);
    CHECK_FALSE(load_sync_config(tmp.path("absent.toml")).ok());
}

TEST_CASE("sync config: the pass ends by itself before systemd's TimeoutStartSec") {
    // The unit's own text, so a change there that would let systemd kill a pass fails here.
    std::ifstream unit(std::string(AFFICHE_SOURCE_DIR) + "/systemd/affiche-sync.service.in");
    std::string line, timeout;
    while (std::getline(unit, line)) {
        if (line.starts_with("TimeoutStartSec=")) timeout = line.substr(16);
    }
    REQUIRE(timeout.ends_with("min"));
    const long unit_s = std::stol(timeout) * 60;
    // State and status writes after the deadline take well under a minute.
    CHECK(SyncConfig{}.pass_timeout.count() + 60 <= unit_s);
    testing::TempDir tmp("conf");
    auto longest = load(tmp, "url = \"https://h/\"\n[limits]\npass_timeout_s = 840\n");
    REQUIRE(longest.ok());
    CHECK(longest->pass_timeout.count() + 60 <= unit_s);
    auto over = load(tmp, "url = \"https://h/\"\n[limits]\npass_timeout_s = 900\n");
    CHECK_FALSE(over.ok());
    // Every transfer of a default pass fits in it.
    CHECK(SyncConfig{}.fetch.total_timeout_s <= SyncConfig{}.pass_timeout.count());
}

TEST_CASE("sync config: the screen report's keys, with the player's files by default") {
    testing::TempDir tmp("conf");
    auto none = load(tmp, "url = \"https://h/\"\n");
    REQUIRE(none.ok());
    CHECK(none->report_url.empty());
    CHECK(none->name.empty());
    CHECK(none->player_status == "/run/affiche/status.json");
    CHECK(none->player_thumbnail == "/run/affiche/thumbnail.jpg");
    auto c = load(tmp, "url = \"https://h/\"\n"
                       "name = \"salle-2\"\n"
                       "report_url = \"https://studio.local:8443/api/screens/report\"\n"
                       "player_status = \"/run/p/status.json\"\n"
                       "player_thumbnail = \"/run/p/thumbnail.png\"\n");
    REQUIRE(c.ok());
    CHECK(c->name == "salle-2");
    CHECK(c->report_url == "https://studio.local:8443/api/screens/report");
    CHECK(c->player_status == "/run/p/status.json");
    CHECK(c->player_thumbnail == "/run/p/thumbnail.png");
    auto http = load(tmp, "url = \"https://h/\"\nreport_url = \"http://studio.local/r\"\n");
    REQUIRE_FALSE(http.ok());
    CHECK(http.error().loc.line == 2);
    CHECK(http.error().message.find("https://") != std::string::npos);
    auto name = load(tmp, "url = \"https://h/\"\nname = \"salle 2\"\n");
    REQUIRE_FALSE(name.ok());
    CHECK(name.error().loc.line == 2);
    CHECK(load(tmp, "url = \"https://h/\"\nreport_url = \"http://127.0.0.1:8080/r\"\n").ok());
}

TEST_CASE("sync config: ca_file names a PEM file of authorities, a wrong one is refused at its "
          "value") {
    testing::TempDir tmp("conf");
    tmp.write("studio-ca.crt", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    auto none = load(tmp, "url = \"https://x/\"\n");
    REQUIRE(none.ok());
    CHECK(none->ca_file.empty());
    auto good =
        load(tmp, "url = \"https://x/\"\nca_file = \"" + tmp.path("studio-ca.crt") + "\"\n");
    REQUIRE(good.ok());
    CHECK(good->ca_file == tmp.path("studio-ca.crt"));

    auto missing =
        load(tmp, "url = \"https://x/\"\nca_file = \"" + tmp.path("nothing.crt") + "\"\n");
    REQUIRE_FALSE(missing.ok());
    const std::string line = format_diagnostic(missing.error());
    CHECK(line.starts_with(tmp.path("sync.toml") +
                           ":2:11: error: cannot read the authorities' file " +
                           tmp.path("nothing.crt") + ": "));

    tmp.write("key.pem", "-----BEGIN PRIVATE KEY-----\n");
    auto not_cert =
        load(tmp, "url = \"https://x/\"\n\nca_file = \"" + tmp.path("key.pem") + "\"\n");
    REQUIRE_FALSE(not_cert.ok());
    CHECK(format_diagnostic(not_cert.error()) ==
          tmp.path("sync.toml") + ":3:11: error: " + tmp.path("key.pem") +
              " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");

    auto folder = load(tmp, "url = \"https://x/\"\nca_file = \"" + tmp.path("") + "\"\n");
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().loc.line == 2);
}
