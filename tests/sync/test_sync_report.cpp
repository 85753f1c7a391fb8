// Tests of the sync's status JSON and Prometheus metrics.
#include "sync/sync_report.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("sync report: status JSON carries times, revision, sequence, stale and the error") {
    SyncReport r;
    r.url = "https://x/site/";
    r.now_unix = 1764403200; // 2025-11-29T08:00:00Z
    r.revision_on_screen = "0123456789abcdef";
    r.state.sequence = 9;
    r.state.last_attempt_unix = 1764403200;
    r.state.last_error = "https://x/site/manifest.toml: error: HTTP 500 \"from\" the server";
    r.stale = true;
    const std::string j = sync_status_json(r);
    CHECK(j.find("\"last_attempt\": \"2025-11-29T08:00:00Z\"") != std::string::npos);
    CHECK(j.find("\"last_success\": null") != std::string::npos);
    CHECK(j.find("\"revision\": \"0123456789abcdef\"") != std::string::npos);
    CHECK(j.find("\"sequence\": 9") != std::string::npos);
    CHECK(j.find("\"stale\": true") != std::string::npos);
    CHECK(j.find("HTTP 500 \\\"from\\\" the server\"") != std::string::npos);
    r.state.last_error.clear();
    CHECK(sync_status_json(r).find("\"last_error\": null") != std::string::npos);
}

TEST_CASE("sync report: metrics for the three alerts (last success, failures, stale)") {
    SyncReport r;
    r.revision_on_screen = "abc";
    r.state.last_success_unix = 1764403200;
    r.state.failures_total = 4;
    r.stale = true;
    const std::string text = to_prometheus_text(sync_metrics(r));
    CHECK(text.find("affiche_sync_last_success_timestamp_seconds 1764403200\n") !=
          std::string::npos);
    CHECK(
        text.find("# TYPE affiche_sync_failures_total counter\naffiche_sync_failures_total 4\n") !=
        std::string::npos);
    CHECK(text.find("affiche_sync_stale 1\n") != std::string::npos);
    CHECK(text.find("affiche_sync_revision_info{revision=\"abc\"} 1\n") != std::string::npos);
}

TEST_CASE("sync report: status JSON says the pass's result and how the screen report went") {
    SyncReport r;
    r.result = "unchanged";
    const std::string none = sync_status_json(r);
    CHECK(none.find("\"result\": \"unchanged\"") != std::string::npos);
    CHECK(none.find("\"report\": null") != std::string::npos);
    r.report = ReportStatus{"ok", "", "pending"};
    const std::string ok = sync_status_json(r);
    CHECK(ok.find("\"report\": {\n    \"result\": \"ok\",\n    \"error\": \"\",\n    \"state\": "
                  "\"pending\"\n  }") != std::string::npos);
    r.report = ReportStatus{"error", "no answer", ""};
    CHECK(sync_status_json(r).find("\"state\": null") != std::string::npos);
}
