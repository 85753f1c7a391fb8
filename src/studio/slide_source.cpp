// Opens a slide's file for editing and ties the checker's positions back to the slide's keys.
#include "studio/slide_source.hpp"

namespace affiche {

std::optional<SlideSource> open_slide(DeckWorkspace& workspace, const std::string& id) {
    const auto place = workspace.find(id);
    if (!place) return std::nullopt;
    auto text = workspace.read(place->file);
    if (!text) return std::nullopt;
    auto spans = toml_file_spans(*text, place->file);
    if (!spans || !spans->slide_at_line(place->header_line)) return std::nullopt;
    return SlideSource{place->file, std::move(*text), std::move(*spans), place->header_line};
}

std::vector<FieldError> field_errors(const Diagnostics& ds, Severity severity,
                                     const std::string& content_dir, const std::string& file,
                                     const std::string& text, int header_line) {
    std::vector<FieldError> out;
    const std::string path = content_dir + "/" + file;
    const auto spans = toml_file_spans(text, path);
    const SlideBlock* block = spans ? spans->slide_at_line(header_line) : nullptr;
    for (const auto& d : ds) {
        if (d.severity != severity) continue;
        std::string key;
        if (block && d.loc.path == path && d.loc.line >= line_of_offset(text, block->block.begin) &&
            d.loc.line <= line_of_offset(text, block->block.end)) {
            key = key_at_line(text, *block, d.loc.line);
        }
        std::string message = diagnostic_text(d);
        if (key.empty() && d.loc.line > 0) {
            std::string where = d.loc.path.starts_with(content_dir + "/")
                                    ? d.loc.path.substr(content_dir.size() + 1)
                                    : d.loc.path;
            message += " [" + where + ", ligne " + std::to_string(d.loc.line) + "]";
        }
        out.push_back({key, message});
    }
    return out;
}

} // namespace affiche
