// The screens that report to the studio, in one SQLite file of STATE_DIR: each screen's key and
// state (pending, approved), its last good report and thumbnail, refusals counted per kind, and
// the proof of play (which revision was on which screen when) kept 30 days with a bounded size.
// Thread-safe through its own mutex (never the studio's publish mutex).
#pragma once

#include "base/result.hpp"
#include "studio/received_report.hpp"
#include "studio/sqlite_db.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

// A report's time may differ from the studio's clock by this much (seconds); more: refused.
inline constexpr std::int64_t report_clock_tolerance_s = 5 * 60;

struct ScreenStoreLimits {
    std::int64_t keep_seconds = 30 * 24 * 3600; // proof of play kept this long
    std::int64_t max_play_rows = 100000;        // and never more rows than this (oldest go)
    std::int64_t max_pending = 64;              // unknown screens waiting (oldest go)
    std::int64_t prune_every_s = 3600;          // pruning runs at most this often
    std::int64_t span_gap_s = 15 * 60;          // a silence this long starts a new span
};

// Why a report was refused, as counted ("refused" in GET /api/screens, metrics' kind label).
inline constexpr const char* refusal_kinds[] = {"malformed", "oversized", "signature",
                                                "other_key", "replayed",  "stale"};

struct ScreenRow {
    std::string name;
    std::string state; // "pending" | "approved"
    std::string fingerprint;
    std::int64_t first_seen = 0;
    std::optional<std::int64_t> last_seen;      // the last report with this key (pending or not)
    std::optional<std::int64_t> last_report;    // the last accepted report's arrival
    nlohmann::json report;                      // its fields (report_fields), null when none
    std::optional<std::int64_t> revision_since; // its revision_on_screen is reported since
    std::optional<std::int64_t> thumbnail_time;
    std::map<std::string, std::int64_t> refused; // kind -> count
};

// One span of unchanged state of a screen: the proof of play.
struct PlaySpan {
    std::int64_t first = 0;
    std::int64_t last = 0;
    std::int64_t reports = 0;
    std::optional<std::string> revision;
    std::optional<bool> screen_on;
    std::optional<std::string> announcement;
};

class ScreenStore {
  public:
    // Opens or creates STATE_DIR/screens.sqlite (the path given). Returns the store, or the
    // Diagnostic of a file that cannot be opened or set up.
    static Result<std::unique_ptr<ScreenStore>> open(const std::string& path,
                                                     ScreenStoreLimits limits = {});

    enum class Verdict { accepted, pending, other_key, replayed, stale };
    // A report whose signature was checked against its own key: stored as pending (unknown name
    // or key not approved yet), refused (counted) or accepted.
    Verdict receive(const ReceivedReport& report, std::int64_t now);
    // Counts a refusal for this screen when it is known, else for no screen ("").
    void refuse(const std::string& name, const std::string& kind, std::int64_t now);

    enum class Approval { approved, unknown, other_fingerprint };
    // Approves the pending key of name; when fingerprint is not empty it must be the pending one.
    Approval approve(const std::string& name, const std::string& fingerprint);
    // Forgets a screen (a replaced device makes a new key: forget, then approve the new one).
    bool forget(const std::string& name);

    std::vector<ScreenRow> screens();
    std::map<std::string, std::int64_t> unattributed_refusals();
    // The last thumbnail of an approved screen: {type, bytes}.
    std::optional<std::pair<std::string, std::string>> thumbnail(const std::string& name);
    // The proof of play of a screen, newest first.
    std::vector<PlaySpan> plays(const std::string& name);

    // Removes what is older than keep_seconds and rows over max_play_rows; run by receive at
    // most every prune_every_s.
    void prune(std::int64_t now);
    std::int64_t play_rows();

  private:
    ScreenStore(SqliteDb db, ScreenStoreLimits limits) : db_(std::move(db)), limits_(limits) {}
    void record_play(const ReceivedReport& r, std::int64_t now);
    void prune_locked(std::int64_t now);

    std::mutex mutex_;
    SqliteDb db_;
    ScreenStoreLimits limits_;
    std::int64_t last_prune_ = 0;
};

} // namespace affiche
