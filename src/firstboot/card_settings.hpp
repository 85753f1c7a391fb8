// The settings of the image's affiche.toml (the one file a person edits on the card's FAT),
// read and checked: every problem at its line and column.
#pragma once

#include "base/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

struct WifiSettings {
    std::string ssid;           // 1..32 bytes
    std::string passphrase;     // 8..63 printable ASCII characters (WPA2/WPA3 personal)
    std::string country = "FR"; // regulatory domain: two capital letters
};

struct StudioSettings {
    int port = 8470;      // the studio's HTTPS port: 1024..65535 (its user may bind no lower)
    std::string password; // the editors' password: 8..128 characters, no control character
};

struct CardSettings {
    std::string name = "affiche";          // the host name: a-z, 0-9 and '-', 1..63
    std::string timezone = "Europe/Paris"; // a zone of the tz database ("Europe/Paris", "UTC")
    int rotate = 0;                        // 0, 90, 180 or 270 degrees clockwise
    std::string site_url;                  // [site] url: the manifest; "" = no sync
    std::string site_key;                  // [site] key: a minisign public key (base64 line)
    std::string site_ca; // [site] ca: PEM certificate(s) trusted alone for https; "" = system's
    std::optional<WifiSettings> wifi;     // [wifi]
    std::string ssh_key;                  // [ssh] key: one authorized_keys line; "" = no ssh
    std::optional<StudioSettings> studio; // [studio] with enabled = true: the web editor runs
};

// What reading gave: the settings (defaults for what is absent) and every problem found.
// Only usable when no diagnostic is an error.
struct CardReading {
    CardSettings settings;
    Diagnostics diagnostics;
    bool ok() const { return !has_errors(diagnostics); }
};

// Reads bytes, the content of a file shown as path in messages. zoneinfo_dir holds the tz
// database (/usr/share/zoneinfo): a time zone must be a file there.
CardReading read_card_settings(std::string_view bytes, const std::string& path,
                               const std::string& zoneinfo_dir);

} // namespace affiche
