// Building a screen report's body from the player's files and the pass.
#include "sync/screen_report.hpp"

#include "base/json_reader.hpp"
#include "base/json_writer.hpp"
#include "sync/minisign_text.hpp"
#include "sync/own_file.hpp"

#include <ctime>

namespace affiche {

namespace {

// Larger than any status the player writes (bytes).
constexpr std::uint64_t max_player_status_bytes = 256 * 1024;

} // namespace

std::string screen_report_json(const ScreenReport& r) {
    JsonWriter j;
    j.begin_object();
    j.key("name").string(r.name);
    j.key("key").string(encode_base64(r.public_key));
    j.key("time").utc_or_null(r.time_unix);
    j.key("counter").number(r.counter);
    j.key("revision_on_screen").string_or_null(r.revision_on_screen);
    j.key("revision_pending").string_or_null(r.revision_pending);
    j.key("screen_on");
    if (r.screen_on)
        j.boolean(*r.screen_on);
    else
        j.null();
    j.key("screen_reason").string(r.screen_reason);
    j.key("sync_result").string(r.sync_result);
    j.key("sync_error").string(r.sync_error);
    j.key("player_version").string(r.player_version);
    j.key("sync_version").string(r.sync_version);
    j.key("uptime_s").number(r.uptime_s);
    j.key("announcement");
    if (r.announcement)
        j.string(*r.announcement);
    else
        j.null();
    j.key("thumbnail");
    if (r.thumbnail) {
        j.begin_object();
        j.key("type").string(r.thumbnail->type);
        j.key("data").string(encode_base64(r.thumbnail->bytes));
        j.end_object();
    } else {
        j.null();
    }
    j.end_object();
    return j.finish();
}

PlayerView parse_player_view(std::string_view status_json) {
    PlayerView v;
    const auto doc = parse_json(status_json);
    if (!doc || doc->type != JsonValue::Type::object) return v;
    v.known = true;
    v.revision = doc->string_at("revision").value_or("");
    v.pending_revision = doc->string_at("pending_revision").value_or("");
    v.version = doc->string_at("version").value_or("");
    if (const JsonValue* screen = doc->get("screen")) {
        v.screen_on = screen->boolean_at("on");
        v.screen_reason = screen->string_at("reason").value_or("");
    }
    if (const JsonValue* a = doc->get("announcement")) {
        if (a->boolean_at("showing").value_or(false)) v.announcement = a->string_at("text");
    }
    return v;
}

PlayerView read_player_view(const std::string& path) {
    if (path.empty()) return {};
    auto text = read_own_file(path, max_player_status_bytes, "cannot read the player's status");
    if (!text || !*text) return {};
    return parse_player_view(**text);
}

std::string image_type_of(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (bytes.starts_with("\xff\xd8\xff")) return "image/jpeg";
    return "";
}

std::optional<Thumbnail> read_thumbnail(const std::string& path) {
    if (path.empty()) return std::nullopt;
    auto bytes = read_own_file(path, max_thumbnail_bytes, "cannot read the thumbnail");
    if (!bytes || !*bytes) return std::nullopt;
    const std::string type = image_type_of(**bytes);
    if (type.empty()) return std::nullopt;
    return Thumbnail{type, std::move(**bytes)};
}

std::int64_t machine_uptime_s() {
    timespec t{};
    if (::clock_gettime(CLOCK_BOOTTIME, &t) != 0) return 0;
    return static_cast<std::int64_t>(t.tv_sec);
}

} // namespace affiche
