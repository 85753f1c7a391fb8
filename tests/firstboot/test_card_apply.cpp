// Tests for what the card's settings become in /run: each file, its escaping, and the errors case.
#include "firstboot/card_apply.hpp"

#include "base/file_read.hpp"
#include "support/temp_dir.hpp"
#include "toml/toml_config.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::TempDir;

namespace {

std::string text_of(const std::string& path) {
    return read_regular_file(path, 1 << 20).bytes;
}

bool exists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

CardSettings full_settings() {
    CardSettings s;
    s.name = "salle-2";
    s.timezone = "Europe/Paris";
    s.rotate = 90;
    s.site_url = "https://exemple.org/a \"b\"\\c/manifest";
    s.site_key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
    s.wifi = WifiSettings{"Café \"wifi\"", "pass\"word 1", "FR"};
    s.ssh_key = "ssh-ed25519 AAAAC3 tech@portable";
    s.studio = StudioSettings{8443, "secret \"cabinet\""};
    return s;
}

} // namespace

TEST_CASE("card apply: every file of a full affiche.toml") {
    TempDir out("firstboot");
    const std::string dir = out.path("run");
    REQUIRE(write_card_files(full_settings(), dir, "/usr/share/zoneinfo").ok());
    CHECK(text_of(dir + "/hostname") == "salle-2\n");
    CHECK(std::filesystem::read_symlink(dir + "/localtime") == "/usr/share/zoneinfo/Europe/Paris");
    CHECK(text_of(dir + "/player.env") == "AFFICHE_OPTIONS=\"--rotate 90\"\n");
    CHECK(text_of(dir + "/keys/card.pub") ==
          "untrusted comment: publisher key from the card's affiche.toml\n"
          "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n");
    // sync.toml reads back as the same url, whatever quotes and backslashes it holds.
    auto parsed = toml::parse(text_of(dir + "/sync.toml"));
    REQUIRE(parsed);
    CHECK(parsed.table()["url"].value_or(std::string()) == full_settings().site_url);
    CHECK(parsed.table()["keys"].value_or(std::string()) == dir + "/keys");
    const std::string wpa = text_of(dir + "/wpa_supplicant-wlan0.conf");
    CHECK(wpa.find("country=FR\n") != std::string::npos);
    // "Café \"wifi\"" in hex: any byte is safe there.
    CHECK(wpa.find("\tssid=436166c3a9202277696669220a") == std::string::npos);
    CHECK(wpa.find("\tssid=436166c3a920227769666922\n") != std::string::npos);
    CHECK(wpa.find("\tpsk=\"pass\"word 1\"\n") != std::string::npos);
    struct stat st {};
    REQUIRE(stat((dir + "/wpa_supplicant-wlan0.conf").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(text_of(dir + "/authorized_keys") == "ssh-ed25519 AAAAC3 tech@portable\n");
    CHECK_FALSE(exists(dir + "/errors.txt"));
    // The studio: its settings file (the unit's condition and --config) and its password.
    auto studio = toml::parse(text_of(dir + "/studio.toml"));
    REQUIRE(studio);
    CHECK(studio.table()["listen"].value_or(std::string()) == "0.0.0.0:8443");
    CHECK(studio.table()["content"].value_or(std::string()) == "/var/lib/affiche-studio/content");
    CHECK(studio.table()["key"].value_or(std::string()) ==
          "/var/lib/affiche-studio/keys/studio.key");
    CHECK(studio.table()["tls_cert"].value_or(std::string()) ==
          "/var/lib/affiche-studio/keys/studio-tls.crt");
    CHECK(studio.table().size() == 7);
    CHECK(text_of(dir + "/studio-password") == "secret \"cabinet\"\n");
    REQUIRE(stat((dir + "/studio-password").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("card apply: settings removed from the card disappear at the next boot") {
    TempDir out("firstboot");
    const std::string dir = out.path("run");
    REQUIRE(write_card_files(full_settings(), dir, "/usr/share/zoneinfo").ok());
    REQUIRE(write_card_files(CardSettings{}, dir, "/usr/share/zoneinfo").ok());
    CHECK(text_of(dir + "/hostname") == "affiche\n");
    CHECK(text_of(dir + "/player.env") == "AFFICHE_OPTIONS=\"--rotate 0\"\n");
    for (const char* name : {"sync.toml", "keys/card.pub", "wpa_supplicant-wlan0.conf",
                             "authorized_keys", "studio.toml", "studio-password"}) {
        INFO(name);
        CHECK_FALSE(exists(dir + "/" + name));
    }
}

TEST_CASE("card apply: errors make the notice and drop the network settings") {
    TempDir out("firstboot");
    const std::string dir = out.path("run");
    REQUIRE(write_card_files(full_settings(), dir, "/usr/share/zoneinfo").ok());
    REQUIRE(write_card_errors({"Heading", "affiche.toml:3:7: error: x"}, dir).ok());
    CHECK(text_of(dir + "/errors.txt") == "Heading\naffiche.toml:3:7: error: x\n");
    CHECK(text_of(dir + "/player.env") ==
          "AFFICHE_OPTIONS=\"--rotate 0 --notice " + dir + "/errors.txt\"\n");
    CHECK_FALSE(exists(dir + "/sync.toml"));
    CHECK_FALSE(exists(dir + "/authorized_keys"));
    CHECK_FALSE(exists(dir + "/wpa_supplicant-wlan0.conf"));
    CHECK_FALSE(exists(dir + "/studio.toml"));
    CHECK_FALSE(exists(dir + "/studio-password"));
    // Fixed on the card: the next boot removes the notice.
    REQUIRE(write_card_files(CardSettings{}, dir, "/usr/share/zoneinfo").ok());
    CHECK_FALSE(exists(dir + "/errors.txt"));
}

TEST_CASE("card apply: an unwritable folder is an error naming it") {
    TempDir out("firstboot");
    out.write("file", "x");
    const Result<Done> r = write_card_files(CardSettings{}, out.path("file") + "/run", "/z");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().loc.path.starts_with(out.path("file")));
}

TEST_CASE("card apply: [site] ca becomes site-ca.crt and sync.toml's ca_file, removed without it") {
    TempDir out("firstboot");
    const std::string dir = out.path("run");
    CardSettings s = full_settings();
    s.site_ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    REQUIRE(write_card_files(s, dir, "/usr/share/zoneinfo").ok());
    CHECK(text_of(dir + "/site-ca.crt") == s.site_ca);
    auto parsed = toml::parse(text_of(dir + "/sync.toml"));
    REQUIRE(parsed);
    CHECK(parsed.table()["ca_file"].value_or(std::string()) == dir + "/site-ca.crt");
    s.site_ca.clear();
    REQUIRE(write_card_files(s, dir, "/usr/share/zoneinfo").ok());
    CHECK_FALSE(exists(dir + "/site-ca.crt"));
    auto again = toml::parse(text_of(dir + "/sync.toml"));
    REQUIRE(again);
    CHECK_FALSE(again.table().contains("ca_file"));
}
