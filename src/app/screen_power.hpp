// The player's screen-off state: what the deck's opening hours say at the loop's time, and
// switching the TV (HDMI-CEC), the output (DPMS) or, failing both, the picture (a black frame)
// off and on when that changes.
#pragma once

#include "app/screen.hpp"
#include "base/millis.hpp"
#include "platform/cec_power.hpp"
#include "platform/dpms.hpp"
#include "schedule/schedule.hpp"

#include <memory>
#include <optional>
#include <string>

namespace affiche {

// What an update found: nothing new, a new reason or next change, or the screen switched.
enum class ScreenChange { none, news, switched_on, switched_off };

class ScreenPower {
  public:
    // clock_sync_file: until it exists the screen is never switched off by schedule (the
    // clock may be wrong); "" = the clock is always trusted.
    ScreenPower(Screen& screen, std::string clock_sync_file)
        : screen_(screen), clock_sync_file_(std::move(clock_sync_file)) {}

    // Looks at the schedule at the pass's wall-clock time (only when the deck changed or its next
    // change is due) and switches the screen when its state changed.
    ScreenChange update(const Deck& deck, const LoopTime& t);
    // A new deck was adopted: look at its schedule at the next update.
    void reconsider() { deck_ = nullptr; }
    bool on() const { return state_.on; }
    const ScreenState& state() const { return state_; }
    // How the screen was switched off ("hdmi-cec standby + dpms off", "black frame"), "" while on.
    const std::string& method() const { return method_; }
    // The wall-clock ms when the loop must look again (a screen or slide schedule change), or
    // never.
    Millis next_look_wall() const { return next_look_ms_; }
    // While a TV had no CEC address yet, when to try again (monotonic ms), else never.
    Millis retry_at() const;
    // Tries the waiting CEC adapters again when retry_at has come.
    void retry(Millis now);

  private:
    void switch_off(const ScreenPowerSettings& s, Millis now);
    void switch_on(const ScreenPowerSettings& s, Millis now);
    void describe();
    void black_frame();
    CecPower& cec();
    Dpms& dpms();
    // Whether the wall clock can be trusted; true for good once the file has appeared.
    bool clock_synced();

    Screen& screen_;
    std::string clock_sync_file_;
    bool clock_synced_ = false; // latched
    const Deck* deck_ = nullptr; // the deck last looked at (identity only)
    ScreenState state_;
    std::string method_;
    Millis next_look_ms_ = never;
    std::optional<CecPower> cec_; // opened at the first switch that wants it
    std::optional<Dpms> dpms_;
    Millis retry_ms_ = never; // monotonic
    bool cec_off_ = false;    // a Standby was acknowledged
    bool dpms_off_ = false;
};

} // namespace affiche
