// The status file: what the player shows right now, as JSON, replaced atomically for a monitor.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace affiche {

// Times are Unix seconds (UTC); 0 means "not known yet" and is written as null.
struct StatusReport {
    std::string version, content_dir, revision, slide_id; // revision: the deck on screen
    std::string pending_revision;         // validated, waiting for its moment to show; "" = none
    int slide_index = 0, slide_count = 0; // index in play order, 0-based
    std::int64_t slide_since_unix = 0;    // when the current slide appeared
    std::int64_t started_unix = 0;        // process start
    std::int64_t now_unix = 0;            // when this report was made
    std::string renderer;                 // SDL renderer name, e.g. "opengles2"
    std::string renderer_reason;          // why that one, e.g. "OpenGL is V3D 7.1, a GPU"
    int width = 0, height = 0;            // screen size, px
    struct Reload {
        std::int64_t at_unix = 0; // 0 = no reload since start
        bool ok = true;
        std::vector<std::string> errors; // formatted diagnostics of a failed reload
    } last_reload;
    std::vector<std::string> problems; // font fallbacks, images skipped
    struct Screen {
        bool on = true;
        std::string reason;                // the opening hours' word: "open until 18:30", ...
        std::int64_t next_change_unix = 0; // 0 = never
        std::string off_by;                // "hdmi-cec standby + dpms off", "black frame"; "" on
    } screen;
    // The deck's announcement (slides/announcement.toml); written as null when there is none.
    struct Announcement {
        bool present = false;
        std::string text;
        std::string from, until; // local "2026-12-08T09:00:00"; from "" = none (null)
        std::string style;       // "band" or "slide"
        bool showing = false;    // between from and until, with the screen on
    } announcement;
};

// Pretty JSON (2-space indent, trailing newline), always valid: quotes, backslashes and control
// characters escaped (controls as \u00XX), valid UTF-8 passed through, invalid bytes as U+FFFD.
// Times as ISO 8601 UTC ("2026-11-28T12:00:00Z"), plus "uptime_s" = now - started.
std::string to_json(const StatusReport& report);

// Writes the report to path atomically (base/atomic_file: path.tmp in the same folder, then rename
// over path), so a reader never sees half a file. No fsync: the file lives in /run (tmpfs), and on
// an SD card an fsync per update would cost more than a lost status after a power cut.
class StatusFile {
  public:
    explicit StatusFile(std::string path); // "" = disabled: write() does nothing
    bool enabled() const { return !path_.empty(); }
    const std::string& path() const { return path_; }

    // Returns whether the file was written (a disabled one: true); never throws. Its errors are
    // not handed back but logged here, once each (a status file is written every few seconds
    // and its callers could do nothing but log): "affiche: error: <path>: <strerror>" for each
    // distinct failure (disk full, read-only, missing folder), then "affiche: info: status file
    // writable again" at the first success after one.
    bool write(const StatusReport& report);
    // Contents written directly; write(report) is write_text(to_json(report)).
    bool write_text(const std::string& text);

  private:
    std::string path_;
    std::set<std::string> logged_; // errors already logged since the last success (few: errnos)
};

} // namespace affiche
