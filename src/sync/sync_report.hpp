// What the sync tells the outside: status.json (for a person) and Prometheus metrics (for a fleet).
#pragma once

#include "service/metrics_file.hpp"
#include "sync/sync_state.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace affiche {

struct SyncReport {
    std::string url;
    std::int64_t now_unix = 0;
    std::string revision_on_screen; // what current points at
    SyncState state;                // sequence, times, counters, last error
    bool stale = false;             // the accepted manifest has expired: nobody is publishing
};

// Pretty JSON: url, last_attempt, last_success, revision, sequence, expires, stale, last_error,
// failures_total (times ISO 8601 UTC or null).
std::string sync_status_json(const SyncReport& report);

// affiche_sync_last_success_timestamp_seconds, _last_attempt_timestamp_seconds,
// _failures_total, _sequence, _stale, _expiry_timestamp_seconds, _up_to_date (last pass ok),
// _revision_info{revision=...} = 1.
std::vector<Metric> sync_metrics(const SyncReport& report);

} // namespace affiche
