// Reading sync.toml with the deck's TOML reader, so its errors look like the deck's: path:line:col.
#include "sync/sync_config.hpp"

#include "base/file_read.hpp"
#include "sync/report_sender.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_file.hpp"

#include <array>
#include <string_view>

namespace affiche {

namespace {

constexpr std::array<std::string_view, 13> top_keys = {
    "url",     "keys",   "root",       "state",         "status",
    "metrics", "keep",   "report_url", "player_status", "player_thumbnail",
    "name",    "limits", "ca_file"};
constexpr std::array<std::string_view, 9> limit_keys = {
    "connect_timeout_s", "stall_timeout_s", "total_timeout_s", "max_archive_mb", "max_entries",
    "max_unpacked_mb",   "max_file_mb",     "max_manifest_kb", "pass_timeout_s"};

// The unit's TimeoutStartSec is 900 s: a pass must end by itself before, with time to spare.
constexpr double max_pass_timeout_s = 840;

constexpr double mib = 1024.0 * 1024.0;

void read_limits(const TableReader& t, SyncConfig& c) {
    t.check_keys(limit_keys, "in [limits]");
    auto seconds = [&t](std::string_view key, long& out) {
        if (auto v = t.number(key, {1, 3600, false, "seconds"})) out = static_cast<long>(*v);
    };
    seconds("connect_timeout_s", c.fetch.connect_timeout_s);
    seconds("stall_timeout_s", c.fetch.stall_timeout_s);
    seconds("total_timeout_s", c.fetch.total_timeout_s);
    if (auto v = t.number("pass_timeout_s", {5, max_pass_timeout_s, false, "seconds"})) {
        c.pass_timeout = std::chrono::seconds(static_cast<long>(*v));
    }
    auto bytes = [&t](std::string_view key, double max, double unit, std::uint64_t& out) {
        if (auto v = t.number(key, {0, max, true, unit == mib ? "MiB" : "KiB"})) {
            out = static_cast<std::uint64_t>(*v * unit);
        }
    };
    bytes("max_archive_mb", 16384, mib, c.deck.max_archive_bytes);
    bytes("max_unpacked_mb", 65536, mib, c.deck.max_total_bytes);
    bytes("max_file_mb", 16384, mib, c.deck.max_file_bytes);
    bytes("max_manifest_kb", 1024, 1024.0, c.max_manifest_bytes);
    if (auto v = t.number("max_entries", {1, 1e7, false, "entries"})) {
        c.deck.max_entries = static_cast<std::uint64_t>(*v);
    }
}

void read_top(const TableReader& t, SyncConfig& c, Diagnostics& out) {
    t.check_keys(top_keys, "in the sync configuration");
    auto text = [&t](std::string_view key, std::string& field) {
        if (auto v = t.string(key)) field = *v;
    };
    text("url", c.url);
    text("keys", c.keys);
    text("root", c.root);
    text("state", c.state_dir);
    text("status", c.status_file);
    text("metrics", c.metrics_file);
    if (auto v = t.number("keep", {1, 100, false, "revisions"})) c.keep = static_cast<int>(*v);
    text("name", c.name);
    text("report_url", c.report_url);
    text("ca_file", c.ca_file);
    text("player_status", c.player_status);
    text("player_thumbnail", c.player_thumbnail);
    if (t.get("name")) {
        if (auto why = screen_name_problem(c.name)) t.error(t.value_loc("name"), *why);
    }
    if (!c.report_url.empty()) {
        if (auto why = report_url_problem(c.report_url)) t.error(t.value_loc("report_url"), *why);
    }
    if (t.get("ca_file")) {
        if (auto why = ca_file_problem(c.ca_file)) t.error(t.value_loc("ca_file"), *why);
    }
    if (!t.get("url")) {
        t.error(t.table_loc(), "missing 'url'", "url = \"https://example.org/affiche/manifest\"");
    } else if (!c.url.empty() && c.url.rfind("https://", 0) != 0 &&
               c.url.rfind("http://", 0) != 0 && c.url.rfind("file://", 0) != 0) {
        t.error(t.value_loc("url"), "'url' must start with https://, http:// or file://");
    }
    if (const toml::table* limits = t.table("limits")) {
        read_limits(TableReader(*limits, t.path(), out), c);
    }
}

} // namespace

Result<SyncConfig> load_sync_config(const std::string& path) {
    const FileBytes file = read_regular_file(path, max_toml_bytes);
    if (!file.ok()) return failure({path, 0, 0}, "cannot read the configuration: " + file.reason);
    Diagnostics out;
    SyncConfig config;
    if (auto table = parse_toml_bytes(path, file.bytes, out)) {
        read_top(TableReader(*table, path, out), config, out);
    }
    for (const Diagnostic& d : out) {
        if (d.severity == Severity::error) return d; // the first error, in file order
    }
    return config;
}

} // namespace affiche
