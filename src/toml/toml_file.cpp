// Parsing one TOML file's bytes into a table, problems reported.
#include "toml/toml_file.hpp"

#include "base/i18n.hpp"
#include "base/utf8.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_messages.hpp"

#include <cstdio>

namespace affiche {

std::optional<toml::table> parse_toml_bytes(const std::string& path, std::string_view bytes,
                                            Diagnostics& out) {
    if (const auto bad = find_invalid_utf8(bytes)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bad->byte);
        out.push_back({Severity::error,
                       {path, bad->line, bad->column},
                       trf("invalid UTF-8 (byte {1}); the file is skipped", {byte}),
                       tr("save the file as UTF-8")});
        return std::nullopt;
    }
    auto parsed = toml::parse(bytes, std::string_view(path));
    if (!parsed) {
        out.push_back({Severity::error, to_loc(path, parsed.error().source().begin),
                       printable(toml_error_text(parsed.error().description()), 400), ""});
        return std::nullopt;
    }
    return std::move(parsed).table();
}

} // namespace affiche
