// Prometheus metrics in node_exporter's textfile-collector format, replaced atomically.
#pragma once

#include "base/prometheus_text.hpp"
#include "service/status_file.hpp"

#include <string>
#include <utility>
#include <vector>

namespace affiche {

// A .prom file for node_exporter's --collector.textfile.directory. Written as path.tmp then
// renamed, so the collector (which reads only *.prom) never sees half a file.
class MetricsFile {
  public:
    explicit MetricsFile(std::string path) : file_(std::move(path)) {} // "" = disabled
    bool enabled() const { return file_.enabled(); }
    // Returns whether the file was written; failures are logged once, as StatusFile::write's.
    bool write(const std::vector<Metric>& metrics) {
        return file_.write_text(to_prometheus_text(metrics));
    }

  private:
    StatusFile file_; // the same atomic write-and-rename, failures logged once
};

} // namespace affiche
