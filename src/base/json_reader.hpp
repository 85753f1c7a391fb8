// A small JSON reader for documents the programs exchange (the player's status, a studio's answer).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

struct JsonMember;

// One JSON value. Numbers are doubles; objects keep their members in document order.
struct JsonValue {
    enum class Type { null, boolean, number, string, array, object };
    Type type = Type::null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<JsonValue> items;
    std::vector<JsonMember> members; // a vector of a type still incomplete here: allowed since
                                     // C++17 (std::pair<.., JsonValue> is not, for clang)

    // The member called key of an object (the first one), or nullptr (not an object, no member).
    const JsonValue* get(std::string_view key) const;
    // The member's text when it is a string, else nullopt.
    std::optional<std::string> string_at(std::string_view key) const;
    // The member's value when it is a boolean, else nullopt.
    std::optional<bool> boolean_at(std::string_view key) const;
};

// One member of an object: its name and its value.
struct JsonMember {
    std::string name;
    JsonValue value;
};

// Parses one JSON document (RFC 8259; whitespace around it allowed) nested at most 64 deep.
// nullopt when it is not valid JSON: these documents come from other programs and a broken one is
// treated as "not there" by the callers.
std::optional<JsonValue> parse_json(std::string_view text);

} // namespace affiche
