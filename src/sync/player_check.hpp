// The player's own check of a deck, run as a child process: `affiche --check DIR` adds what needs
// SDL (every image decoded by SDL_image, readability with the deck's fonts), which affiche-sync
// does not link. The SDL-free part is check_deck (schedule/deck_check.hpp), run in process.
#pragma once

#include "base/process_runner.hpp"
#include "base/result.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace affiche {

struct PlayerVerdict {
    bool accepted = false;   // it exited with status 0
    std::string first_error; // its first ": error: " line, for the journal (captured output only)
};

// Runs `player --check content_dir`; its messages go to our stderr (ChildOutput::inherit) or are
// captured for first_error. With a deadline it is killed there, with all it started.
// Returns the verdict, or the Diagnostic at player when it could not be run, was killed by a
// signal, or did not finish before the deadline ("`affiche --check` did not finish before its
// deadline").
Result<PlayerVerdict>
run_player_check(const std::string& player, const std::string& content_dir, ChildOutput output,
                 std::optional<std::chrono::steady_clock::time_point> deadline = std::nullopt);

// The affiche program installed beside the running one (same folder), or nullopt when there is
// none (then the sync checks decks without SDL only).
std::optional<std::string> player_beside_this_program();

} // namespace affiche
