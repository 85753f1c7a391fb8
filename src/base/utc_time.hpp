// The one ISO 8601 UTC form of the three programs ("2026-11-29T08:00:00Z"), both ways.
#pragma once

#include "base/local_time.hpp"
#include "base/result.hpp"

#include <string>
#include <string_view>

namespace affiche {

// "2026-11-29T08:00:00Z" of a Unix time in seconds (the calendar of base/local_time, in UTC).
std::string format_utc(UnixTime unix_seconds);

// Parses exactly "YYYY-MM-DDTHH:MM:SSZ" (a real date, year 1970..9999, 00:00:00..23:59:59).
// Returns the Unix time in seconds, or the Diagnostic at path:line:column that quotes the text.
Result<UnixTime> parse_utc(std::string_view text, const std::string& path, int line, int column);

} // namespace affiche
