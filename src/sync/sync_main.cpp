// affiche-sync: the command line of the publisher (publish) and of the screen (pull, rollback).
#include "base/error.hpp"
#include "sync/manifest.hpp"
#include "sync/publish.hpp"
#include "sync/pull.hpp"
#include "sync/sync_config.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <exception>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <unistd.h>

namespace affiche {

namespace {

constexpr const char* usage =
    "usage: affiche-sync publish CONTENT_DIR --out SITE_DIR [--key SECRET_KEY] [--expires DAYS]\n"
    "                            [--keep N] [--player AFFICHE]\n"
    "       affiche-sync pull URL --key PUBLIC_KEY_OR_DIR --into DIR [--status FILE]\n"
    "                            [--metrics FILE] [--keep N] [--stall-timeout S]\n"
    "                            [--connect-timeout S] [--timeout S]\n"
    "       affiche-sync pull --config FILE        (default /etc/affiche/sync.toml)\n"
    "       affiche-sync rollback [--config FILE | --into DIR]\n"
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
    "rollback swaps DIR/current back to the revision installed before the one on screen.\n"
    "Exit status: 0 done or nothing new, 1 refused or failed (the screen keeps its deck), 2 "
    "usage.\n";

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
};

bool takes_value(const std::string& a) {
    return a == "--out" || a == "--key" || a == "--expires" || a == "--keep" || a == "--into" ||
           a == "--config" || a == "--status" || a == "--metrics" || a == "--stall-timeout" ||
           a == "--connect-timeout" || a == "--timeout" || a == "--player";
}

// Fills args; "" on success, else the usage error.
std::string parse_args(const std::vector<std::string>& in, Args& args) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        const std::string& a = in[i];
        if (takes_value(a)) {
            if (i + 1 >= in.size()) return a + " needs a value";
            args.values[a] = in[++i];
        } else if (a.size() > 1 && a[0] == '-') {
            return "unknown option '" + a + "'";
        } else {
            args.positional.push_back(a);
        }
    }
    return "";
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


int run_publish(const Args& args) {
    if (args.positional.size() != 2) return usage_error("publish needs one CONTENT_DIR");
    if (!args.values.count("--out")) return usage_error("publish needs --out SITE_DIR");
    PublishOptions o;
    o.content_dir = args.positional[1];
    o.site_dir = args.values.at("--out");
    if (args.values.count("--key")) o.secret_key = args.values.at("--key");
    o.password = password_from_environment();
    o.player_program =
        args.values.count("--player") ? args.values.at("--player") : player_beside_this_program();
    o.now = static_cast<std::int64_t>(std::time(nullptr));
    long n = 0;
    if (args.values.count("--expires")) {
        if (!to_long(args.values.at("--expires"), 1, 3650, n)) {
            return usage_error("--expires needs a number of days (1 to 3650)");
        }
        o.expires_in = n * 24 * 3600;
    }
    if (args.values.count("--keep")) {
        if (!to_long(args.values.at("--keep"), 1, 1000, n))
            return usage_error("--keep needs 1 to 1000");
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

// --into/--key/... on the command line, or --config FILE.
std::variant<SyncConfig, std::string> screen_config(const Args& args, bool need_url) {
    if (args.values.count("--config") || !args.values.count("--into")) {
        const std::string path =
            args.values.count("--config") ? args.values.at("--config") : "/etc/affiche/sync.toml";
        auto c = load_sync_config(path);
        if (!c) return format_diagnostic(c.error());
        return *c;
    }
    SyncConfig c;
    c.root = args.values.at("--into");
    c.state_dir = c.root + "/state";
    c.status_file = args.values.count("--status") ? args.values.at("--status") : "";
    c.metrics_file = args.values.count("--metrics") ? args.values.at("--metrics") : "";
    if (need_url) {
        if (args.positional.size() != 2) return "pull needs one URL";
        if (!args.values.count("--key")) return "pull needs --key PUBLIC_KEY_OR_DIR";
        c.url = args.positional[1];
        c.keys = args.values.at("--key");
    }
    long n = 0;
    if (args.values.count("--keep")) {
        if (!to_long(args.values.at("--keep"), 1, 100, n)) return "--keep needs 1 to 100";
        c.keep = static_cast<int>(n);
    }
    for (const auto& [option, field] : {std::pair{"--stall-timeout", &c.fetch.stall_timeout_s},
                                        std::pair{"--connect-timeout", &c.fetch.connect_timeout_s},
                                        std::pair{"--timeout", &c.fetch.total_timeout_s}}) {
        if (!args.values.count(option)) continue;
        if (!to_long(args.values.at(option), 1, 3600, n))
            return std::string(option) + " needs 1 to 3600 seconds";
        *field = n;
    }
    return c;
}

int run_pull(const Args& args) {
    auto config = screen_config(args, true);
    if (auto* error = std::get_if<std::string>(&config)) {
        return error->find(": error: ") != std::string::npos ? fail(*error) : usage_error(*error);
    }
    SyncConfig& c = std::get<SyncConfig>(config);
    c.player_program = player_beside_this_program();
    const PullOutcome out = pull_once(c, static_cast<std::int64_t>(std::time(nullptr)));
    const auto& s = out.report.state;
    const std::string bytes = std::to_string(out.bytes_received) + " bytes received, " +
                              std::to_string(out.archive_downloads) + " archive download(s)";
    switch (out.kind) {
    case PullOutcome::Kind::unchanged:
        std::printf("unchanged: revision %s, sequence %lld (%s)\n", s.revision.c_str(),
                    static_cast<long long>(s.sequence), bytes.c_str());
        return 0;
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

int run_rollback(const Args& args) {
    auto config = screen_config(args, false);
    if (auto* error = std::get_if<std::string>(&config)) return fail(*error);
    auto to = rollback_once(std::get<SyncConfig>(config));
    if (!to) return fail(format_diagnostic(to.error()));
    std::printf("rolled back: current -> content/%s\n", to->c_str());
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
    Args args;
    if (const std::string error = parse_args(in, args); !error.empty()) return usage_error(error);
    const std::string& command = args.positional.empty() ? "" : args.positional[0];
    if (command == "publish") return run_publish(args);
    if (command == "pull") return run_pull(args);
    if (command == "rollback") return run_rollback(args);
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
