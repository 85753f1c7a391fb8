// Reads the announcement form's JSON and writes announcement.toml, one key per line.
#include "studio/announcement_form.hpp"

#include "studio/toml_text.hpp"

#include <algorithm>
#include <cctype>

namespace affiche {

namespace {

// "YYYY-MM-DDTHH:MM[:SS]" (or a space for 'T') as "YYYY-MM-DDTHH:MM:SS"; nullopt when the shape
// is wrong. The calendar (month 13, 31 April) is the loader's to refuse, with its message.
std::optional<std::string> local_date_time(const std::string& s) {
    auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t i = at; i < at + n; ++i)
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    if (s.size() != 16 && s.size() != 19) return std::nullopt;
    if (!digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2) ||
        (s[10] != 'T' && s[10] != ' ') || !digits(11, 2) || s[13] != ':' || !digits(14, 2))
        return std::nullopt;
    if (s.size() == 19 && (s[16] != ':' || !digits(17, 2))) return std::nullopt;
    std::string out = s.substr(0, 10) + "T" + s.substr(11, 5);
    out += s.size() == 19 ? s.substr(16) : ":00";
    return out;
}

} // namespace

AnnouncementFormRead announcement_form(const nlohmann::json& body) {
    AnnouncementFormRead out;
    if (!body.is_object()) {
        out.errors.push_back({"", "Envoyez un objet JSON : {\"text\": ..., \"until\": ...}."});
        return out;
    }
    for (const auto& [key, value] : body.items()) {
        if (key != "text" && key != "until" && key != "from" && key != "style") {
            out.errors.push_back({key, "Champ inconnu : « " + key + " »."});
            continue;
        }
        if (value.is_null()) continue;
        if (!value.is_string()) {
            out.errors.push_back({key, "Ce champ attend un texte."});
            continue;
        }
        const std::string s = value.get<std::string>();
        if (key == "text") {
            if (s.find_first_of("\r\n") != std::string::npos)
                out.errors.push_back({key, "Une seule ligne : l’annonce tient en une phrase."});
            else
                out.form.text = s;
        } else if (key == "style") {
            out.form.style = s;
        } else if (!s.empty()) {
            const auto stamp = local_date_time(s);
            if (!stamp)
                out.errors.push_back({key, "Date et heure illisibles : « " + s +
                                               " » (exemple : 2026-12-08T12:00)."});
            else
                (key == "until" ? out.form.until : out.form.from) = *stamp;
        }
    }
    if (out.form.text.empty() && std::none_of(out.errors.begin(), out.errors.end(),
                                              [](const FieldError& e) { return e.key == "text"; }))
        out.errors.push_back({"text", "Écrivez le texte de l’annonce."});
    if (out.form.until.empty() &&
        std::none_of(out.errors.begin(), out.errors.end(),
                     [](const FieldError& e) { return e.key == "until"; }))
        out.errors.push_back({"until", "Indiquez jusqu’à quand l’annonce reste affichée."});
    return out;
}

std::string announcement_toml(const AnnouncementForm& form) {
    std::string out = "# Written by affiche-studio (the Annonce form); the player shows it "
                      "until `until`.\n[announcement]\n";
    out += "text = " + toml_string(form.text) + "\n";
    out += "until = " + form.until + "\n";
    if (!form.from.empty()) out += "from = " + form.from + "\n";
    if (!form.style.empty()) out += "style = " + toml_string(form.style) + "\n";
    return out;
}

std::string announcement_key_at_line(const AnnouncementForm& form, int line) {
    // Line 1 is the comment, 2 the table; then the keys in their fixed order.
    std::vector<std::string> keys = {"", "", "text", "until"};
    if (!form.from.empty()) keys.push_back("from");
    if (!form.style.empty()) keys.push_back("style");
    if (line < 1 || line > static_cast<int>(keys.size())) return "";
    return keys[static_cast<std::size_t>(line - 1)];
}

} // namespace affiche
