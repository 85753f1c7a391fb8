// One TOML file's bytes parsed into a table, problems reported: deck, sync.toml, manifest.
#pragma once

#include "toml/toml_config.hpp"

#include "base/error.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// Checks UTF-8 and parses bytes, the content of path (named in diagnostics). nullopt when broken
// (reported in out).
std::optional<toml::table> parse_toml_bytes(const std::string& path, std::string_view bytes,
                                            Diagnostics& out);

} // namespace affiche
