// Typed, checked reads of one TOML table's values: each problem reported at its position.
#include "toml/table_reader.hpp"

#include "base/i18n.hpp"
#include "base/utf8.hpp"

#include <algorithm>
#include <charconv>

namespace affiche {

namespace {

std::string single_quoted(std::string_view s) {
    return quoted_name(s);
}

// The units of deck_schema.hpp in the user's language (xgettext finds the literals here).
std::string unit_text(std::string_view unit) {
    if (unit == "seconds") return tr("seconds");
    if (unit == "(fraction of the screen)") return tr("(fraction of the screen)");
    if (unit == "(fraction of the screen height)") return tr("(fraction of the screen height)");
    return std::string(unit);
}

std::string range_text(const NumberRange& r) {
    std::string text =
        format_text(r.min_exclusive ? tr("more than {1} and at most {2}") : tr("from {1} to {2}"),
                    {format_number(r.min), format_number(r.max)});
    if (!r.unit.empty()) {
        text += ' ';
        text += unit_text(r.unit);
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
        return tr("a string");
    case toml::node_type::integer:
        return tr("an integer");
    case toml::node_type::floating_point:
        return tr("a number");
    case toml::node_type::boolean:
        return tr("a boolean");
    case toml::node_type::date:
        return tr("a date");
    case toml::node_type::time:
        return tr("a time");
    case toml::node_type::date_time:
        return tr("a date-time");
    case toml::node_type::array:
        return tr("an array");
    case toml::node_type::table:
        return tr("a table");
    default:
        return tr("nothing");
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
                hint = trf("{1} belongs under {2}", {single_quoted(name), other.name});
                break;
            }
        }
        if (hint.empty()) hint = suggestion(name, allowed, tr("allowed keys"));
        error(to_loc(path_, key.source().begin),
              trf("unknown key {1} {2}", {single_quoted(name), where}), hint);
    }
}

std::optional<std::string> TableReader::string(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* s = node->as_string()) return s->get();
    wrong_type(*node, key, tr("a string (text in quotes)"));
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    if (const auto* b = node->as_boolean()) return b->get();
    wrong_type(*node, key, tr("true or false"),
               node->is_string() ? tr("write it without quotes") : "");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, const NumberRange& range) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    std::optional<double> value;
    if (const auto* i = node->as_integer()) value = static_cast<double>(i->get());
    if (const auto* f = node->as_floating_point()) value = f->get();
    if (!value) {
        std::string expected = tr("a number");
        if (!range.unit.empty()) {
            expected += " (";
            expected += unit_text(range.unit);
            expected += ')';
        }
        wrong_type(*node, key, expected, node->is_string() ? tr("write it without quotes") : "");
        return std::nullopt;
    }
    const bool above_min = range.min_exclusive ? *value > range.min : *value >= range.min;
    if (!(above_min && *value <= range.max)) { // also refuses nan
        error(to_loc(path_, node->source().begin),
              trf("{1} must be {2}, got {3}",
                  {single_quoted(key), range_text(range), format_number(*value)}));
        return std::nullopt;
    }
    return value;
}

std::optional<Color> TableReader::color(std::string_view key) const {
    const auto text = string(key);
    if (!text) return std::nullopt;
    const auto c = parse_color(*text);
    if (!c) {
        error(value_loc(key),
              trf("{1} is not a colour: \"{2}\"", {single_quoted(key), printable(*text)}),
              tr("use #rrggbb, e.g. #102A43"));
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
          trf("{1} must be one of {2}, got \"{3}\"",
              {single_quoted(key), joined(names, "\""), printable(*text)}),
          best.empty() ? "" : trf("did you mean \"{1}\"?", {best}));
    return std::nullopt;
}

std::optional<std::vector<std::string>> TableReader::string_array(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return std::nullopt;
    const auto* array = node->as_array();
    if (!array) {
        wrong_type(*node, key, tr("an array of strings"),
                   node->is_string() ? trf("write it in brackets: {1} = [\"...\"]", {key}) : "");
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
              trf("{1} must be an array of strings: item {2} is {3}",
                  {single_quoted(key), std::to_string(i + 1), describe_type(element)}),
              tr("put the text in quotes"));
    }
    return items;
}

const toml::table* TableReader::table(std::string_view key) const {
    const toml::node* node = get(key);
    if (!node) return nullptr;
    if (const auto* t = node->as_table()) return t;
    wrong_type(*node, key, tr("a table"), trf("write [{1}] on its own line", {key}));
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
          trf("{1} must be {2}, got {3}", {single_quoted(key), expected, describe_type(node)}),
          std::move(hint));
}

} // namespace affiche
