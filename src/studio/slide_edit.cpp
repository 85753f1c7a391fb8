// Byte-span edits of slide files: replace, insert or remove one value; cut, copy and place blocks.
#include "studio/slide_edit.hpp"

#include <algorithm>

namespace affiche {

namespace {

struct Replacement {
    TextSpan span;
    std::string bytes;
};

std::string apply(std::string_view text, std::vector<Replacement> changes) {
    // From the end, so earlier offsets stay valid; inserts at one point keep their order.
    std::stable_sort(changes.begin(), changes.end(),
                     [](const auto& a, const auto& b) { return a.span.begin > b.span.begin; });
    std::string out(text);
    for (const auto& c : changes)
        out.replace(c.span.begin, c.span.end - c.span.begin, c.bytes);
    return out;
}

// Past the line break ending the line that holds offset.
std::size_t after_line(std::string_view text, std::size_t offset) {
    const std::size_t nl = text.find('\n', offset);
    return nl == std::string_view::npos ? text.size() : nl + 1;
}

} // namespace

std::string apply_key_edits(std::string_view text, const TomlFileSpans& spans,
                            const SlideBlock& block, const std::vector<KeyEdit>& edits) {
    std::vector<Replacement> changes;
    // New keys go on their own line after the last key's line (or after the header).
    const std::size_t insert_at =
        block.keys.empty() ? after_line(text, block.block.begin) : block.keys.back().line.end;
    // A last line without a line break needs one before anything is added after it.
    const bool needs_break = insert_at == text.size() && !text.empty() && text.back() != '\n';
    std::string inserted;
    for (const auto& edit : edits) {
        const KeyValueSpan* kv = block.find(edit.key);
        if (kv && edit.toml) {
            changes.push_back({kv->value, *edit.toml});
        } else if (kv) {
            changes.push_back({kv->line, ""});
        } else if (edit.toml) {
            inserted += edit.key + " = " + *edit.toml + spans.eol;
        }
    }
    if (!inserted.empty()) {
        if (needs_break) inserted = spans.eol + inserted;
        changes.push_back({TextSpan{insert_at, insert_at}, inserted});
    }
    return apply(text, std::move(changes));
}

std::string remove_block(std::string_view text, const SlideBlock& block) {
    return apply(text, {{block.block, ""}});
}

std::string block_text(std::string_view text, const SlideBlock& block, std::string_view eol) {
    std::string bytes(text.substr(block.block.begin, block.block.end - block.block.begin));
    if (!bytes.empty() && bytes.back() != '\n') bytes += eol;
    return bytes;
}

std::string insert_block(std::string_view text, const SlideBlock* before,
                         std::string_view block_bytes, std::string_view eol) {
    if (before) {
        const std::size_t at = before->block.begin;
        return apply(text, {{TextSpan{at, at}, std::string(block_bytes)}});
    }
    std::string out(text);
    if (!out.empty() && out.back() != '\n') out += eol;
    // A blank line between tables, as the shipped files have.
    if (!out.empty() && out.find_last_not_of("\r\n") + eol.size() + 1 >= out.size()) out += eol;
    out += block_bytes;
    return out;
}

std::string new_block(const std::vector<KeyEdit>& keys, std::string_view eol) {
    std::string out = "[[slide]]";
    out += eol;
    for (const auto& k : keys)
        if (k.toml) out += k.key + " = " + *k.toml + std::string(eol);
    return out;
}

} // namespace affiche
