// Reading affiche.toml with the deck's TOML reader, so its errors read like the deck's.
#include "firstboot/card_settings.hpp"

#include "base/i18n.hpp"
#include "sync/minisign_keys.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_file.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace affiche {

namespace {

constexpr std::array<std::string_view, 7> top_keys = {"name", "timezone", "rotate", "site",
                                                      "wifi", "ssh",      "studio"};
constexpr std::array<std::string_view, 3> site_keys = {"url", "key", "ca"};
constexpr std::size_t max_ca_bytes = 64 * 1024;
constexpr std::array<std::string_view, 3> wifi_keys = {"ssid", "passphrase", "country"};
constexpr std::array<std::string_view, 1> ssh_keys = {"key"};
constexpr std::array<std::string_view, 3> studio_keys = {"enabled", "port", "password"};

bool valid_host_name(std::string_view s) {
    if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// A zone name the tz database has as a file: letters, digits, '_', '-', '+' and '/' between
// names, never "..".
bool valid_zone(std::string_view zone, const std::string& zoneinfo_dir) {
    if (zone.empty() || zone.front() == '/' || zone.find("..") != std::string_view::npos)
        return false;
    const bool chars_ok = std::all_of(zone.begin(), zone.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '+' || c == '/';
    });
    struct stat st {};
    return chars_ok && stat((zoneinfo_dir + "/" + std::string(zone)).c_str(), &st) == 0 &&
           S_ISREG(st.st_mode);
}

bool printable_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
}

bool has_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

// [site] ca: the studio's studio-ca.crt pasted whole (a """ multi-line string): printable ASCII
// lines, at least one certificate, no more than max_ca_bytes.
void read_site_ca(const TableReader& t, CardSettings& c) {
    const auto ca = t.string("ca");
    if (!ca) return;
    const bool text_ok =
        ca->size() <= max_ca_bytes && std::all_of(ca->begin(), ca->end(), [](char ch) {
            return (ch >= 0x20 && ch < 0x7F) || ch == '\n' || ch == '\r';
        });
    if (!text_ok || ca->find("-----BEGIN CERTIFICATE-----") == std::string::npos ||
        ca->find("-----END CERTIFICATE-----") == std::string::npos) {
        t.error(t.value_loc("ca"), tr("'ca' is not a PEM certificate"),
                tr("paste the whole studio-ca.crt between \"\"\" and \"\"\", its -----BEGIN "
                   "CERTIFICATE----- and -----END CERTIFICATE----- lines included"));
        return;
    }
    c.site_ca = *ca;
    if (!c.site_ca.ends_with('\n')) c.site_ca += '\n';
}

void read_site(const TableReader& t, CardSettings& c) {
    t.check_keys(site_keys, "in [site]");
    if (auto url = t.string("url")) {
        if (url->starts_with("https://") || url->starts_with("http://")) {
            c.site_url = *url;
        } else {
            t.error(t.value_loc("url"), tr("'url' must start with https:// or http://"));
        }
    } else if (!t.get("url")) {
        t.error(t.table_loc(), tr("[site] needs 'url', the address of the published manifest"),
                "url = \"https://exemple.org/affiche/manifest\"");
    }
    if (auto key = t.string("key")) {
        if (parse_public_key(*key, t.path()).ok()) {
            c.site_key = *key;
        } else {
            t.error(t.value_loc("key"), tr("'key' is not a minisign public key"),
                    tr("copy the second line of the publisher's .pub file (it starts with RW)"));
        }
    } else if (!t.get("key")) {
        t.error(t.table_loc(), tr("[site] needs 'key', the publisher's public key"),
                tr("copy the second line of the publisher's .pub file (it starts with RW)"));
    }
    read_site_ca(t, c);
}

