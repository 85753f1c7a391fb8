// Typed, checked reads of one TOML table's values, each problem at its position (toml++).
#pragma once

#include "toml/toml_config.hpp"

#include "base/color.hpp"
#include "base/error.hpp"
#include "base/suggestions.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

SourceLoc to_loc(const std::string& path, const toml::source_position& pos);
// "a string", "an integer", "a table", ... for messages.
std::string_view describe_type(const toml::node& node);
// Shortest text that reads back as v ("15", "0.05", "1e+20").
std::string format_number(double v);

// Accepted numbers: min..max inclusive, or (min..max] when min_exclusive. unit is for messages.
struct NumberRange {
    double min = 0;
    double max = 0;
    bool min_exclusive = false;
    std::string_view unit;
};

// A table whose keys belong elsewhere, for the hint "'title' belongs under [[slide]]".
struct OtherTable {
    std::string_view name;
    KeyList keys;
};

// Reads typed values from one table, reporting each problem at the value's position.
// Every read returns nullopt when the key is absent or its value is invalid.
class TableReader {
  public:
    TableReader(const toml::table& table, const std::string& path, Diagnostics& out)
        : table_(table), path_(path), out_(out) {}

    // Reports every key not in allowed; where names the table ("in [deck]").
    void check_keys(KeyList allowed, std::string_view where,
                    std::span<const OtherTable> elsewhere = {}) const;

    std::optional<std::string> string(std::string_view key) const;
    std::optional<bool> boolean(std::string_view key) const;
    std::optional<double> number(std::string_view key, const NumberRange& range) const;
    std::optional<Color> color(std::string_view key) const;
    // Index of the value in names.
    std::optional<std::size_t> choice(std::string_view key, KeyList names) const;
    // The array's string elements; each non-string element is reported at its own position.
    std::optional<std::vector<std::string>> string_array(std::string_view key) const;
    // A sub-table such as [deck]; reports a value of another type.
    const toml::table* table(std::string_view key) const;

    const toml::node* get(std::string_view key) const { return table_.get(key); }
    // Position of key's value, or of the table itself when the key is absent.
    SourceLoc value_loc(std::string_view key) const;
    SourceLoc table_loc() const { return to_loc(path_, table_.source().begin); }
    const std::string& path() const { return path_; }
    Diagnostics& diagnostics() const { return out_; } // for readers of the table's sub-tables

    void error(SourceLoc loc, std::string message, std::string hint = {}) const;
    void warning(SourceLoc loc, std::string message, std::string hint = {}) const;
    void note(SourceLoc loc, std::string message, std::string hint = {}) const;

  private:
    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected,
                    std::string hint = {}) const;

    const toml::table& table_;
    const std::string& path_;
    Diagnostics& out_;
};

} // namespace affiche
