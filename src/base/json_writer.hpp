// The JSON writer of the files the player and the sync write (status, reports): pretty (2-space
// indent), always valid UTF-8. The studio's HTTP API uses nlohmann-json instead (README).
#pragma once

#include "base/local_time.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Appends text as a JSON string: quotes, backslashes and control characters escaped (controls and
// DEL as \u00XX), valid UTF-8 passed through, each invalid byte sequence as U+FFFD.
void append_json_string(std::string& out, std::string_view text);

// Builds one JSON document value by value, for files a monitor or a browser reads:
//   JsonWriter j; j.begin_object().key("ok").boolean(true).end_object(); j.finish()
// gives "{\n  \"ok\": true\n}\n". An empty object or array is "{}" / "[]". The caller nests
// correctly (a key before each value in an object, none in an array); the writer does not check.
class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& string(std::string_view text);
    JsonWriter& string_or_null(std::string_view text); // "" is null
    JsonWriter& number(std::int64_t n);
    JsonWriter& boolean(bool b);
    JsonWriter& null();
    // A Unix time in seconds as ISO 8601 UTC ("2026-11-28T12:00:00Z"); 0 ("not known") as null.
    JsonWriter& utc_or_null(UnixTime unix_seconds);
    // An array of strings.
    JsonWriter& strings(const std::vector<std::string>& items);
    // The document, with a final newline.
    std::string finish() const { return out_ + "\n"; }

  private:
    void before_value();
    void new_line();
    JsonWriter& close(char bracket);

    std::string out_;
    std::vector<int> counts_; // values written so far in each open object or array
    bool after_key_ = false;
};

} // namespace affiche
