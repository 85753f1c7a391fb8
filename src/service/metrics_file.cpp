// Formatting of Prometheus text exposition lines.
#include "service/metrics_file.hpp"

#include <cmath>
#include <cstdio>

namespace affiche {

namespace {

std::string escaped_label(const std::string& value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string number(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
    char buf[40];
    // Integers (counts, Unix times) exactly, other values with enough digits.
    if (v == std::floor(v) && std::fabs(v) < 1e15) {
        std::snprintf(buf, sizeof buf, "%.0f", v);
    } else {
        std::snprintf(buf, sizeof buf, "%.17g", v);
    }
    return buf;
}

} // namespace

std::string to_prometheus_text(const std::vector<Metric>& metrics) {
    std::string out;
    for (const Metric& m : metrics) {
        out += "# HELP " + m.name + " " + m.help + "\n";
        out += "# TYPE " + m.name + " " + m.type + "\n";
        out += m.name;
        if (!m.labels.empty()) {
            out += '{';
            for (std::size_t i = 0; i < m.labels.size(); ++i) {
                if (i > 0) out += ',';
                out += m.labels[i].first + "=\"" + escaped_label(m.labels[i].second) + "\"";
            }
            out += '}';
        }
        out += " " + number(m.value) + "\n";
    }
    return out;
}

} // namespace affiche
