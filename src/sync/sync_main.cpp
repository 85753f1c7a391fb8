// affiche-sync: the command line of the publisher (publish) and of the screen (pull, rollback).
#include "base/command_line.hpp"
#include "base/error.hpp"
#include "sync/device_key.hpp"
#include "sync/manifest.hpp"
#include "sync/player_check.hpp"
#include "sync/publish.hpp"
#include "sync/pull.hpp"
#include "sync/report_sender.hpp"
#include "sync/report_signing.hpp"
#include "sync/sync_config.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <exception>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace affiche {

namespace {

constexpr const char* usage =
    "usage: affiche-sync publish CONTENT_DIR --out SITE_DIR [--key SECRET_KEY] [--expires DAYS]\n"
    "                            [--keep N] [--player AFFICHE]\n"
    "       affiche-sync pull URL --key PUBLIC_KEY_OR_DIR --into DIR [--status FILE]\n"
    "                            [--metrics FILE] [--keep N] [--stall-timeout S]\n"
    "                            [--connect-timeout S] [--timeout S] [--name NAME]\n"
    "                            [--report URL] [--ca FILE]\n"
    "       affiche-sync pull --config FILE        (default /etc/affiche/sync.toml)\n"
    "       affiche-sync rollback [--config FILE | --into DIR]\n"
    "       affiche-sync id [--config FILE | --into DIR]\n"
    "\n"
    "publish  checks CONTENT_DIR like `affiche --check`, packs it into SITE_DIR with a manifest\n"
    "         signed by SECRET_KEY (a `minisign -G` key; password from "
    "AFFICHE_SYNC_KEY_PASSWORD),\n"
    "         or by running `minisign -Sm` when --key is not given. Upload SITE_DIR anywhere.\n"
    "         Images are also decoded by `AFFICHE --check` (default: the affiche program beside\n"
    "         this one, when there is one).\n"
    "pull     one pass: fetches URL (https://, http:// or file://; the published folder or its\n"
    "         manifest.toml), verifies it with the trusted key(s), installs the deck into\n"
    "         DIR/content/<revision> and swaps DIR/current. State in DIR/state.\n"
    "         With --report URL (report_url in sync.toml), each pass ends with one report to\n"
    "         the studio, signed with this screen's key (DIR/state/device.key).\n"
    "         With --ca FILE (ca_file), https is trusted only when signed by an authority of\n"
    "         that PEM file (e.g. the studio's studio-ca.crt), for the pull and the report.\n"
    "rollback swaps DIR/current back to the revision installed before the one on screen.\n"
    "id       prints this screen's name and its key's fingerprint (making the key if needed),\n"
    "         to compare with the studio's before approving the screen.\n"
    "Exit status: 0 done or nothing new, 1 refused or failed (the screen keeps its deck), 2 "
    "usage,\n"
    "3 a new deck is on screen but its state could not be recorded (the message says what).\n";

constexpr OptionSpec sync_options[] = {
    {"--out", true},
    {"--key", true},
    {"--expires", true},
    {"--keep", true},
    {"--into", true},
    {"--config", true},
    {"--status", true},
    {"--metrics", true},
    {"--stall-timeout", true},
    {"--timeout", true},
    {"--connect-timeout", true},
    {"--player", true},
    {"--name", true},
    {"--report", true},
    {"--ca", true},
};

// The value of name, or fallback when it was not given.
std::string value_or(const CommandLine& args, std::string_view name, const std::string& fallback) {
    const std::string* v = args.value(name);
    return v ? *v : fallback;
}

bool to_long(const std::string& text, long min, long max, long& out) {
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc{} && r.ptr == end && out >= min && out <= max;
}

int usage_error(const std::string& message) {
    std::fprintf(stderr, "affiche-sync: %s\n\n%s", message.c_str(), usage);
    return 2;
}

int fail(const std::string& line) {
    std::fprintf(stderr, "affiche-sync: %s\n", line.c_str());
    return 1;
}

int run_publish(const CommandLine& args) {
    if (args.positional.size() != 2) return usage_error("publish needs one CONTENT_DIR");
    if (!args.has("--out")) return usage_error("publish needs --out SITE_DIR");
    PublishOptions o;
    o.content_dir = args.positional[1];
    o.site_dir = *args.value("--out");
    o.secret_key = value_or(args, "--key", "");
    o.password = password_from_environment();
    o.player_program = value_or(args, "--player", player_beside_this_program().value_or(""));
    o.now = static_cast<std::int64_t>(std::time(nullptr));
    long n = 0;
    if (const std::string* expires = args.value("--expires")) {
        if (!to_long(*expires, 1, 3650, n)) {
            return usage_error("--expires needs a number of days (1 to 3650)");
        }
        o.expires_in = n * 24 * 3600;
    }
    if (const std::string* keep = args.value("--keep")) {
        if (!to_long(*keep, 1, 1000, n)) return usage_error("--keep needs 1 to 1000");
        o.keep = static_cast<int>(n);
    }
    o.on_diagnostic = [](const Diagnostic& d) {
        std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    };
    auto report = publish(o);
    if (!report) return fail(format_diagnostic(report.error()));
    std::printf("published revision %s, sequence %lld: %s (%s)\n",
                report->manifest.revision.c_str(),
                static_cast<long long>(report->manifest.sequence), report->manifest_path.c_str(),
                report->archive_reused ? "archive reused" : "new archive");
    return 0;
}

// The screen's settings: --into/--key/... on the command line, or --config FILE. A bad command
// line is a UsageError (exit 2), a configuration file that is refused its Diagnostic (exit 1).
using ScreenConfig = std::variant<SyncConfig, UsageError, Diagnostic>;

ScreenConfig screen_config(const CommandLine& args, bool need_url) {
    if (args.has("--config") || !args.has("--into")) {
        auto c = load_sync_config(value_or(args, "--config", "/etc/affiche/sync.toml"));
        if (!c) return c.error();
        return *c;
    }
    SyncConfig c;
    c.root = *args.value("--into");
    c.state_dir = c.root + "/state";
    c.status_file = value_or(args, "--status", "");
    c.metrics_file = value_or(args, "--metrics", "");
    c.name = value_or(args, "--name", "");
    c.report_url = value_or(args, "--report", "");
    if (args.has("--name")) {
        if (auto why = screen_name_problem(c.name)) return UsageError{"--name: " + *why};
    }
    if (args.has("--report")) {
        if (auto why = report_url_problem(c.report_url)) return UsageError{"--report: " + *why};
    }
    c.ca_file = value_or(args, "--ca", "");
    if (args.has("--ca")) {
        if (auto why = ca_file_problem(c.ca_file)) return UsageError{"--ca: " + *why};
    }
    if (need_url) {
        if (args.positional.size() != 2) return UsageError{"pull needs one URL"};
        if (!args.has("--key")) return UsageError{"pull needs --key PUBLIC_KEY_OR_DIR"};
        c.url = args.positional[1];
        c.keys = *args.value("--key");
    }
    long n = 0;
    if (const std::string* keep = args.value("--keep")) {
        if (!to_long(*keep, 1, 100, n)) return UsageError{"--keep needs 1 to 100"};
        c.keep = static_cast<int>(n);
    }
    for (const auto& [option, field] : {std::pair{"--stall-timeout", &c.fetch.stall_timeout_s},
                                        std::pair{"--connect-timeout", &c.fetch.connect_timeout_s},
                                        std::pair{"--timeout", &c.fetch.total_timeout_s}}) {
        const std::string* value = args.value(option);
        if (!value) continue;
        if (!to_long(*value, 1, 3600, n))
            return UsageError{std::string(option) + " needs 1 to 3600 seconds"};
        *field = n;
    }
    return c;
}

// The exit status for a screen_config that is not a SyncConfig, its message printed.
int config_refused(const ScreenConfig& config) {
    if (const auto* usage = std::get_if<UsageError>(&config)) return usage_error(usage->message);
    return fail(format_diagnostic(std::get<Diagnostic>(config)));
}

int run_pull(const CommandLine& args) {
    auto config = screen_config(args, true);
    if (!std::holds_alternative<SyncConfig>(config)) return config_refused(config);
    SyncConfig& c = std::get<SyncConfig>(config);
    c.player_program = player_beside_this_program().value_or("");
    const PullOutcome out = pull_once(c, static_cast<std::int64_t>(std::time(nullptr)));
    const auto& s = out.report.state;
    const std::string bytes = std::to_string(out.bytes_received) + " bytes received, " +
                              std::to_string(out.archive_downloads) + " archive download(s)";
    const std::string& on_screen = out.report.revision_on_screen;
    switch (out.kind) {
    case PullOutcome::Kind::unchanged:
        // The revision on screen, which after a rollback is not the last one installed.
        if (!on_screen.empty() && on_screen != s.revision) {
            std::printf("unchanged: revision %s on screen (rolled back; the publisher's sequence "
                        "%lld is revision %s) (%s)\n",
                        on_screen.c_str(), static_cast<long long>(s.sequence), s.revision.c_str(),
                        bytes.c_str());
        } else {
            std::printf("unchanged: revision %s, sequence %lld (%s)\n",
                        (on_screen.empty() ? s.revision : on_screen).c_str(),
                        static_cast<long long>(s.sequence), bytes.c_str());
        }
        return 0;
    case PullOutcome::Kind::installed_unrecorded:
        std::fprintf(stderr, "affiche-sync: %s\n", out.message.c_str());
        return 3;
    case PullOutcome::Kind::installed:
        std::printf("installed: revision %s, sequence %lld (%s)\n", s.revision.c_str(),
                    static_cast<long long>(s.sequence), bytes.c_str());
        if (!out.message.empty()) std::fprintf(stderr, "affiche-sync: %s\n", out.message.c_str());
        return 0;
    case PullOutcome::Kind::stale:
        return fail(out.message.empty()
                        ? "stale: the manifest expired at " + format_utc(s.expires_unix) +
                              "; the current deck stays on screen"
                        : out.message);
    case PullOutcome::Kind::failed:
        break;
    }
    return fail(out.message);
}

int run_rollback(const CommandLine& args) {
    auto config = screen_config(args, false);
    if (!std::holds_alternative<SyncConfig>(config)) return config_refused(config);
    auto to = rollback_once(std::get<SyncConfig>(config));
    if (!to) return fail(format_diagnostic(to.error()));
    std::printf("rolled back: current -> content/%s\n", to->c_str());
    return 0;
}

int run_id(const CommandLine& args) {
    if (args.positional.size() != 1) return usage_error("id takes no argument");
    auto config = screen_config(args, false);
    if (!std::holds_alternative<SyncConfig>(config)) return config_refused(config);
    const SyncConfig& c = std::get<SyncConfig>(config);
    auto key = load_or_create_device_key(c.state_dir);
    if (!key) return fail(format_diagnostic(key.error()));
    std::printf("name %s\nfingerprint %s\n", screen_name(c).c_str(),
                report_fingerprint(key->public_key).c_str());
    return 0;
}

int run(const std::vector<std::string>& in) {
    // Help and version before the options are parsed: "--help" is not an option of a command.
    if (in.empty() || in[0] == "--help" || in[0] == "-h" || in[0] == "help") {
        std::printf("%s", usage);
        return in.empty() ? 2 : 0;
    }
    if (in[0] == "--version") {
        std::printf("affiche-sync %s\n", AFFICHE_VERSION);
        return 0;
    }
    auto split = split_command_line(in, sync_options);
    if (auto* error = std::get_if<UsageError>(&split)) return usage_error(error->message);
    const CommandLine& args = std::get<CommandLine>(split);
    const std::string command = args.positional.empty() ? "" : args.positional[0];
    if (command == "publish") return run_publish(args);
    if (command == "pull") return run_pull(args);
    if (command == "rollback") return run_rollback(args);
    if (command == "id") return run_id(args);
    return usage_error("unknown command '" + command + "'");
}

} // namespace

} // namespace affiche

int main(int argc, char** argv) {
    try {
        return affiche::run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "affiche-sync: error: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "affiche-sync: error: unexpected exception\n");
    }
    return 1;
}
