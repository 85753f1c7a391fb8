// What the sync tells the outside: status.json (for a person) and Prometheus metrics (for a fleet).
#pragma once

#include "service/metrics_file.hpp"
#include "sync/sync_state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

// What the last screen report to the studio gave (status.json's "report").
struct ReportStatus {
    std::string result; // "ok" or "error"
    std::string error;  // "" when ok
    std::string state;  // the studio's answer: "approved", "pending", or "" (no answer)
};

struct SyncReport {
    std::string url;
    std::int64_t now_unix = 0;
    std::string revision_on_screen;     // what current points at
    SyncState state;                    // sequence, times, counters, last error
    bool stale = false;                 // the accepted manifest has expired: nobody is publishing
    std::string result;                 // the pass's outcome word (outcome_word in pull.hpp)
    std::optional<ReportStatus> report; // nullopt: no report_url, nothing sent
};

// Pretty JSON: url, result, last_attempt, last_success, revision, sequence, expires, stale,
// last_error, failures_total (times ISO 8601 UTC or null), report (null or {result, error,
// state}).
std::string sync_status_json(const SyncReport& report);

// affiche_sync_last_success_timestamp_seconds, _last_attempt_timestamp_seconds,
// _failures_total, _sequence, _stale, _expiry_timestamp_seconds, _up_to_date (last pass ok),
// _revision_info{revision=...} = 1.
std::vector<Metric> sync_metrics(const SyncReport& report);

} // namespace affiche
