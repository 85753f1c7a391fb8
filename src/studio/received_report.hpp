// A screen's report as the studio receives it (the wire format of sync/screen_report.hpp, see
// docs/studio.md): parsed and checked field by field, nothing trusted yet (report_intake checks
// the signature).
#pragma once

#include "sync/report_signing.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace affiche {

// The most bytes a report's body may have (413 above).
inline constexpr std::size_t max_report_bytes = report_max_body;

struct ReceivedReport {
    std::string name;
    std::string key;       // the 32 raw bytes of the screen's Ed25519 public key
    std::int64_t time = 0; // Unix seconds, from "time"
    std::int64_t counter = 0;
    std::optional<std::string> revision_on_screen;
    std::optional<std::string> revision_pending;
    std::optional<bool> screen_on;
    std::string screen_reason;
    std::string sync_result;
    std::string sync_error;
    std::string player_version;
    std::string sync_version;
    std::int64_t uptime_s = 0;
    std::optional<std::string> announcement;
    std::string thumbnail_type; // "" when none
    std::string thumbnail;      // decoded bytes
};

// The report's fields as stored and shown (everything but the key and the thumbnail).
nlohmann::json report_fields(const ReceivedReport& r);

struct ParsedReport {
    std::optional<ReceivedReport> report; // set when every field is right
    std::string name;  // the "name" field when it is a string, even if another field is wrong
    std::string error; // why not, in French, naming the field
};

ParsedReport parse_received_report(std::string_view body);

// The "name" of a body too big to parse (its first bytes): a guess that only serves to count the
// refusal for that screen; "" when none is found.
std::string guess_report_name(std::string_view prefix);

} // namespace affiche
