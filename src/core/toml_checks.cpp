// Checked reads of TOML files and values, and of the files they name, for the deck loader.
#include "core/toml_checks.hpp"

#include "core/deck_loader.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

namespace affiche {

namespace fs = std::filesystem;

namespace {

// Length of the UTF-8 sequence starting at bytes[i], or 0 when it is invalid (bad lead byte,
// truncated, overlong, surrogate or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = at(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;  // overlong
        if (lead == 0xED) high = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;  // overlong
        if (lead == 0xF4) high = 0x8F; // beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size()) return 0;
    if (at(i + 1) < low || at(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    }
    return length;
}

std::string single_quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::string joined(KeyList items, std::string_view quote) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += std::string(quote) + std::string(item) + std::string(quote);
    }
    return out;
}

std::string range_text(const NumberRange& r) {
    std::string text =
        r.min_exclusive
            ? "more than " + format_number(r.min) + " and at most " + format_number(r.max)
            : "from " + format_number(r.min) + " to " + format_number(r.max);
    if (!r.unit.empty()) text += " " + std::string(r.unit);
    return text;
}

} // namespace

std::optional<BadByte> find_invalid_utf8(std::string_view bytes) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = utf8_sequence_length(bytes, i);
        if (length == 0) return BadByte{line, column, static_cast<unsigned char>(bytes[i])};
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return std::nullopt;
}

int edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the optimal string alignment table: i-2, i-1 and i.
    const std::size_t n = b.size();
    std::vector<int> before(n + 1), previous(n + 1), current(n + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= n; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        before.swap(previous);
        previous.swap(current);
    }
    return previous[n];
}

std::string_view closest_match(std::string_view word, KeyList candidates) {
    // Two edits at most, and fewer than the word's length so "x" does not suggest "id".
    const int limit = std::min(2, static_cast<int>(word.size()) - 1);
    std::string_view best;
    int best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const int d = edit_distance(word, candidate);
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string suggestion(std::string_view word, KeyList candidates, std::string_view allowed_label) {
    const std::string_view best = closest_match(word, candidates);
    if (!best.empty()) return "did you mean " + single_quoted(best) + "?";
    return std::string(allowed_label) + ": " + joined(candidates, "");
}

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
        if (!range.unit.empty()) expected += " (" + std::string(range.unit) + ")";
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
        error(value_loc(key), single_quoted(key) + " is not a colour: \"" + *text + "\"",
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
          single_quoted(key) + " must be one of " + joined(names, "\"") + ", got \"" + *text + "\"",
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

namespace {

// Whole file, or nullopt when it cannot be opened.
std::optional<std::string> read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return std::move(bytes).str();
}

} // namespace

std::optional<toml::table> parse_toml_file(const std::string& path, Diagnostics& out,
                                           bool& missing) {
    std::error_code ec;
    missing = !fs::exists(path, ec);
    if (missing) return std::nullopt;
    const auto bytes = read_all(path);
    if (!bytes) {
        out.push_back({Severity::error, {path, 0, 0}, "cannot read the file", "check its rights"});
        return std::nullopt;
    }
    if (const auto bad = find_invalid_utf8(*bytes)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bad->byte);
        out.push_back({Severity::error,
                       {path, bad->line, bad->column},
                       "invalid UTF-8 (byte " + std::string(byte) + "); the file is skipped",
                       "save the file as UTF-8"});
        return std::nullopt;
    }
    auto parsed = toml::parse(std::string_view(*bytes), std::string_view(path));
    if (!parsed) {
        out.push_back({Severity::error, to_loc(path, parsed.error().source().begin),
                       std::string(parsed.error().description()), ""});
        return std::nullopt;
    }
    return std::move(parsed).table();
}

std::vector<std::string> list_files(const std::string& folder) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::error_code type_ec;
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(type_ec) && !is_ignored_file_name(name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

namespace {

bool has_parent_reference(const std::string& name) {
    const fs::path p(name);
    return p.is_absolute() ||
           std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
}

// True when path, with symbolic links resolved, lies inside folder.
bool resolves_inside(const std::string& path, const std::string& folder) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder, ec);
    const fs::path target = fs::weakly_canonical(path, ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    return mismatch.first == base.end() && mismatch.second != target.end();
}

} // namespace

bool check_file_inside(const TableReader& r, std::string_view key, const std::string& content_dir,
                       const std::string& name, std::string_view folder, std::string_view kind,
                       std::string_view fallback) {
    // More names than this in a hint is noise: say where to put the file instead.
    constexpr std::size_t max_listed_files = 8;
    const std::string folder_path = content_dir + "/" + std::string(folder);
    const std::string path = folder_path + "/" + name;
    const std::string what = std::string(kind) + " " + single_quoted(name);
    const std::string inside = std::string(folder) + "/";
    if (has_parent_reference(name)) {
        r.error(r.value_loc(key), what + " must be a file inside " + inside,
                "put the file in " + inside + " and give its name only");
        return false;
    }
    std::error_code ec;
    if (fs::exists(path, ec)) {
        if (resolves_inside(path, folder_path)) return true;
        r.error(r.value_loc(key), what + " must be a file inside " + inside,
                "it is a link to a file elsewhere: copy the file into " + inside);
        return false;
    }
    const std::vector<std::string> present = list_files(folder_path);
    std::string hint = "put the file in " + inside;
    std::vector<std::string_view> names(present.begin(), present.end());
    const std::string_view close = closest_match(name, names);
    if (!close.empty()) {
        hint = "did you mean " + single_quoted(close) + "?";
    } else if (!present.empty() && present.size() <= max_listed_files) {
        hint = "files in " + inside + ": " + present.front();
        for (std::size_t i = 1; i < present.size(); ++i)
            hint += ", " + present[i];
    }
    if (fallback.empty()) {
        r.error(r.value_loc(key), what + " not found in " + inside, hint);
    } else {
        r.warning(r.value_loc(key), what + " not found in " + inside + ": " + std::string(fallback),
                  hint);
    }
    return false;
}

} // namespace affiche
