// JSON string escaping and the pretty-printing writer of status files and reports.
#include "base/json_writer.hpp"

#include "base/utc_time.hpp"
#include "base/utf8.hpp"

#include <cstdio>

namespace affiche {

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    // Decoding turns each invalid byte sequence into U+FFFD: the output stays valid UTF-8.
    for (const char32_t cp : decode_utf8(text)) {
        if (cp == '"') {
            out += "\\\"";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (cp < 0x20 || cp == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(cp));
            out += escape;
        } else {
            append_utf8(out, cp);
        }
    }
    out += '"';
}

void JsonWriter::new_line() {
    out_ += counts_.back()++ > 0 ? ",\n" : "\n";
    out_.append(2 * counts_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
    } else if (!counts_.empty()) {
        new_line(); // an array's element
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    counts_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    counts_.push_back(0);
    return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
    const int values = counts_.back();
    counts_.pop_back();
    if (values > 0) {
        out_ += '\n';
        out_.append(2 * counts_.size(), ' ');
    }
    out_ += bracket;
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    return close('}');
}

JsonWriter& JsonWriter::end_array() {
    return close(']');
}

JsonWriter& JsonWriter::key(std::string_view name) {
    new_line();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::string_or_null(std::string_view text) {
    return text.empty() ? null() : string(text);
}

JsonWriter& JsonWriter::number(std::int64_t n) {
    before_value();
    out_ += std::to_string(n);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::utc_or_null(UnixTime unix_seconds) {
    return unix_seconds == 0 ? null() : string(format_utc(unix_seconds));
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items)
        string(item);
    return end_array();
}

} // namespace affiche
