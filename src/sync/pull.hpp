// One pull pass of affiche-sync: manifest, signature, replay and expiry checks, download, checks,
// install and atomic swap; the state, status and metrics written whatever happens.
#pragma once

#include "base/result.hpp"
#include "sync/sync_config.hpp"
#include "sync/sync_report.hpp"

#include <cstdint>
#include <string>

namespace affiche {

struct PullOutcome {
    enum class Kind {
        unchanged, // 304, or the same sequence again: nothing to do
        installed, // a new revision is on screen
        stale,     // the manifest has expired: the current deck plays on
        failed,    // refused or failed: the current deck plays on (exit 1 says exactly that)
        // The screen changed but the state could not be recorded: a new revision is on screen
        // and the swap could not be undone, or a `current` deleted by hand was put back. The
        // message says which (the next pass records it; no replay protection is lost, the state
        // keeps the older sequence).
        installed_unrecorded,
    };
    Kind kind = Kind::failed;
    std::string message;              // one line for the journal
    std::string previous_revision;    // on screen when the pass began ("" when none)
    std::uint64_t bytes_received = 0; // headers and bodies of every transfer of the pass
    int archive_downloads = 0;
    SyncReport report; // what status.json and the metrics now say
};

// The outcome's word in status.json ("result") and in screen reports ("sync_result"):
// "unchanged", "installed", "stale", "failed" or "installed_unrecorded".
const char* outcome_word(PullOutcome::Kind kind);

// The manifest URL of a pull URL: a URL ending in ".toml" is the manifest itself, any other is
// the published folder ("https://h/site" and "https://h/site/" give ".../site/manifest.toml").
std::string manifest_url_of(const std::string& url);

// Runs one pass at Unix time now_unix (seconds). Returns its outcome, always: network, disk or
// content problems are Kind::failed (or stale) with the formatted Diagnostic as message, also in
// the state, status and metrics. Never throws for them. When config.report_url is set, the pass
// ends with one screen report (report_sender.hpp), whose failure changes nothing but status.json's
// "report".
PullOutcome pull_once(const SyncConfig& config, std::int64_t now_unix);

// Swaps current back to the revision installed before the one on screen. Returns that revision,
// or the Diagnostic that prevented it (another pass running, nothing to go back to, I/O).
Result<std::string> rollback_once(const SyncConfig& config);

} // namespace affiche
