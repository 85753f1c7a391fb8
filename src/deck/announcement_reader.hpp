// Reads slides/announcement.toml's [announcement] table; private to the deck loader (toml++).
#pragma once

#include "deck/deck.hpp"
#include "toml/table_reader.hpp"

#include <optional>

namespace affiche {

// The announcement of the file's top-level table, or nullopt after reporting at its line and
// column every problem: unknown key, text missing, empty, too long or on several lines, until
// missing, a date without a time or with a zone, until not after from, unknown style.
// The rules that depend on the time now are announcement_date_problems (announcement_dates.hpp).
std::optional<Announcement> read_announcement(const TableReader& top);

} // namespace affiche
