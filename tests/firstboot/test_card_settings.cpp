// Tests for the card's affiche.toml: every key read, defaults, and every error at its line:col.
#include "firstboot/card_settings.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::TempDir;

namespace {

// minisign's own public key (its README): a valid "RW..." line.
constexpr const char* publisher_key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";

// A tz database of two zones, so the tests do not depend on the machine's tzdata.
struct Zones {
    TempDir dir{"zoneinfo"};
    Zones() {
        dir.write("Europe/Paris", "TZif");
        dir.write("UTC", "TZif");
    }
};

CardReading read(const std::string& text) {
    static Zones zones;
    return read_card_settings(text, "affiche.toml", zones.dir.dir());
}

// "line:col: message" of each error, in file order.
std::vector<std::string> errors(const std::string& text) {
    std::vector<std::string> out;
    for (const Diagnostic& d : read(text).diagnostics) {
        if (d.severity == Severity::error)
            out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " +
                          d.message);
    }
    return out;
}

} // namespace

TEST_CASE("card settings: an empty file keeps every default") {
    const CardReading r = read("");
    REQUIRE(r.ok());
    CHECK(r.settings.name == "affiche");
    CHECK(r.settings.timezone == "Europe/Paris");
    CHECK(r.settings.rotate == 0);
    CHECK(r.settings.site_url.empty());
    CHECK(r.settings.site_key.empty());
    CHECK_FALSE(r.settings.wifi);
    CHECK(r.settings.ssh_key.empty());
}

TEST_CASE("card settings: every key") {
    const CardReading r = read(std::string("name = \"salle-attente-2\"\n"
                                           "timezone = \"UTC\"\n"
                                           "rotate = 270\n"
                                           "[site]\n"
                                           "url = \"https://exemple.org/affiche/manifest\"\n"
                                           "key = \"") +
                               publisher_key +
                               "\"\n"
                               "[wifi]\n"
                               "ssid = \"Cabinet \\\"Santé\\\"\"\n"
                               "passphrase = \"correct horse battery\"\n"
                               "country = \"BE\"\n"
                               "[ssh]\n"
                               "key = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG tech@portable\"\n");
    REQUIRE(r.ok());
    CHECK(r.settings.name == "salle-attente-2");
    CHECK(r.settings.timezone == "UTC");
    CHECK(r.settings.rotate == 270);
    CHECK(r.settings.site_url == "https://exemple.org/affiche/manifest");
    CHECK(r.settings.site_key == publisher_key);
    REQUIRE(r.settings.wifi);
    CHECK(r.settings.wifi->ssid == "Cabinet \"Santé\"");
    CHECK(r.settings.wifi->passphrase == "correct horse battery");
    CHECK(r.settings.wifi->country == "BE");
    CHECK(r.settings.ssh_key == "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG tech@portable");
    for (const char* degrees : {"0", "90", "180", "270"})
        CHECK(read(std::string("rotate = ") + degrees).settings.rotate == std::stoi(degrees));
    CHECK(read("[wifi]\nssid = \"a\"\npassphrase = \"12345678\"").settings.wifi->country == "FR");
}

TEST_CASE("card settings: errors of the top-level keys, at the value") {
    CHECK(errors("name = \"Salle 1\"") ==
          std::vector<std::string>{
              "1:8: 'name' may hold only small letters, digits and '-' (at most 63)"});
    CHECK(errors("name = \"-x\"").size() == 1);
    CHECK(errors("name = \"" + std::string(64, 'a') + "\"").size() == 1);
    CHECK(
        errors("name = 3") ==
        std::vector<std::string>{"1:8: 'name' must be a string (text in quotes), got an integer"});
    CHECK(errors("\ntimezone = \"Mars/Olympus\"") ==
          std::vector<std::string>{"2:12: unknown time zone 'Mars/Olympus'"});
    CHECK(errors("timezone = \"../../etc/passwd\"").size() == 1);
    CHECK(errors("timezone = \"Europe\"").size() == 1); // a folder, not a zone
    CHECK(errors("rotate = 45") ==
          std::vector<std::string>{"1:10: 'rotate' must be 0, 90, 180 or 270"});
    CHECK(errors("rotate = 360").size() == 1);
    CHECK(errors("rotate = 90.5").size() == 1);
    CHECK(errors("  soundz = 1") ==
          std::vector<std::string>{"1:3: unknown key 'soundz' in affiche.toml"});
}

