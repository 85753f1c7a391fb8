// Locates each value of a TOML slide file from toml++'s source regions, converted to byte offsets.
#include "toml/toml_spans.hpp"

#include "toml/toml_file.hpp"

#include <algorithm>
#include <sstream>

namespace affiche {

namespace {

std::size_t line_start(std::string_view text, int line) {
    std::size_t at = 0;
    for (int l = 1; l < line; ++l) {
        const std::size_t nl = text.find('\n', at);
        if (nl == std::string_view::npos) return text.size();
        at = nl + 1;
    }
    return at;
}

// Past the '\n' that ends the line holding offset (or the text's end).
std::size_t past_line_end(std::string_view text, std::size_t offset) {
    const std::size_t nl = text.find('\n', offset);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

template <class T> std::string written(const T& v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

TomlValue to_value(const toml::node& node) {
    TomlValue v;
    if (const auto* s = node.as_string()) {
        v.text = s->get();
    } else if (const auto* i = node.as_integer()) {
        v.kind = TomlValue::Kind::integer;
        v.integer = i->get();
    } else if (const auto* f = node.as_floating_point()) {
        v.kind = TomlValue::Kind::floating;
        v.floating = f->get();
    } else if (const auto* b = node.as_boolean()) {
        v.kind = TomlValue::Kind::boolean;
        v.boolean = b->get();
    } else if (const auto* d = node.as_date()) {
        v.kind = TomlValue::Kind::date;
        v.text = written(d->get());
    } else if (const auto* t = node.as_time()) {
        v.kind = TomlValue::Kind::time;
        v.text = written(t->get());
    } else if (const auto* dt = node.as_date_time()) {
        v.kind = TomlValue::Kind::date_time;
        v.text = written(dt->get());
    } else if (const auto* a = node.as_array()) {
        v.kind = TomlValue::Kind::array;
        for (const auto& item : *a)
            v.items.push_back(to_value(item));
    } else {
        v.kind = TomlValue::Kind::table;
    }
    return v;
}

KeyValueSpan key_value_span(std::string_view text, const toml::key& key, const toml::node& node) {
    KeyValueSpan kv;
    kv.key = std::string(key.str());
    const auto& region = node.source();
    kv.value.begin = byte_offset(text, static_cast<int>(region.begin.line),
                                 static_cast<int>(region.begin.column));
    kv.value.end =
        byte_offset(text, static_cast<int>(region.end.line), static_cast<int>(region.end.column));
    kv.line.begin = line_start(text, static_cast<int>(key.source().begin.line));
    kv.line.end = past_line_end(text, kv.value.end);
    kv.parsed = to_value(node);
    return kv;
}

void sort_by_position(std::vector<KeyValueSpan>& keys) {
    std::sort(keys.begin(), keys.end(),
              [](const auto& a, const auto& b) { return a.value.begin < b.value.begin; });
}

} // namespace

const KeyValueSpan* SlideBlock::find(std::string_view key) const {
    for (const auto& kv : keys)
        if (kv.key == key) return &kv;
    return nullptr;
}

const SlideBlock* TomlFileSpans::slide_at_line(int line) const {
    for (const auto& s : slides)
        if (s.header_line == line) return &s;
    return nullptr;
}

std::size_t byte_offset(std::string_view text, int line, int column) {
    std::size_t at = line_start(text, line);
    for (int c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) {
        ++at; // one code point: its lead byte, then its continuation bytes
        while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            ++at;
    }
    return at;
}

int line_of_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

Result<TomlFileSpans> toml_file_spans(std::string_view text, const std::string& path) {
    Diagnostics problems;
    auto table = parse_toml_bytes(path, text, problems);
    if (!table) {
        if (problems.empty()) return failure(SourceLoc{path, 0, 0}, "cannot parse the file");
        return problems.front();
    }
    TomlFileSpans spans;
    const std::size_t first_nl = text.find('\n');
    if (first_nl != std::string_view::npos && first_nl > 0 && text[first_nl - 1] == '\r')
        spans.eol = "\r\n";
    // Every table header's line start: a slide's block ends where the next header begins.
    std::vector<std::size_t> headers;
    for (auto&& [key, node] : *table) {
        if (const auto* t = node.as_table(); t && !t->is_inline()) {
            headers.push_back(line_start(text, static_cast<int>(t->source().begin.line)));
        } else if (const auto* a = node.as_array(); a && a->is_array_of_tables()) {
            for (const auto& item : *a)
                if (const auto* it = item.as_table(); it && !it->is_inline())
                    headers.push_back(line_start(text, static_cast<int>(it->source().begin.line)));
        } else {
            spans.top.push_back(key_value_span(text, key, node));
        }
    }
    std::sort(headers.begin(), headers.end());
    sort_by_position(spans.top);
    if (const auto* slides = table->get_as<toml::array>("slide")) {
        for (const auto& item : *slides) {
            const auto* t = item.as_table();
            if (!t || t->is_inline()) continue;
            SlideBlock block;
            block.header_line = static_cast<int>(t->source().begin.line);
            block.block.begin = line_start(text, block.header_line);
            const auto next = std::upper_bound(headers.begin(), headers.end(), block.block.begin);
            block.block.end = next == headers.end() ? text.size() : *next;
            for (auto&& [key, node] : *t)
                block.keys.push_back(key_value_span(text, key, node));
            sort_by_position(block.keys);
            spans.slides.push_back(std::move(block));
        }
    }
    return spans;
}

} // namespace affiche