void read_wifi(const TableReader& t, CardSettings& c) {
    t.check_keys(wifi_keys, "in [wifi]");
    WifiSettings w;
    bool ok = true;
    if (auto ssid = t.string("ssid")) {
        if (ssid->empty() || ssid->size() > 32 || has_control(*ssid)) {
            t.error(t.value_loc("ssid"), tr("'ssid' must be 1 to 32 characters long"));
            ok = false;
        }
        w.ssid = *ssid;
    } else {
        if (!t.get("ssid")) t.error(t.table_loc(), tr("[wifi] needs 'ssid', the network's name"));
        ok = false;
    }
    if (auto pass = t.string("passphrase")) {
        if (pass->size() < 8 || pass->size() > 63 || !printable_ascii(*pass)) {
            t.error(t.value_loc("passphrase"),
                    tr("'passphrase' must be 8 to 63 characters, without accents"));
            ok = false;
        }
        w.passphrase = *pass;
    } else {
        if (!t.get("passphrase"))
            t.error(t.table_loc(), tr("[wifi] needs 'passphrase', the network's password"));
        ok = false;
    }
    if (auto country = t.string("country")) {
        if (country->size() != 2 || !std::all_of(country->begin(), country->end(),
                                                 [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
            t.error(t.value_loc("country"), tr("'country' must be two capital letters"), "\"FR\"");
            ok = false;
        }
        w.country = *country;
    }
    if (ok) c.wifi = w;
}

void read_ssh(const TableReader& t, CardSettings& c) {
    t.check_keys(ssh_keys, "in [ssh]");
    if (auto key = t.string("key")) {
        const bool known = key->starts_with("ssh-ed25519 ") || key->starts_with("ssh-rsa ") ||
                           key->starts_with("ecdsa-sha2-") ||
                           key->starts_with("sk-ssh-ed25519@openssh.com ");
        if (!known || has_control(*key)) {
            t.error(t.value_loc("key"), tr("'key' is not an ssh public key"),
                    tr("copy the one line of the technician's .pub file (ssh-ed25519 AAAA...)"));
        } else {
            c.ssh_key = *key;
        }
    } else if (!t.get("key")) {
        t.error(t.table_loc(), tr("[ssh] needs 'key', the technician's public key"));
    }
}

// [studio]: the web editor on this Pi, when enabled = true. Read whole either way, so a mistake
// shows before the day it is switched on.
void read_studio(const TableReader& t, CardSettings& c) {
    t.check_keys(studio_keys, "in [studio]");
    StudioSettings studio;
    bool ok = true;
    const std::optional<bool> enabled = t.boolean("enabled");
    if (!enabled && !t.get("enabled")) {
        t.error(t.table_loc(), tr("[studio] needs 'enabled', true or false"), "enabled = true");
        ok = false;
    }
    if (auto port = t.number("port", {1024, 65535, false, ""})) {
        studio.port = static_cast<int>(*port);
        if (studio.port != *port) {
            t.error(t.value_loc("port"), tr("'port' must be a whole number"), "port = 8470");
            ok = false;
        }
    } else if (t.get("port")) {
        ok = false;
    }
    if (auto password = t.string("password")) {
        if (password->size() < 8 || password->size() > 128 || has_control(*password)) {
            t.error(t.value_loc("password"),
                    tr("'password' must be 8 to 128 characters, on one line"));
            ok = false;
        }
        studio.password = *password;
    } else if (!t.get("password")) {
        if (enabled.value_or(false))
            t.error(t.table_loc(),
                    tr("[studio] needs 'password', the editors' password (8 characters or more)"));
        ok = false;
    } else {
        ok = false;
    }
    if (ok && enabled.value_or(false)) c.studio = studio;
}

void read_top(const TableReader& t, CardSettings& c, const std::string& zoneinfo_dir) {
    t.check_keys(top_keys, "in affiche.toml");
    if (auto name = t.string("name")) {
        if (valid_host_name(*name)) {
            c.name = *name;
        } else {
            t.error(t.value_loc("name"),
                    tr("'name' may hold only small letters, digits and '-' (at most 63)"),
                    "\"salle-attente-2\"");
        }
    }
    if (auto zone = t.string("timezone")) {
        if (valid_zone(*zone, zoneinfo_dir)) {
            c.timezone = *zone;
        } else {
            t.error(t.value_loc("timezone"), format_text(tr("unknown time zone '{1}'"), {*zone}),
                    "\"Europe/Paris\"");
        }
    }
    if (auto degrees = t.number("rotate", {0, 270, false, ""})) {
        const int d = static_cast<int>(*degrees);
        if (d != *degrees || d % 90 != 0) {
            t.error(t.value_loc("rotate"), tr("'rotate' must be 0, 90, 180 or 270"));
        } else {
            c.rotate = d;
        }
    }
    if (const toml::table* site = t.table("site"))
        read_site(TableReader(*site, t.path(), t.diagnostics()), c);
    if (const toml::table* wifi = t.table("wifi"))
        read_wifi(TableReader(*wifi, t.path(), t.diagnostics()), c);
    if (const toml::table* ssh = t.table("ssh"))
        read_ssh(TableReader(*ssh, t.path(), t.diagnostics()), c);
    if (const toml::table* studio = t.table("studio"))
        read_studio(TableReader(*studio, t.path(), t.diagnostics()), c);
}

} // namespace

CardReading read_card_settings(std::string_view bytes, const std::string& path,
                               const std::string& zoneinfo_dir) {
    CardReading out;
    if (auto table = parse_toml_bytes(path, bytes, out.diagnostics)) {
        read_top(TableReader(*table, path, out.diagnostics), out.settings, zoneinfo_dir);
    }
    std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.loc.line != b.loc.line ? a.loc.line < b.loc.line
                                                         : a.loc.column < b.loc.column;
                     });
    return out;
}

} // namespace affiche