TEST_CASE("card settings: errors in [site]") {
    CHECK(
        errors("[site]\nkey = \"" + std::string(publisher_key) + "\"") ==
        std::vector<std::string>{"1:1: [site] needs 'url', the address of the published manifest"});
    CHECK(errors("[site]\nurl = \"ftp://x\"\nkey = \"" + std::string(publisher_key) + "\"") ==
          std::vector<std::string>{"2:7: 'url' must start with https:// or http://"});
    CHECK(errors("[site]\nurl = \"https://x/manifest\"") ==
          std::vector<std::string>{"1:1: [site] needs 'key', the publisher's public key"});
    CHECK(errors("[site]\nurl = \"https://x/manifest\"\nkey = \"RWQnotakey\"") ==
          std::vector<std::string>{"3:7: 'key' is not a minisign public key"});
    CHECK(errors("[site]\nurl = \"https://x/manifest\"\nkey = \"" + std::string(publisher_key) +
                 "\"\nkeys = 1") == std::vector<std::string>{"4:1: unknown key 'keys' in [site]"});
    CHECK(errors("site = 1") ==
          std::vector<std::string>{"1:8: 'site' must be a table, got an integer"});
}

TEST_CASE("card settings: errors in [wifi] and [ssh]") {
    CHECK(errors("[wifi]\npassphrase = \"12345678\"") ==
          std::vector<std::string>{"1:1: [wifi] needs 'ssid', the network's name"});
    CHECK(errors("[wifi]\nssid = \"\"\npassphrase = \"12345678\"") ==
          std::vector<std::string>{"2:8: 'ssid' must be 1 to 32 characters long"});
    CHECK(errors("[wifi]\nssid = \"" + std::string(33, 'x') + "\"\npassphrase = \"12345678\"")
              .size() == 1);
    CHECK(errors("[wifi]\nssid = \"a\"") ==
          std::vector<std::string>{"1:1: [wifi] needs 'passphrase', the network's password"});
    CHECK(
        errors("[wifi]\nssid = \"a\"\npassphrase = \"court\"") ==
        std::vector<std::string>{"3:14: 'passphrase' must be 8 to 63 characters, without accents"});
    CHECK(errors("[wifi]\nssid = \"a\"\npassphrase = \"mot-de-passe-été\"").size() == 1);
    CHECK(errors("[wifi]\nssid = \"a\"\npassphrase = \"12345678\"\ncountry = \"fr\"") ==
          std::vector<std::string>{"4:11: 'country' must be two capital letters"});
    CHECK_FALSE(read("[wifi]\nssid = \"a\"").settings.wifi);
    CHECK(errors("[ssh]\nkey = \"AAAA tech\"") ==
          std::vector<std::string>{"2:7: 'key' is not an ssh public key"});
    CHECK(errors("[ssh]\nkey = \"ssh-ed25519 AAAA\\nssh-rsa BBBB\"").size() == 1);
    CHECK(errors("[ssh]\n") ==
          std::vector<std::string>{"1:1: [ssh] needs 'key', the technician's public key"});
}

TEST_CASE("card settings: a TOML syntax error and several errors in file order") {
    const std::vector<std::string> broken = errors("name = \"salle\nrotate = 90\n");
    REQUIRE(broken.size() == 1);
    CHECK(broken[0].starts_with("1:"));
    CHECK(errors("rotate = 1\nname = \"A\"\n") ==
          std::vector<std::string>{
              "1:10: 'rotate' must be 0, 90, 180 or 270",
              "2:8: 'name' may hold only small letters, digits and '-' (at most 63)"});
}

