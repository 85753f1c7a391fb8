// A screen report's body (issue 19's wire format) and what it is made of: the player's status
// file, its thumbnail, the machine's uptime.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// The largest thumbnail sent (bytes): the player writes at most 60 KB; a larger file (not the
// player's) is sent as null, so a body stays well under the studio's 256 KiB.
inline constexpr std::uint64_t max_thumbnail_bytes = 128 * 1024;

struct Thumbnail {
    std::string type;  // "image/jpeg" or "image/png"
    std::string bytes; // the file's bytes
};

// What the player's status file (affiche --status) says, as far as a report needs it.
struct PlayerView {
    bool known = false;                      // the file was there and was JSON
    std::string revision;                    // on screen ("" = none)
    std::string pending_revision;            // installed, not yet shown ("" = none)
    std::optional<bool> screen_on;           // nullopt when not known
    std::string screen_reason;               // "" when none
    std::string version;                     // the player's version ("" = unknown)
    std::optional<std::string> announcement; // the text it reports as showing
};

struct ScreenReport {
    std::string name;
    std::string public_key; // 32 raw bytes, sent as base64
    std::int64_t time_unix = 0;
    std::int64_t counter = 0;
    std::string revision_on_screen; // "" = null
    std::string revision_pending;   // "" = null
    std::optional<bool> screen_on;
    std::string screen_reason;
    std::string sync_result; // the pass's outcome word, as "result" in the sync's status.json
    std::string sync_error;
    std::string player_version;
    std::string sync_version;
    std::int64_t uptime_s = 0;
    std::optional<std::string> announcement;
    std::optional<Thumbnail> thumbnail;
};

// The body: one JSON object with the keys of the specification, in its order.
std::string screen_report_json(const ScreenReport& report);

// The player's status text read as a PlayerView; known is false for text that is not a JSON
// object. announcement is the "announcement" object's text when it says "showing": true.
PlayerView parse_player_view(std::string_view status_json);

// The player's status file (read like the sync's own files: no link followed, bounded); a
// missing or unreadable file gives a PlayerView that is not known.
PlayerView read_player_view(const std::string& path);

// "image/png" or "image/jpeg" from the first bytes; "" for anything else.
std::string image_type_of(std::string_view bytes);

// The thumbnail file, when it is there, a PNG or JPEG, and at most max_thumbnail_bytes; else
// nullopt (the report then says null: a missing thumbnail is not an error).
std::optional<Thumbnail> read_thumbnail(const std::string& path);

// Seconds since the machine booted (CLOCK_BOOTTIME: /proc/uptime's clock, which the unit's
// ProcSubset=pid hides).
std::int64_t machine_uptime_s();

} // namespace affiche
