// The event trace: one line per thing the player did (slide shown, screen on or off, reload),
// stamped with the loop's wall-clock time, appended to a file for bench/month.sh and tests.
#pragma once

#include "base/millis.hpp"
#include "base/result.hpp"
#include "base/unique_fd.hpp"

#include <string>
#include <string_view>

namespace affiche {

// Lines are "<wall ms> <kind> <what> [<detail>]", e.g. "1791583200000 slide accueil",
// "1791590400000 screen off closed until 14:00", "1791594000000 reload refused". The time is the
// loop's wall clock, so under AFFICHE_FAKE_CLOCK the simulated one. Each line is one write(2) to a
// file opened with O_APPEND, so a reader never sees half a line.
class EventTrace {
  public:
    // path "" = disabled: record() does nothing. The file is created or appended to.
    explicit EventTrace(const std::string& path);
    bool enabled() const { return !path_.empty(); }
    // Done, or an error naming the file (it could not be opened or written).
    Result<Done> record(Millis wall_ms, std::string_view kind, std::string_view what,
                        std::string_view detail = {});

  private:
    std::string path_;
    UniqueFd fd_;
    int open_errno_ = 0;
};

} // namespace affiche
