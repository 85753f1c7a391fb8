// Writes values as TOML source text, escaped so they read back exactly.
#include "studio/toml_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace affiche {

namespace {

void append_escaped(std::string& out, std::string_view s, bool multi_line, std::string_view eol) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"') {
            out += "\\\"";
        } else if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            if (multi_line)
                out += eol;
            else
                out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            out += "\\u00A0";
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
}

} // namespace

std::string toml_string(std::string_view s, std::string_view eol) {
    std::string out;
    if (s.find('\n') == std::string_view::npos) {
        out = "\"";
        append_escaped(out, s, false, eol);
        return out + "\"";
    }
    // The line break right after the opening quotes is not part of the value (TOML 1.0).
    out = "\"\"\"";
    out += eol;
    append_escaped(out, s, true, eol);
    return out + "\"\"\"";
}

std::string toml_string_array(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        out += toml_string(items[i]);
    }
    return out + "]";
}

std::string toml_number(double v) {
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", v);
        return buf;
    }
    char buf[32];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string out = buf;
    // TOML floats need a digit before and after the point; %g gives that or an exponent.
    if (out.find_first_of(".e") == std::string::npos) out += ".0";
    return out;
}

} // namespace affiche
