// Test support: one value of the player's status file (pretty JSON, one key per line).
#pragma once

#include <string>

namespace affiche::testing {

// The text after "key": up to the comma or end of line, quotes removed; "" when the key is
// absent. Keys are unique in the status file except inside arrays, which are not asked for.
inline std::string json_field(const std::string& json, const std::string& key) {
    const std::string k = "\"" + key + "\": ";
    const auto at = json.find(k);
    if (at == std::string::npos) return "";
    const auto from = at + k.size();
    const auto end = json.find('\n', from);
    std::string v = json.substr(from, end == std::string::npos ? std::string::npos : end - from);
    if (!v.empty() && v.back() == ',') v.pop_back();
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
}

} // namespace affiche::testing
