// Screens as JSON for the page and as Prometheus metrics, from the store's rows and the context.
#include "studio/screen_overview.hpp"

#include "base/prometheus_text.hpp"
#include "base/utc_time.hpp"
#include "schedule/schedule.hpp"

#include <map>

namespace affiche {

namespace {

using nlohmann::json;

json time_or_null(const std::optional<std::int64_t>& t) {
    return t ? json(format_utc(*t)) : json(nullptr);
}

bool open_at(const OpeningHours& hours, std::int64_t t) {
    return !hours.set || screen_on(hours, t);
}

} // namespace

ScreenView view_of(const ScreenRow& row, const ScreensContext& c) {
    ScreenView v;
    v.row = &row;
    if (row.state != "approved") return v;
    const std::int64_t last = row.last_seen.value_or(row.first_seen);
    v.seen_recently = row.last_report && c.now - *row.last_report <= screen_silence_s;
    // Open now and 5 minutes ago: the practice has been open long enough to expect a report.
    v.silent = c.now - last > screen_silence_s && open_at(c.hours, c.now) &&
               open_at(c.hours, c.now - screen_silence_s);
    if (c.published_revision && row.report.is_object()) {
        const json& on_screen = row.report["revision_on_screen"];
        if (!on_screen.is_string() || on_screen.get<std::string>() != *c.published_revision)
            v.late_since = std::max(c.published_at, row.revision_since.value_or(c.published_at));
    }
    return v;
}

json screens_json(const std::vector<ScreenRow>& rows, const ScreensContext& c,
                  const std::map<std::string, std::int64_t>& unattributed) {
    json list = json::array();
    for (const auto& row : rows) {
        const ScreenView v = view_of(row, c);
        const json& r = row.report.is_object() ? row.report : json::object();
        auto field = [&](const char* key) { return r.contains(key) ? r[key] : json(nullptr); };
        json refused = json::object();
        for (const auto& [kind, count] : row.refused)
            refused[kind] = count;
        list.push_back({{"name", row.name},
                        {"state", row.state},
                        {"fingerprint", row.fingerprint},
                        {"first_seen", format_utc(row.first_seen)},
                        {"last_seen", time_or_null(row.last_seen)},
                        {"last_report", time_or_null(row.last_report)},
                        {"report_time", field("time")},
                        {"revision", field("revision_on_screen")},
                        {"revision_pending", field("revision_pending")},
                        {"published_revision",
                         c.published_revision ? json(*c.published_revision) : json(nullptr)},
                        {"screen_on", field("screen_on")},
                        {"screen_reason", field("screen_reason")},
                        {"sync_result", field("sync_result")},
                        {"sync_error", field("sync_error")},
                        {"announcement", field("announcement")},
                        {"player_version", field("player_version")},
                        {"sync_version", field("sync_version")},
                        {"uptime_s", field("uptime_s")},
                        {"late_since", time_or_null(v.late_since)},
                        {"silent", v.silent},
                        {"thumbnail_time", time_or_null(row.thumbnail_time)},
                        {"refused", refused}});
    }
    json other = json::object();
    for (const auto& [kind, count] : unattributed)
        other[kind] = count;
    return {
        {"now", format_utc(c.now)},
        {"published_revision", c.published_revision ? json(*c.published_revision) : json(nullptr)},
        {"screens", list},
        {"refused_unknown", other}};
}

std::string screens_metrics(const std::vector<ScreenRow>& rows, const ScreensContext& c,
                            const std::map<std::string, std::int64_t>& unattributed) {
    int approved = 0, pending = 0, seen = 0, late = 0, silent = 0;
    std::map<std::string, std::int64_t> refused = unattributed;
    std::vector<Metric> per_screen; // the writer groups each name's samples together
    for (const auto& row : rows) {
        for (const auto& [kind, count] : row.refused)
            refused[kind] += count;
        if (row.state != "approved") {
            ++pending;
            continue;
        }
        ++approved;
        const ScreenView v = view_of(row, c);
        seen += v.seen_recently;
        silent += v.silent;
        const bool is_late = v.late_since && c.now - *v.late_since > screen_silence_s;
        late += is_late;
        if (row.last_report)
            per_screen.push_back({"affiche_studio_screen_last_report_timestamp_seconds",
                                  "The last accepted report of a screen.",
                                  "gauge",
                                  static_cast<double>(*row.last_report),
                                  {{"screen", row.name}}});
        per_screen.push_back({"affiche_studio_screen_up_to_date",
                              "1 when the screen shows the published revision.",
                              "gauge",
                              row.report.is_object() && !v.late_since ? 1.0 : 0.0,
                              {{"screen", row.name}}});
    }
    std::vector<Metric> metrics;
    auto gauge = [&](const char* name, const char* help, int value) {
        metrics.push_back({name, help, "gauge", static_cast<double>(value), {}});
    };
    gauge("affiche_studio_screens_approved", "Screens approved in the studio.", approved);
    gauge("affiche_studio_screens_pending", "Screens waiting for an editor's approval.", pending);
    gauge("affiche_studio_screens_seen", "Approved screens that reported in the last 5 minutes.",
          seen);
    gauge("affiche_studio_screens_late",
          "Approved screens not on the published revision 5 minutes after it was published.", late);
    gauge("affiche_studio_screens_silent",
          "Approved screens silent for 5 minutes while the practice is open.", silent);
    for (const char* kind : refusal_kinds)
        metrics.push_back({"affiche_studio_reports_refused_total",
                           "Screen reports refused, by reason.",
                           "counter",
                           static_cast<double>(refused[kind]),
                           {{"kind", kind}}});
    metrics.insert(metrics.end(), per_screen.begin(), per_screen.end());
    return to_prometheus_text(metrics);
}

} // namespace affiche
