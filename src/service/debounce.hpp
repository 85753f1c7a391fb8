// Debouncer: turns a burst of file events into one reload, after a quiet period. Clock injected.
#pragma once

#include "base/millis.hpp"

namespace affiche {

// note() each change; due() becomes true once quiet_ms (ms) have passed since the last note, so
// an editor saving five files or an rsync of 200 images gives one reload, not 200.
class Debouncer {
  public:
    explicit Debouncer(Millis quiet_ms = 500) : quiet_ms_(quiet_ms < 0 ? 0 : quiet_ms) {}

    // A change happened at now_ms; pushes the deadline back.
    void note(Millis now_ms);
    // True when a change is pending and quiet_ms have passed since the last note().
    bool due(Millis now_ms) const;
    // Forget the pending change (call once the reload is done).
    void clear() { pending_ = false; }
    // When due() becomes true (ms, same clock as note), or `never` when nothing is pending:
    // ready to min() with the loop's other deadlines.
    Millis deadline() const;
    bool pending() const { return pending_; }

  private:
    Millis quiet_ms_;
    Millis last_ms_ = 0;
    bool pending_ = false;
};

} // namespace affiche
