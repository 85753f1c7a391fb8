// Edits of a slide file's text that touch only the bytes they change: one value, one [[slide]].
#pragma once

#include "toml/toml_spans.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// A new value for key, as TOML source text; nullopt removes the key's line(s).
struct KeyEdit {
    std::string key;
    std::optional<std::string> toml;
};

// text with each edit applied to the slide: an existing value's bytes replaced (nothing else
// moves), a new key inserted as a line after the slide's last key, a removed key's lines taken
// out. block must come from toml_file_spans(text).
std::string apply_key_edits(std::string_view text, const TomlFileSpans& spans,
                            const SlideBlock& block, const std::vector<KeyEdit>& edits);

// text without the slide's block.
std::string remove_block(std::string_view text, const SlideBlock& block);

// The slide's block as text, ending with a line break (eol added when the file's last line had
// none), for moving or copying it.
std::string block_text(std::string_view text, const SlideBlock& block, std::string_view eol);

// text with block_bytes inserted before the slide `before`, or at the end when before is null.
std::string insert_block(std::string_view text, const SlideBlock* before,
                         std::string_view block_bytes, std::string_view eol);

// A new [[slide]] block with these keys (values already TOML text), in order.
std::string new_block(const std::vector<KeyEdit>& keys, std::string_view eol);

} // namespace affiche
