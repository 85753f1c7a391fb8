// Tests for the status file: exact JSON, escaping, atomic replace, errors logged once.
#include "service/status_file.hpp"

#include "base/utc_time.hpp"
#include "support/stderr_capture.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace affiche;
using affiche::testing::count_of;
using affiche::testing::read_text;
using affiche::testing::StderrCapture;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {

StatusReport sample_report() {
    StatusReport r;
    r.version = "0.1.0";
    r.content_dir = "/var/lib/affiche/current";
    r.revision = "0123456789abcdef";
    r.pending_revision = "fedcba9876543210";         // validated, not on screen yet
    r.slide_id = "say \"hi\"\\ok\nnext caf\xC3\xA9"; // quote, backslash, newline, é
    r.slide_index = 2;
    r.slide_count = 7;
    r.slide_since_unix = 1795867190; // 2026-11-28T11:59:50Z
    r.started_unix = 1795858205;     // 2026-11-28T09:30:05Z
    r.now_unix = 1795867200;         // 2026-11-28T12:00:00Z
    r.renderer = "opengles2";
    r.renderer_reason = "OpenGL is V3D 7.1, a GPU";
    r.width = 1920;
    r.height = 1080;
    r.last_reload.at_unix = 1795867200;
    r.last_reload.ok = false;
    r.last_reload.errors = {"slides/a.toml:3:1: error: unknown key 'titel'", "tab\there"};
    r.problems = {"font fallback: Amiri.ttf"};
    r.announcement = {true, "Le Dr X a \"30 min\" de retard", "", "2026-12-08T12:00:00", "band",
                      true};
    r.screen = {false, "closed: Saturday", 1796025600, "hdmi-cec standby + dpms off"};
    return r;
}

} // namespace

TEST_CASE("service: status JSON, exact output") {
    const std::string expected = R"({
  "version": "0.1.0",
  "content_dir": "/var/lib/affiche/current",
  "revision": "0123456789abcdef",
  "pending_revision": "fedcba9876543210",
  "started": "2026-11-28T09:30:05Z",
  "now": "2026-11-28T12:00:00Z",
  "uptime_s": 8995,
  "renderer": "opengles2",
  "renderer_reason": "OpenGL is V3D 7.1, a GPU",
  "width": 1920,
  "height": 1080,
  "slide_id": "say \"hi\"\\ok\u000anext café",
  "slide_index": 2,
  "slide_count": 7,
  "slide_since": "2026-11-28T11:59:50Z",
  "screen": {
    "on": false,
    "reason": "closed: Saturday",
    "next_change": "2026-11-30T08:00:00Z",
    "off_by": "hdmi-cec standby + dpms off"
  },
  "last_reload": {
    "at": "2026-11-28T12:00:00Z",
    "ok": false,
    "errors": [
      "slides/a.toml:3:1: error: unknown key 'titel'",
      "tab\u0009here"
    ]
  },
  "problems": [
    "font fallback: Amiri.ttf"
  ],
  "announcement": {
    "text": "Le Dr X a \"30 min\" de retard",
    "from": null,
    "until": "2026-12-08T12:00:00",
    "style": "band",
    "showing": true
  }
}
)";
    CHECK(to_json(sample_report()) == expected);
}

TEST_CASE("service: status JSON of an empty report, unknown times as null") {
    const std::string expected = R"({
  "version": "",
  "content_dir": "",
  "revision": "",
  "pending_revision": null,
  "started": null,
  "now": null,
  "uptime_s": 0,
  "renderer": "",
  "renderer_reason": "",
  "width": 0,
  "height": 0,
  "slide_id": "",
  "slide_index": 0,
  "slide_count": 0,
  "slide_since": null,
  "screen": {
    "on": true,
    "reason": "",
    "next_change": null,
    "off_by": ""
  },
  "last_reload": {
    "at": null,
    "ok": true,
    "errors": []
  },
  "problems": [],
  "announcement": null
}
)";
    CHECK(to_json(StatusReport{}) == expected);
}

TEST_CASE("service: status JSON stays valid UTF-8 with invalid input bytes") {
    StatusReport r;
    r.slide_id = "a\xFF"
                 "b\x01";
    const std::string json = to_json(r);
    CHECK(json.find("\"slide_id\": \"a\xEF\xBF\xBD"
                    "b\\u0001\"") != std::string::npos);
    CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
}

TEST_CASE("service: status file is replaced atomically") {
    TempDir t("status");
    StatusFile file(t.path("status.json"));
    CHECK(file.enabled());
    StatusReport r = sample_report();
    REQUIRE(file.write(r));
    CHECK(read_text(t.path("status.json")) == to_json(r));
    r.slide_index = 3;
    REQUIRE(file.write(r));
    CHECK(read_text(t.path("status.json")) == to_json(r));
    CHECK_FALSE(fs::exists(t.path("status.json.tmp")));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(t.dir()))
        ++entries;
    CHECK(entries == 1);

    StatusFile disabled("");
    CHECK_FALSE(disabled.enabled());
    CHECK(disabled.write(r));
}

TEST_CASE("service: status file in a missing folder fails, logs once, recovers") {
    TempDir t("status");
    const std::string path = t.path("missing/status.json");
    StatusFile file(path);
    StderrCapture capture;
    bool first = true, second = true;
    CHECK_NOTHROW(first = file.write(sample_report()));
    CHECK_NOTHROW(second = file.write(sample_report()));
    std::string log = capture.text();
    CHECK_FALSE(first);
    CHECK_FALSE(second);
    CHECK(log == "affiche: error: " + path + ": No such file or directory\n");

    fs::create_directory(t.path("missing"));
    CHECK(file.write(sample_report()));
    CHECK(file.write(sample_report()));
    log = capture.text();
    CHECK(count_of(log, "affiche: info: status file writable again\n") == 1);
    CHECK(count_of(log, "affiche: error:") == 1);

    // A failure after the recovery is news again: logged once more.
    fs::remove_all(t.path("missing"));
    CHECK_FALSE(file.write(sample_report()));
    CHECK_FALSE(file.write(sample_report()));
    log = capture.text();
    capture.restore();
    CHECK(count_of(log, "affiche: error:") == 2);
}
