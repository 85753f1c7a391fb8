// Prometheus text exposition format 0.0.4: the one writer of the player's and the sync's .prom
// files and of the studio's /metrics.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace affiche {

// One sample of a metric; every sample of a name carries the same help and type.
struct Metric {
    std::string name; // e.g. "affiche_sync_last_success_timestamp_seconds"
    std::string help; // one line
    std::string type; // "gauge" or "counter"
    double value = 0;
    std::vector<std::pair<std::string, std::string>> labels; // e.g. {"revision", "ab12"}
};

// The text of metrics: for each name, in the order of its first sample, "# HELP" and "# TYPE"
// once (the help and type of that first sample), then every sample of that name in the order
// given. Label values escaped (\\, \", \n); integers below 1e15 written exactly.
std::string to_prometheus_text(const std::vector<Metric>& metrics);

} // namespace affiche
