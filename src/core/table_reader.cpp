// Typed, checked reads of one TOML table's values: each problem reported at its position.
#include "core/table_reader.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <charconv>

namespace affiche {

namespace {

std::string single_quoted(std::string_view s) {
    return quoted_name(s);
}

std::string range_text(const NumberRange& r) {
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + string.
    std::string text = r.min_exclusive ? "more than " : "from ";
    text += format_number(r.min);
    text += r.min_exclusive ? " and at most " : " to ";
    text += format_number(r.max);
    if (!r.unit.empty()) {
        text += ' ';
        text += r.unit;
    }
    return text;
}

} // namespace

SourceLoc to_loc(const std::string& path, const toml::source_position& pos) {
    return SourceLoc{path, static_cast<int>(pos.line), static_cast<int>(pos.column)};
}

std::string_view describe_type(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    default:
        return "nothing";
    }
}

std::string format_number(double v) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

void TableReader::check_keys(KeyList allowed, std::string_view where,
                             std::span<const OtherTable> elsewhere) const {
    for (auto&& [key, value] : table_) {
        const std::string_view name = key.str();
        if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
        std::string hint;
        for (const auto& other : elsewhere) {
            if (std::find(other.keys.begin(), other.keys.end(), name) != other.keys.end()) {
                hint = single_quoted(name) + " belongs under " + std::string(other.name);
                break;
            }
        }
        if (hint.empty()) hint = suggestion(name, allowed, "allowed keys");
        error(to_loc(path_, key.source().begin),
              "unknown key " + single_quoted(name) + " " + std::string(where), hint);
    }
}

std::optional<std::string> TableReader::string(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* s = node->as_string()) return s->get();
    wrong_type(*node, key, "a string (text in quotes)");
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    wrong_type(*node, key, "true or false", node->is_string() ? "write it without quotes" : "");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, const NumberRange& range) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    std::optional<double> value;
    if (const auto* i = node->as_integer()) value = static_cast<double>(i->get());
    if (const auto* f = node->as_floating_point()) value = f->get();
    if (!value) {
        std::string expected = "a number";
        if (!range.unit.empty()) {
            expected += " (";
            expected += range.unit;
            expected += ')';
        }
        wrong_type(*node, key, expected, node->is_string() ? "write it without quotes" : "");
        return std::nullopt;
    }
    const bool above_min = range.min_exclusive ? *value > range.min : *value >= range.min;
    if (!(above_min && *value <= range.max)) { // also refuses nan
        error(to_loc(path_, node->source().begin), single_quoted(key) + " must be " +
                                                       range_text(range) + ", got " +
                                                       format_number(*value));
        return std::nullopt;
    }
    return value;
}

std::optional<Color> TableReader::color(std::string_view key) const {
    const auto text = string(key);
    if (!text) return std::nullopt;
    const auto c = parse_color(*text);
    if (!c) {
        error(value_loc(key), single_quoted(key) + " is not a colour: \"" + printable(*text) + "\"",
              "use #rrggbb, e.g. #102A43");
    }
    return c;
}

std::optional<std::size_t> TableReader::choice(std::string_view key, KeyList names) const {
    const auto text = string(key);
    if (!text) return std::nullopt;
    const auto it = std::find(names.begin(), names.end(), *text);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    const std::string_view best = closest_match(*text, names);
    error(value_loc(key),
          single_quoted(key) + " must be one of " + joined(names, "\"") + ", got \"" +
              printable(*text) + "\"",
          best.empty() ? "" : "did you mean \"" + std::string(best) + "\"?");
    return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::string_array(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(*node, key, "an array of strings",
                   node->is_string() ? "write it in brackets: " + std::string(key) + " = [\"...\"]"
                                     : "");
        return std::nullopt;
    }
    std::vector<std::string> items;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& element = *array->get(i);
        if (const auto* s = element.as_string()) {
            items.push_back(s->get());
            continue;
        }
        error(to_loc(path_, element.source().begin),
              single_quoted(key) + " must be an array of strings: item " + std::to_string(i + 1) +
                  " is " + std::string(describe_type(element)),
              "put the text in quotes");
    }
    return items;
}

const toml::table* TableReader::table(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return nullptr;
    if (const auto* t = node->as_table()) return t;
    wrong_type(*node, key, "a table", "write [" + std::string(key) + "] on its own line");
    return nullptr;
}

SourceLoc TableReader::value_loc(std::string_view key) const {
    const toml::node* node = get(key);
    return to_loc(path_, node ? node->source().begin : table_.source().begin);
}

void TableReader::error(SourceLoc loc, std::string message, std::string hint) const {
    out_.push_back(
        Diagnostic{Severity::error, std::move(loc), std::move(message), std::move(hint)});
}

void TableReader::warning(SourceLoc loc, std::string message, std::string hint) const {
    out_.push_back(
        Diagnostic{Severity::warning, std::move(loc), std::move(message), std::move(hint)});
}

void TableReader::note(SourceLoc loc, std::string message, std::string hint) const {
    out_.push_back(Diagnostic{Severity::note, std::move(loc), std::move(message), std::move(hint)});
}

void TableReader::wrong_type(const toml::node& node, std::string_view key,
                             std::string_view expected, std::string hint) const {
    error(to_loc(path_, node.source().begin),
          single_quoted(key) + " must be " + std::string(expected) + ", got " +
              std::string(describe_type(node)),
          std::move(hint));
}

} // namespace affiche
