// What the card's settings become on the read-only image: files in one runtime folder (/run),
// which links in /etc and the image's unit drop-ins point at.
#pragma once

#include "base/result.hpp"
#include "firstboot/card_settings.hpp"

#include <string>
#include <vector>

namespace affiche {

// The files written in out_dir (created 0755 when missing):
//   hostname                      the screen's name
//   localtime                     link to zoneinfo_dir/ZONE (/etc/localtime links here)
//   player.env                    AFFICHE_OPTIONS for the player (rotation, the notice file)
//   sync.toml, keys/card.pub      only with [site] (affiche-sync's settings and trusted key)
//   site-ca.crt                   only with [site] ca (sync.toml's ca_file)
//   wpa_supplicant-wlan0.conf     only with [wifi] (0600)
//   authorized_keys               only with [ssh]
//   studio.toml, studio-password  only with [studio] enabled = true (the studio's settings, which
//                                 also start its unit; its password, 0600)
// Files of an earlier call that the settings no longer ask for are removed.
Result<Done> write_card_files(const CardSettings& s, const std::string& out_dir,
                              const std::string& zoneinfo_dir);

// Writes out_dir/errors.txt (for the player's --notice: a heading line, then one line per
// problem) and out_dir/player.env pointing at it; nothing else, so the screen keeps its
// defaults (wired DHCP, no sync, no ssh) and plays the deck it has. errors: formatted diagnostics.
Result<Done> write_card_errors(const std::vector<std::string>& errors, const std::string& out_dir);

// The text of sync.toml for the site (exposed for the tests); ca_file only when not "".
std::string sync_toml_text(const CardSettings& s, const std::string& keys_dir,
                           const std::string& ca_file = "");
// The text of studio.toml for the image's studio: its folders and keys on the data partition
// (studio_state_dir), every address on the card's port, TLS (exposed for the tests).
std::string studio_toml_text(const StudioSettings& s);
inline constexpr const char* studio_state_dir = "/var/lib/affiche-studio";
// The text of wpa_supplicant-wlan0.conf (exposed for the tests).
std::string wpa_supplicant_text(const WifiSettings& w);

} // namespace affiche
