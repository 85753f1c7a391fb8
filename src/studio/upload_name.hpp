// A safe file name for an uploaded picture: no folder parts, no control or odd characters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// Longest name kept, in bytes (the extension included).
inline constexpr std::size_t max_upload_name = 80;

// The name to store an upload under in images/: the last path part of given, lower-case ASCII
// letters, digits, '-' and '_' (every other byte becomes '-', runs collapse), trimmed to
// max_upload_name, with its extension (png, jpg, jpeg, webp, svg). nullopt when given has no such
// extension.
std::optional<std::string> safe_upload_name(std::string_view given);

} // namespace affiche
