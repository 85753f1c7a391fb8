// Rendering the sync's status JSON and metrics from its state.
#include "sync/sync_report.hpp"

#include "base/json_writer.hpp"

namespace affiche {

std::string sync_status_json(const SyncReport& r) {
    const SyncState& s = r.state;
    JsonWriter j;
    j.begin_object();
    j.key("url").string(r.url);
    j.key("result").string(r.result);
    j.key("now").utc_or_null(r.now_unix);
    j.key("last_attempt").utc_or_null(s.last_attempt_unix);
    j.key("last_success").utc_or_null(s.last_success_unix);
    j.key("revision").string(r.revision_on_screen);
    j.key("accepted_revision").string(s.revision);
    j.key("sequence").number(s.sequence);
    j.key("expires").utc_or_null(s.expires_unix);
    j.key("stale").boolean(r.stale);
    j.key("failures_total").number(s.failures_total);
    j.key("last_error").string_or_null(s.last_error);
    j.key("report");
    if (r.report) {
        j.begin_object();
        j.key("result").string(r.report->result);
        j.key("error").string(r.report->error);
        j.key("state").string_or_null(r.report->state);
        j.end_object();
    } else {
        j.null();
    }
    j.end_object();
    return j.finish();
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
