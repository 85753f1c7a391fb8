// Prometheus text exposition lines: samples grouped by name, labels escaped, numbers exact.
#include "base/prometheus_text.hpp"

#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

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

void append_sample(std::string& out, const Metric& m) {
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

} // namespace

std::string to_prometheus_text(const std::vector<Metric>& metrics) {
    // A scraper rejects a name whose samples are split by another name's, or a second # TYPE.
    std::string out;
    std::set<std::string_view> written;
    for (const Metric& first : metrics) {
        if (!written.insert(first.name).second) continue;
        out += "# HELP " + first.name + " " + first.help + "\n";
        out += "# TYPE " + first.name + " " + first.type + "\n";
        for (const Metric& m : metrics)
            if (m.name == first.name) append_sample(out, m);
    }
    return out;
}

} // namespace affiche
