// The card's settings written as the files the image's units and links read, in /run.
#include "firstboot/card_apply.hpp"

#include "base/atomic_file.hpp"
#include "base/hex.hpp"
#include "toml/toml_config.hpp"

#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace affiche {

namespace {

namespace fs = std::filesystem;

constexpr std::array<const char*, 7> optional_files = {
    "sync.toml",       "keys/card.pub", "wpa_supplicant-wlan0.conf",
    "authorized_keys", "studio.toml",   "studio-password",
    "site-ca.crt"};

Result<Done> write(const std::string& dir, const std::string& name, const std::string& text,
                   mode_t mode = 0644) {
    const std::string path = dir + "/" + name;
    // /run: a power cut loses it anyway; a reader never sees half a file.
    Result<Done> r = write_file_atomically(path, text, Durability::crash);
    if (!r) return r;
    if (chmod(path.c_str(), mode) != 0)
        return failure({path}, std::string("cannot set the file's mode: ") + std::strerror(errno));
    return Done{};
}

Result<Done> make_dir(const std::string& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return failure({dir}, "cannot create the folder: " + ec.message());
    return Done{};
}

Result<Done> link(const std::string& target, const std::string& path) {
    const std::string tmp = path + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);
    fs::create_symlink(target, tmp, ec);
    if (!ec) fs::rename(tmp, path, ec);
    if (ec) return failure({path}, "cannot make the link: " + ec.message());
    return Done{};
}

std::string player_env(int rotate, const std::string& notice) {
    std::string options = "--rotate " + std::to_string(rotate);
    if (!notice.empty()) options += " --notice " + notice;
    return "AFFICHE_OPTIONS=\"" + options + "\"\n";
}

} // namespace

std::string sync_toml_text(const CardSettings& s, const std::string& keys_dir,
                           const std::string& ca_file) {
    // Written by toml++, which quotes and escapes whatever the card's url holds.
    toml::table t{{"url", s.site_url}, {"keys", keys_dir}};
    if (!ca_file.empty()) t.insert("ca_file", ca_file);
    std::ostringstream out;
    out << "# Written at boot by affiche-firstboot from the card's affiche.toml ([site]).\n"
        << t << "\n";
    return out.str();
}

std::string studio_toml_text(const StudioSettings& s) {
    const std::string dir = studio_state_dir;
    // The keys and certificate are made at the studio's first start on the data partition
    // (studio-setup.sh, run by the image's drop-in of affiche-studio.service).
    toml::table t{{"content", dir + "/content"},
                  {"site", dir + "/site"},
                  {"state", dir + "/state"},
                  {"key", dir + "/keys/studio.key"},
                  {"listen", "0.0.0.0:" + std::to_string(s.port)},
                  {"tls_cert", dir + "/keys/studio-tls.crt"},
                  {"tls_key", dir + "/keys/studio-tls.key"}};
    std::ostringstream out;
    out << "# Written at boot by affiche-firstboot from the card's affiche.toml ([studio]).\n"
        << t << "\n";
    return out.str();
}

std::string wpa_supplicant_text(const WifiSettings& w) {
    // The network's name in hex: any byte is allowed there. The passphrase is quoted: printable
    // ASCII only (card_settings checks it), and wpa_supplicant takes up to the line's last quote.
    return "# Written at boot by affiche-firstboot from the card's affiche.toml ([wifi]).\n"
           "ctrl_interface=DIR=/run/wpa_supplicant\ncountry=" +
           w.country + "\nnetwork={\n\tssid=" + to_hex(w.ssid) + "\n\tpsk=\"" + w.passphrase +
           "\"\n\tkey_mgmt=WPA-PSK WPA-PSK-SHA256 SAE\n\tieee80211w=1\n}\n";
}

Result<Done> write_card_files(const CardSettings& s, const std::string& out_dir,
                              const std::string& zoneinfo_dir) {
    if (auto r = make_dir(out_dir + "/keys"); !r) return r;
    std::error_code ec;
    for (const char* name : optional_files)
        fs::remove(out_dir + "/" + name, ec);
    fs::remove(out_dir + "/errors.txt", ec);
    if (auto r = write(out_dir, "hostname", s.name + "\n"); !r) return r;
    if (auto r = link(zoneinfo_dir + "/" + s.timezone, out_dir + "/localtime"); !r) return r;
    if (auto r = write(out_dir, "player.env", player_env(s.rotate, "")); !r) return r;
    if (!s.site_url.empty()) {
        const std::string pub =
            "untrusted comment: publisher key from the card's affiche.toml\n" + s.site_key + "\n";
        if (auto r = write(out_dir, "keys/card.pub", pub); !r) return r;
        const std::string ca_file = s.site_ca.empty() ? "" : out_dir + "/site-ca.crt";
        if (!ca_file.empty()) {
            if (auto r = write(out_dir, "site-ca.crt", s.site_ca); !r) return r;
        }
        if (auto r = write(out_dir, "sync.toml", sync_toml_text(s, out_dir + "/keys", ca_file)); !r)
            return r;
    }
    if (s.wifi) {
        if (auto r =
                write(out_dir, "wpa_supplicant-wlan0.conf", wpa_supplicant_text(*s.wifi), 0600);
            !r)
            return r;
    }
    if (!s.ssh_key.empty()) {
        if (auto r = write(out_dir, "authorized_keys", s.ssh_key + "\n"); !r) return r;
    }
    if (s.studio) {
        if (auto r = write(out_dir, "studio-password", s.studio->password + "\n", 0600); !r)
            return r;
        if (auto r = write(out_dir, "studio.toml", studio_toml_text(*s.studio)); !r) return r;
    }
    return Done{};
}

Result<Done> write_card_errors(const std::vector<std::string>& errors, const std::string& out_dir) {
    if (auto r = make_dir(out_dir); !r) return r;
    std::error_code ec;
    for (const char* name : optional_files)
        fs::remove(out_dir + "/" + name, ec);
    std::string text;
    for (const std::string& e : errors)
        text += e + "\n";
    if (auto r = write(out_dir, "errors.txt", text); !r) return r;
    return write(out_dir, "player.env", player_env(0, out_dir + "/errors.txt"));
}

} // namespace affiche
