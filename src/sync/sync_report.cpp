// Rendering the sync's status JSON and metrics from its state.
#include "sync/sync_report.hpp"

#include "base/utc_time.hpp"
#include "base/utf8.hpp"

#include <cstdio>

namespace affiche {

namespace {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char32_t cp : decode_utf8(text)) { // invalid bytes become U+FFFD
        if (cp == '"')
            out += "\\\"";
        else if (cp == '\\')
            out += "\\\\";
        else if (cp < 0x20 || cp == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(cp));
            out += escape;
        } else
            append_utf8(out, cp);
    }
    return out + "\"";
}

std::string json_time(std::int64_t unix_s) {
    return unix_s == 0 ? "null" : json_string(format_utc(unix_s));
}

} // namespace

std::string sync_status_json(const SyncReport& r) {
    const SyncState& s = r.state;
    std::string j = "{\n";
    auto field = [&j](const char* key, const std::string& value, bool last = false) {
        j += std::string("  \"") + key + "\": " + value + (last ? "\n" : ",\n");
    };
    field("url", json_string(r.url));
    field("now", json_time(r.now_unix));
    field("last_attempt", json_time(s.last_attempt_unix));
    field("last_success", json_time(s.last_success_unix));
    field("revision", json_string(r.revision_on_screen));
    field("accepted_revision", json_string(s.revision));
    field("sequence", std::to_string(s.sequence));
    field("expires", json_time(s.expires_unix));
    field("stale", r.stale ? "true" : "false");
    field("failures_total", std::to_string(s.failures_total));
    field("last_error", s.last_error.empty() ? "null" : json_string(s.last_error), true);
    return j + "}\n";
}

std::vector<Metric> sync_metrics(const SyncReport& r) {
    const SyncState& s = r.state;
    auto d = [](std::int64_t v) { return static_cast<double>(v); };
    return {
        {"affiche_sync_last_success_timestamp_seconds",
         "Unix time of the last pass that ended well",
         "gauge",
         d(s.last_success_unix),
         {}},
        {"affiche_sync_last_attempt_timestamp_seconds",
         "Unix time of the last pass",
         "gauge",
         d(s.last_attempt_unix),
         {}},
        {"affiche_sync_failures_total",
         "Passes that ended in an error",
         "counter",
         d(s.failures_total),
         {}},
        {"affiche_sync_last_pass_ok",
         "1 when the last pass ended well",
         "gauge",
         s.last_error.empty() ? 1.0 : 0.0,
         {}},
        {"affiche_sync_sequence",
         "Sequence of the last accepted manifest",
         "gauge",
         d(s.sequence),
         {}},
        {"affiche_sync_expiry_timestamp_seconds",
         "Unix time the accepted manifest expires",
         "gauge",
         d(s.expires_unix),
         {}},
        {"affiche_sync_stale",
         "1 when the accepted manifest has expired",
         "gauge",
         r.stale ? 1.0 : 0.0,
         {}},
        {"affiche_sync_revision_info",
         "The revision on screen",
         "gauge",
         1.0,
         {{"revision", r.revision_on_screen}}},
    };
}

} // namespace affiche
