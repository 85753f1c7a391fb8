// The announcement form of the studio: its JSON fields to announcement.toml's text, and back.
#pragma once

#include "studio/slide_json.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace affiche {

// The file the studio writes, relative to the content folder (the player's announcement file).
inline constexpr const char* announcement_file = "slides/announcement.toml";

// The fields of PUT /api/announcement: text and until required, from and style optional;
// date-times as TOML local date-times ("2026-12-08T12:00:00").
struct AnnouncementForm {
    std::string text;
    std::string until;
    std::string from;  // "" when absent
    std::string style; // "" when absent (the player's default, a band)
};

struct AnnouncementFormRead {
    AnnouncementForm form;
    std::vector<FieldError> errors; // wrong types, unknown keys, unreadable date-times
};

// The form from a JSON body. Date-times are taken as "YYYY-MM-DDTHH:MM" (a browser's
// datetime-local) or with ":SS", 'T' or a space between date and time.
AnnouncementFormRead announcement_form(const nlohmann::json& body);

// announcement.toml for the form: a comment line, the table, one key per line in the order
// text, until, from, style (absent ones left out).
std::string announcement_toml(const AnnouncementForm& form);

// The key written on a line (1-based) of announcement_toml(form); "" for none.
std::string announcement_key_at_line(const AnnouncementForm& form, int line);

} // namespace affiche
