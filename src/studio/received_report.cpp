// Parses a screen report's JSON into ReceivedReport: types, sizes, the key, time and thumbnail.
#include "studio/received_report.hpp"

#include "base/utc_time.hpp"
#include "base/utf8.hpp"
#include "sync/minisign_text.hpp"
#include "sync/report_signing.hpp"

#include <regex>

namespace affiche {

namespace {

// Strings other than the thumbnail: longer is not a report affiche-sync writes.
constexpr std::size_t max_text_bytes = 4096;
constexpr std::size_t max_name_bytes = 64;

using nlohmann::json;

struct Fields {
    const json& body;
    std::string error;

    const json* get(const char* key) {
        if (!error.empty()) return nullptr;
        const auto it = body.find(key);
        if (it == body.end()) {
            error = std::string("champ « ") + key + " » absent";
            return nullptr;
        }
        return &*it;
    }
    void fail(const char* key, const char* what) {
        if (error.empty()) error = std::string("champ « ") + key + " » : " + what;
    }
    std::optional<std::string> text(const char* key) {
        const json* v = get(key);
        if (!v) return std::nullopt;
        if (!v->is_string()) return fail(key, "texte attendu"), std::nullopt;
        const auto& s = v->get_ref<const std::string&>();
        if (s.size() > max_text_bytes) return fail(key, "trop long"), std::nullopt;
        return s;
    }
    // A string or null: nullopt for both null and an error (error tells them apart).
    std::optional<std::string> text_or_null(const char* key) {
        const json* v = get(key);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_string()) return fail(key, "texte ou null attendu"), std::nullopt;
        if (v->get_ref<const std::string&>().size() > max_text_bytes)
            return fail(key, "trop long"), std::nullopt;
        return v->get<std::string>();
    }
    std::optional<std::int64_t> whole(const char* key) {
        const json* v = get(key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer() || v->get<std::int64_t>() < 0)
            return fail(key, "entier positif attendu"), std::nullopt;
        return v->get<std::int64_t>();
    }
};

bool starts_as(const std::string& bytes, std::string_view magic) {
    return bytes.size() >= magic.size() && std::string_view(bytes).substr(0, magic.size()) == magic;
}

} // namespace

json report_fields(const ReceivedReport& r) {
    auto or_null = [](const auto& v) { return v ? json(*v) : json(nullptr); };
    return {{"time", format_utc(r.time)},
            {"counter", r.counter},
            {"revision_on_screen", or_null(r.revision_on_screen)},
            {"revision_pending", or_null(r.revision_pending)},
            {"screen_on", or_null(r.screen_on)},
            {"screen_reason", r.screen_reason},
            {"sync_result", r.sync_result},
            {"sync_error", r.sync_error},
            {"player_version", r.player_version},
            {"sync_version", r.sync_version},
            {"uptime_s", r.uptime_s},
            {"announcement", or_null(r.announcement)}};
}

ParsedReport parse_received_report(std::string_view body) {
    ParsedReport out;
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        out.error = "le corps n’est pas un objet JSON";
        return out;
    }
    if (const auto it = j.find("name"); it != j.end() && it->is_string()) out.name = *it;
    Fields f{j, {}};
    ReceivedReport r;
    if (auto name = f.text("name")) {
        r.name = *name;
        if (r.name.empty() || r.name.size() > max_name_bytes || find_invalid_utf8(r.name))
            f.fail("name", "1 à 64 octets d’UTF-8 attendus");
        for (unsigned char c : r.name)
            if (c < 0x20 || c == 0x7f) f.fail("name", "caractère de contrôle");
    }
    if (auto key = f.text("key")) {
        auto raw = decode_base64(*key);
        if (!raw || raw->size() != 32)
            f.fail("key", "base64 de 32 octets attendu");
        else
            r.key = std::move(*raw);
    }
    if (auto time = f.text("time")) {
        auto t = parse_utc(*time, "report", 1, 1);
        if (!t)
            f.fail("time", "date UTC « AAAA-MM-JJTHH:MM:SSZ » attendue");
        else
            r.time = *t;
    }
    if (auto counter = f.whole("counter")) r.counter = *counter;
    r.revision_on_screen = f.text_or_null("revision_on_screen");
    r.revision_pending = f.text_or_null("revision_pending");
    if (const json* on = f.get("screen_on")) {
        if (on->is_boolean())
            r.screen_on = on->get<bool>();
        else if (!on->is_null())
            f.fail("screen_on", "booléen ou null attendu");
    }
    r.screen_reason = f.text("screen_reason").value_or("");
    r.sync_result = f.text("sync_result").value_or("");
    r.sync_error = f.text("sync_error").value_or("");
    r.player_version = f.text("player_version").value_or("");
    r.sync_version = f.text("sync_version").value_or("");
    r.uptime_s = f.whole("uptime_s").value_or(0);
    r.announcement = f.text_or_null("announcement");
    if (const json* thumb = f.get("thumbnail"); thumb && !thumb->is_null()) {
        const auto type = thumb->is_object() ? thumb->value("type", "") : "";
        const auto data =
            thumb->is_object() && thumb->contains("data") && (*thumb)["data"].is_string()
                ? decode_base64((*thumb)["data"].get<std::string>())
                : std::nullopt;
        const bool png = type == "image/png" && data && starts_as(*data, "\x89PNG\r\n\x1a\n");
        const bool jpeg = type == "image/jpeg" && data && starts_as(*data, "\xff\xd8\xff");
        if (!png && !jpeg)
            f.fail("thumbnail",
                   "{\"type\": \"image/png\" ou \"image/jpeg\", \"data\": base64} attendu");
        else {
            r.thumbnail_type = type;
            r.thumbnail = std::move(*data);
        }
    }
    if (!f.error.empty()) {
        out.error = f.error;
        return out;
    }
    out.report = std::move(r);
    return out;
}

std::string guess_report_name(std::string_view prefix) {
    static const std::regex name_field(R"re("name"\s*:\s*"([^"\\\x00-\x1f]{1,64})")re");
    std::match_results<std::string_view::const_iterator> m;
    if (std::regex_search(prefix.begin(), prefix.end(), m, name_field)) return m[1].str();
    return "";
}

} // namespace affiche