TEST_CASE("card settings: [studio] turns the web editor on") {
    const CardReading off = read("");
    CHECK_FALSE(off.settings.studio);

    const CardReading on = read("[studio]\nenabled = true\npassword = \"secret-cabinet\"\n");
    REQUIRE(on.ok());
    REQUIRE(on.settings.studio);
    CHECK(on.settings.studio->port == 8470);
    CHECK(on.settings.studio->password == "secret-cabinet");

    const CardReading port =
        read("[studio]\nenabled = true\nport = 8443\npassword = \"secret-cabinet\"\n");
    REQUIRE(port.ok());
    REQUIRE(port.settings.studio);
    CHECK(port.settings.studio->port == 8443);

    // Switched off: read (and checked) but not started; no password needed then.
    const CardReading disabled = read("[studio]\nenabled = false\nport = 9000\n");
    REQUIRE(disabled.ok());
    CHECK_FALSE(disabled.settings.studio);
}

TEST_CASE("card settings: errors in [studio]") {
    CHECK(errors("[studio]\nenabled = true\n") ==
          std::vector<std::string>{"1:1: [studio] needs 'password', the editors' password "
                                   "(8 characters or more)"});
    CHECK(errors("[studio]\npassword = \"secret-cabinet\"\n") ==
          std::vector<std::string>{"1:1: [studio] needs 'enabled', true or false"});
    const auto yes = errors("[studio]\nenabled = \"yes\"\npassword = \"secret-cabinet\"\n");
    REQUIRE(yes.size() == 1);
    CHECK(yes[0].starts_with("2:11: "));
    const auto low = errors("[studio]\nenabled = true\nport = 80\npassword = \"secret-cabinet\"\n");
    REQUIRE(low.size() == 1);
    CHECK(low[0].starts_with("3:8: 'port' must be"));
    const auto high = errors("[studio]\nenabled = true\nport = 70000\npassword = \"secretcab\"\n");
    REQUIRE(high.size() == 1);
    CHECK(high[0].starts_with("3:8: "));
    CHECK(errors("[studio]\nenabled = true\nport = 8470.5\npassword = \"secret-cabinet\"\n") ==
          std::vector<std::string>{"3:8: 'port' must be a whole number"});
    CHECK(errors("[studio]\nenabled = true\npassword = \"court\"\n") ==
          std::vector<std::string>{"3:12: 'password' must be 8 to 128 characters, on one line"});
    CHECK(errors("[studio]\nenabled = true\npassword = \"two\\nlines-of-it\"\n") ==
          std::vector<std::string>{"3:12: 'password' must be 8 to 128 characters, on one line"});
    const auto unknown =
        errors("[studio]\nenabled = true\npassword = \"secret-cabinet\"\nlisten = \"x\"\n");
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].starts_with("4:1: "));
    // An error keeps the studio off (the card's defaults).
    CHECK_FALSE(read("[studio]\nenabled = true\nport = 80\npassword = \"secret-cabinet\"\n")
                    .settings.studio);
}

TEST_CASE("card settings: [site] ca, the studio's authority pasted whole") {
    const std::string site = "[site]\nurl = \"https://studio.local:8470/site/\"\nkey = \"" +
                             std::string(publisher_key) + "\"\n";
    const CardReading r = read(
        site +
        "ca = \"\"\"\n-----BEGIN CERTIFICATE-----\nMIIBkTCB\n-----END CERTIFICATE-----\"\"\"\n");
    REQUIRE(r.ok());
    CHECK(r.settings.site_ca ==
          "-----BEGIN CERTIFICATE-----\nMIIBkTCB\n-----END CERTIFICATE-----\n");
    CHECK(read(site).settings.site_ca.empty());
    CHECK(errors(site + "ca = \"/boot/studio-ca.crt\"") ==
          std::vector<std::string>{"4:6: 'ca' is not a PEM certificate"});
    CHECK(errors(site + "ca = \"-----BEGIN CERTIFICATE-----\\u00e9-----END CERTIFICATE-----\"")
              .size() == 1);
}
