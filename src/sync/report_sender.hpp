// Sending the screen report after a pass: device key, counter, one signed POST, the outcome kept.
#pragma once

#include "base/atomic_file.hpp"
#include "base/result.hpp"
#include "sync/sync_config.hpp"
#include "sync/sync_report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// The file in the state folder that keeps the last counter sent and the last report error.
inline constexpr const char* report_state_file_name = "report.state";
// The whole POST, answer included, never takes longer (seconds): a pass is never held up by a
// studio that does not answer.
inline constexpr long report_timeout_s = 10;
inline constexpr long report_connect_timeout_s = 5;

// nullopt when url may receive reports; else why not (one line): https://, or http:// only to a
// loopback address (127.0.0.0/8, ::1, localhost).
std::optional<std::string> report_url_problem(const std::string& url);

// nullopt when name may name a screen; else why not: 1 to 64 letters, digits, '.', '_' or '-'
// (a host name fits; the studio puts it in URLs).
std::optional<std::string> screen_name_problem(const std::string& name);

// The screen's name: the configured one, else the host name.
std::string screen_name(const SyncConfig& config);

// What the sync remembers between reports.
struct ReportMemory {
    std::int64_t counter = 0; // the last counter sent (0: none)
    std::string last_error;   // the last report's error, logged once ("" after a good one)
};

// Reads state_dir/report.state (missing: a first report). A file that is not ours is an error.
Result<ReportMemory> read_report_memory(const std::string& state_dir);

// Writes it atomically; durably (power_cut) before a report is sent, so a counter is never
// used twice.
Result<Done> write_report_memory(const std::string& state_dir, const ReportMemory& memory,
                                 Durability durability);

// The next counter: above the last one, and at least the Unix time, so a lost state file (a new
// SD card with the old key) does not leave the studio refusing every report as a replay.
std::int64_t next_report_counter(std::int64_t last, std::int64_t now_unix);

struct PostReply {
    long status = 0;  // the HTTP status
    std::string body; // at most 64 KiB
};

// One POST of body (application/json) with the X-Affiche-Signature header, no redirect followed,
// report_timeout_s in all. Returns the answer whatever its status, or the Diagnostic at url that
// says why there was none (refused, timed out, TLS, a URL report_url_problem refuses). ca_file:
// the only authorities trusted for https ("" = the system's), as FetchRequest::ca_file.
Result<PostReply> post_report(const std::string& url, std::string_view body,
                              std::string_view signature, const std::string& ca_file = "");

// After a pass whose report is `pass`: builds, signs and sends the report when config.report_url
// is set (nullopt otherwise). Never throws; every failure (no key, bad key file, counter not
// recorded, no answer, a refusal) is the returned status's error, and is written to stderr once
// per distinct error (the error is remembered in report.state).
std::optional<ReportStatus> send_screen_report(const SyncConfig& config, const SyncReport& pass,
                                               std::int64_t now_unix);

} // namespace affiche
