// A slide's keys as JSON and back: TOML values to JSON, JSON edits to checked TOML text.
#pragma once

#include "base/error.hpp"
#include "studio/slide_edit.hpp"
#include "toml/toml_spans.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace affiche {

// One entry of the API's {"errors": [...]}: the key it concerns ("" for none) and a French text.
struct FieldError {
    std::string key;
    std::string message;
};
nlohmann::json errors_json(const std::vector<FieldError>& errors);

nlohmann::json to_json(const TomlValue& v);

// The slide's keys as written in its file, plus "id" when absent (the loader's default).
nlohmann::json slide_json(const SlideBlock& block);

// The edits that make the slide's keys equal to body's: keys whose value is equal are left out
// (their bytes stay), null or "" or [] removes a key, keys absent from body stay. Unknown keys
// and values of the wrong type are errors (nothing then is to be written).
struct SlideEdits {
    std::vector<KeyEdit> edits;
    std::vector<FieldError> errors;
};
SlideEdits edits_from_json(const nlohmann::json& body, const SlideBlock* current,
                           std::string_view eol);

// The studio's own rules beyond the loader's: a picture needs its description (image_alt).
std::vector<FieldError> studio_rules(const SlideBlock& block);

// The key of the slide whose lines hold line (1-based), "" when none does.
std::string key_at_line(std::string_view text, const SlideBlock& block, int line);

// A diagnostic as the API shows it: the message and its hint, in the studio's language.
std::string diagnostic_text(const Diagnostic& d);

} // namespace affiche
