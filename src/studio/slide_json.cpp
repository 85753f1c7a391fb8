// Converts slide values between the API's JSON and TOML source text, checking types per key.
#include "studio/slide_json.hpp"

#include "studio/toml_text.hpp"

#include <cctype>
#include <regex>
#include <set>

namespace affiche {

namespace {

enum class KeyType { text, number, flag, text_list, text_or_list, moment };

struct KeyRule {
    std::string_view key;
    KeyType type;
};

// The [[slide]] keys the studio writes (docs/slide-format.md).
constexpr KeyRule slide_key_rules[] = {
    {"id", KeyType::text},
    {"title", KeyType::text},
    {"subtitle", KeyType::text},
    {"body", KeyType::text},
    {"bullets", KeyType::text_list},
    {"image", KeyType::text},
    {"image_position", KeyType::text},
    {"image_alt", KeyType::text},
    {"duration", KeyType::number},
    {"background", KeyType::text},
    {"text_color", KeyType::text},
    {"enabled", KeyType::flag},
    {"lang", KeyType::text},
    {"section", KeyType::text},
    {"from", KeyType::moment},
    {"until", KeyType::moment},
    {"days", KeyType::text_list},
    {"hours", KeyType::text_or_list},
    {"fallback", KeyType::flag},
};

const KeyRule* rule_for(std::string_view key) {
    for (const auto& r : slide_key_rules)
        if (r.key == key) return &r;
    return nullptr;
}

bool is_text_list(const nlohmann::json& v) {
    if (!v.is_array()) return false;
    for (const auto& item : v)
        if (!item.is_string()) return false;
    return true;
}

// A TOML local date or date-time as people type it: 2026-12-14, 2026-12-14T08:00[:00].
bool is_moment(const std::string& s) {
    static const std::regex pattern(R"(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?)");
    return std::regex_match(s, pattern);
}

bool empty_value(const nlohmann::json& v) {
    return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
           (v.is_array() && v.empty());
}

} // namespace

nlohmann::json errors_json(const std::vector<FieldError>& errors) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : errors)
        list.push_back({{"key", e.key.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.key)},
                        {"message", e.message}});
    return {{"errors", list}};
}

nlohmann::json to_json(const TomlValue& v) {
    switch (v.kind) {
    case TomlValue::Kind::integer:
        return v.integer;
    case TomlValue::Kind::floating:
        return v.floating;
    case TomlValue::Kind::boolean:
        return v.boolean;
    case TomlValue::Kind::array: {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& item : v.items)
            a.push_back(to_json(item));
        return a;
    }
    case TomlValue::Kind::table:
        return nlohmann::json::object();
    default:
        return v.text; // strings, and dates as written in TOML
    }
}

nlohmann::json slide_json(const SlideBlock& block) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& kv : block.keys)
        out[kv.key] = to_json(kv.parsed);
    return out;
}

SlideEdits edits_from_json(const nlohmann::json& body, const SlideBlock* current,
                           std::string_view eol) {
    SlideEdits out;
    if (!body.is_object()) {
        out.errors.push_back({"", "La requête doit être un objet JSON."});
        return out;
    }
    for (const auto& [key, value] : body.items()) {
        if (key == "file") continue; // where the slide lives: not a key of the slide
        const KeyRule* rule = rule_for(key);
        if (!rule) {
            out.errors.push_back({key, "Clé inconnue : « " + key + " »."});
            continue;
        }
        const KeyValueSpan* now = current ? current->find(key) : nullptr;
        if (now && to_json(now->parsed) == value) continue; // unchanged: its bytes stay
        if (empty_value(value)) {
            if (now) out.edits.push_back({key, std::nullopt});
            continue;
        }
        std::optional<std::string> toml;
        switch (rule->type) {
        case KeyType::text:
            if (value.is_string())
                toml = toml_string(value.get<std::string>(), eol);
            else
                out.errors.push_back({key, "Ce champ doit être un texte."});
            break;
        case KeyType::number:
            if (value.is_number())
                toml = toml_number(value.get<double>());
            else
                out.errors.push_back({key, "Ce champ doit être un nombre de secondes."});
            break;
        case KeyType::flag:
            if (value.is_boolean())
                toml = value.get<bool>() ? "true" : "false";
            else
                out.errors.push_back({key, "Ce champ doit être oui ou non."});
            break;
        case KeyType::text_list:
        case KeyType::text_or_list:
            if (is_text_list(value))
                toml = toml_string_array(value.get<std::vector<std::string>>());
            else if (rule->type == KeyType::text_or_list && value.is_string())
                toml = toml_string(value.get<std::string>(), eol);
            else
                out.errors.push_back({key, "Ce champ doit être une liste de textes."});
            break;
        case KeyType::moment:
            if (value.is_string() && is_moment(value.get<std::string>())) {
                std::string moment = value.get<std::string>();
                if (moment.size() > 10) moment[10] = 'T'; // TOML's separator; people type a space
                if (moment.size() == 16) moment += ":00"; // TOML 1.0 needs the seconds
                toml = std::move(moment);
            } else {
                out.errors.push_back(
                    {key, "Date attendue sous la forme 2026-12-20 ou 2026-12-20T08:00."});
            }
            break;
        }
        if (!toml) continue;
        // A value that is not valid TOML alone (a date like 2026-13-45) is this key's error.
        if (auto alone = toml_file_spans(key + " = " + *toml + "\n", key); !alone) {
            out.errors.push_back({key, diagnostic_text(alone.error())});
            continue;
        }
        out.edits.push_back({key, std::move(toml)});
    }
    return out;
}

std::vector<FieldError> studio_rules(const SlideBlock& block) {
    std::vector<FieldError> out;
    auto text_of = [&](std::string_view key) {
        const KeyValueSpan* kv = block.find(key);
        return kv && kv->parsed.kind == TomlValue::Kind::string ? kv->parsed.text : std::string();
    };
    if (!text_of("image").empty() && text_of("image_alt").empty())
        out.push_back({"image_alt", "Décrivez l’image en quelques mots : c’est obligatoire avec "
                                    "une image (pour qui ne la voit pas)."});
    return out;
}

std::string key_at_line(std::string_view text, const SlideBlock& block, int line) {
    for (const auto& kv : block.keys) {
        const int first = line_of_offset(text, kv.line.begin);
        const int last = line_of_offset(text, kv.value.end);
        if (line >= first && line <= last) return kv.key;
    }
    return "";
}

std::string diagnostic_text(const Diagnostic& d) {
    std::string text = d.message;
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    if (!d.hint.empty()) text += " (" + d.hint + ")";
    return text;
}

} // namespace affiche
