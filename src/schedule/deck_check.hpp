// check_deck: every problem of a content folder found without SDL; the one "check this deck" of
// `affiche --check`, `affiche-sync publish`, the pull before a swap, and the studio.
#pragma once

#include "base/local_time.hpp"
#include "deck/deck_loader.hpp"

#include <functional>
#include <map>
#include <string>

namespace affiche {

// Checks a program adds between the load and the schedule warnings. The player's `--check`
// passes its SDL ones this way (every image decoded by SDL_image, readability with the deck's
// own fonts): they append to load.diagnostics, and reset load.deck on an error. affiche-sync
// does not link SDL: it runs `affiche --check` as a child for them (sync/player_check.hpp).
using ExtraDeckChecks = std::function<void(LoadResult& load)>;

// load_deck (TOML, schema, references, image headers within the decode limits, fonts), then
// extra, then, while the deck is still good, schedule_warnings and announcement_date_problems at
// now (Unix seconds): an announcement ending more than 7 days after now is an error here.
// replaced: files (relative to content_dir, "slides/20-chimio.toml") checked with these bytes
// instead of the folder's, as load_deck's: the studio's drafts and edits before they are written.
// Returns the load: the deck when there is no error, its files as read, and every Diagnostic
// (errors, warnings, notes) in that order. The deck is refused exactly when
// has_errors(result.diagnostics).
LoadResult check_deck(const std::string& content_dir, UnixTime now,
                      const ExtraDeckChecks& extra = {},
                      const std::map<std::string, std::string>& replaced = {});

} // namespace affiche
