// One slide's file as text with its spans, and the checker's findings mapped to its keys.
#pragma once

#include "deck/deck_loader.hpp"
#include "studio/deck_workspace.hpp"
#include "studio/slide_json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace affiche {

struct SlideSource {
    std::string file; // relative: "slides/20-chimio.toml"
    std::string text;
    TomlFileSpans spans;
    int header_line = 0;
    const SlideBlock& block() const { return *spans.slide_at_line(header_line); }
    std::string tag() const { return DeckWorkspace::tag_of(text); }
};

// The slide's file read now and parsed; nullopt when the id is unknown or the file changed so
// that the slide is no longer where the deck says.
std::optional<SlideSource> open_slide(DeckWorkspace& workspace, const std::string& id);

// The findings of severity in a checked deck as API errors. Those in the edited file's slide
// name their key (found in text, the file as it would be written); others name none and say
// which file and line.
std::vector<FieldError> field_errors(const Diagnostics& ds, Severity severity,
                                     const std::string& content_dir, const std::string& file,
                                     const std::string& text, int header_line);

} // namespace affiche
