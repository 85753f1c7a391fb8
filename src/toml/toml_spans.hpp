// Where each value of a slide file is written, as byte offsets: the studio edits only those bytes.
#pragma once

#include "base/error.hpp"
#include "base/result.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Bytes [begin, end) of a text.
struct TextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// A TOML value as plain data (no toml++ type leaves affiche_toml).
struct TomlValue {
    enum class Kind { string, integer, floating, boolean, date, time, date_time, array, table };
    Kind kind = Kind::string;
    std::string text; // string: its value; date, time, date_time: as written in TOML
    std::int64_t integer = 0;
    double floating = 0;
    bool boolean = false;
    std::vector<TomlValue> items; // array
};

// One `key = value` of a table.
struct KeyValueSpan {
    std::string key;
    TextSpan value; // the value's bytes, quotes and brackets included
    TextSpan line;  // from the key's line start to past the value's last line end
    TomlValue parsed;
};

// One [[slide]] table: from its header line to the next table header (or the end of the file).
struct SlideBlock {
    TextSpan block;
    int header_line = 0;            // 1-based line of "[[slide]]", as Slide::loc.line gives it
    std::vector<KeyValueSpan> keys; // in file order
    const KeyValueSpan* find(std::string_view key) const;
};

struct TomlFileSpans {
    std::vector<KeyValueSpan> top; // the file's top-level keys (lang, section, schedule)
    std::vector<SlideBlock> slides;
    std::string eol = "\n"; // the file's line ending: "\r\n" when its first line ends so
    const SlideBlock* slide_at_line(int header_line) const;
};

// Parses text (the content of path, named in the error) and locates every top-level key and each
// [[slide]] table's keys. A text that does not parse: the parser's error.
Result<TomlFileSpans> toml_file_spans(std::string_view text, const std::string& path);

// Byte offset of a 1-based line and column (columns count code points, as toml++ does). Past the
// end: the text's size.
std::size_t byte_offset(std::string_view text, int line, int column);

// The 1-based line holding byte offset.
int line_of_offset(std::string_view text, std::size_t offset);

} // namespace affiche
