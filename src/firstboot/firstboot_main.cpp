// affiche-firstboot: applies the card's affiche.toml at each boot of the image (its unit:
// image/rootfs/etc/systemd/system/affiche-firstboot.service). Errors go to the journal and, in
// French, to the TV through the player's --notice file.
//   affiche-firstboot CARD_TOML OUT_DIR [--zoneinfo DIR] [--no-hostname]
// Exit status: 0 applied, 1 the file has errors (shown; defaults kept), 2 usage or write error.
#include "app/translations.hpp"
#include "base/command_line.hpp"
#include "base/file_read.hpp"
#include "base/i18n.hpp"
#include "firstboot/card_apply.hpp"
#include "firstboot/card_settings.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace affiche;

constexpr OptionSpec firstboot_options[] = {{"--zoneinfo", true}, {"--no-hostname", false}};

int usage() {
    std::fputs("usage: affiche-firstboot CARD_TOML OUT_DIR [--zoneinfo DIR] [--no-hostname]\n",
               stderr);
    return 2;
}

// The problems as the TV shows them: a heading, then "affiche.toml:3:7: error: ..." lines.
std::vector<std::string> notice_lines(const Diagnostics& diagnostics) {
    std::vector<std::string> lines{
        tr("affiche.toml on the card has errors: correct it from a computer, then restart the "
           "screen. Until then it plays its current slides, without network settings.")};
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == Severity::error) lines.push_back(format_diagnostic(d));
    }
    return lines;
}

} // namespace

int main(int argc, char** argv) {
    init_translations();
    auto split =
        split_command_line(std::vector<std::string>(argv + 1, argv + argc), firstboot_options);
    if (std::holds_alternative<UsageError>(split)) return usage();
    const CommandLine& line = std::get<CommandLine>(split);
    const std::string zoneinfo =
        line.has("--zoneinfo") ? *line.value("--zoneinfo") : std::string("/usr/share/zoneinfo");
    const bool set_host_name = !line.has("--no-hostname");
    const std::vector<std::string>& positional = line.positional;
    if (positional.size() != 2) return usage();
    const std::string& card = positional[0];
    const std::string& out_dir = positional[1];

    // Messages name the file as the person sees it on the card.
    const std::string shown = "affiche.toml";
    CardReading reading;
    const FileBytes file = read_regular_file(card, max_toml_bytes);
    if (!file.ok()) {
        reading.diagnostics.push_back(
            failure({shown}, format_text(tr("cannot read the file: {1}"), {file.reason}),
                    tr("put affiche.toml back on the card's first partition")));
    } else {
        reading = read_card_settings(file.bytes, shown, zoneinfo);
    }
    for (const Diagnostic& d : reading.diagnostics)
        std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());

    if (!reading.ok()) {
        if (auto r = write_card_errors(notice_lines(reading.diagnostics), out_dir); !r) {
            std::fprintf(stderr, "%s\n", format_diagnostic(r.error()).c_str());
            return 2;
        }
        return 1;
    }
    if (auto r = write_card_files(reading.settings, out_dir, zoneinfo); !r) {
        std::fprintf(stderr, "%s\n", format_diagnostic(r.error()).c_str());
        return 2;
    }
    const std::string& name = reading.settings.name;
    if (set_host_name && sethostname(name.c_str(), name.size()) != 0) {
        std::perror("affiche-firstboot: sethostname");
        return 2;
    }
    const std::string studio = reading.settings.studio
                                   ? "port " + std::to_string(reading.settings.studio->port)
                                   : std::string("off");
    std::printf("affiche.toml applied: name %s, time zone %s, rotation %d, site %s, Wi-Fi %s, "
                "ssh %s, studio %s\n",
                name.c_str(), reading.settings.timezone.c_str(), reading.settings.rotate,
                reading.settings.site_url.empty() ? "none" : reading.settings.site_url.c_str(),
                reading.settings.wifi ? reading.settings.wifi->ssid.c_str() : "none",
                reading.settings.ssh_key.empty() ? "off" : "on", studio.c_str());
    return 0;
}
