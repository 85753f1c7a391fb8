// The play loop: one clock read per pass, events drained, redraw only when the picture changes,
// then block in poll() until the next deadline (slide end, fade frame, clock minute, progress
// step, reload, watchdog) or an event. Content changes are loaded on a worker thread and take
// over at a slide boundary; a deck with errors never replaces the one on screen.
#pragma once

#include "app/live_preview.hpp"
#include "app/loop_clock.hpp"
#include "app/options.hpp"
#include "app/reload_coordinator.hpp"
#include "app/screen.hpp"
#include "app/screen_power.hpp"
#include "app/service_reporter.hpp"
#include "app/signals.hpp"
#include "app/stage.hpp"
#include "platform/display.hpp"
#include "schedule/playlist.hpp"
#include "schedule/wake.hpp"

#include <optional>
#include <string>

namespace affiche {

class Player {
  public:
    Player(const Options& options, std::string content_dir, Signals& signals);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;
    // Returns the process exit code.
    int run();

  private:
    // What the last poll() found readable (all true before the first one: look at everything).
    struct Ready {
        bool signals = true;
        bool watcher = true;
        bool reload = true;
    };
    // What the last frame drawn showed, to know when the next one is needed.
    struct Drawn {
        std::string clock;
        long progress_step = -1;
        bool fading = false;
    };

    bool open_screen();
    void start_deck(DeckReloader::Result loaded, int first, const LoopTime& t);
    void adopt_pending(const LoopTime& t, std::optional<int> first = std::nullopt);
    void adopt_if_now(const LoopTime& t);
    void change_slide(const LoopTime& t);
    void refresh_schedule(const LoopTime& t);
    void refresh_announcement(const LoopTime& t);
    void pass(const LoopTime& t);
    bool screen_off(const LoopTime& t);
    void handle_events(const LoopTime& t);
    void handle_key(SDL_Keycode key, const LoopTime& t);
    void handle_signals();
    void draw(const LoopTime& t);
    void frame_drawn(double fade, std::string clock, Millis now);
    Millis exit_at() const;
    WakeInputs wake_inputs(const LoopTime& t);
    void wait_until(Millis wake);
    std::string clock_text(Millis wall) const;
    long progress_step(Millis now) const;
    std::string screenshot_path() const;

    Options options_;
    std::string content_dir_;
    Signals& signals_;
    // SDL first: it outlives everything, the reload worker (which decodes images) included.
    SdlLibrary sdl_;
    ServiceReporter reporter_;
    LivePreview live_; // edits on screen: when a new deck takes over, the preview's errors
    ReloadCoordinator reload_;
    // The screen (window, renderer), then the stage (every slide and image texture of that
    // renderer): ~Player destroys the stage, then the screen, explicitly.
    std::optional<Screen> screen_;
    std::optional<Stage> stage_;
    std::optional<ScreenPower> power_; // the screen's opening hours: CEC, DPMS, black frame
    std::optional<Playlist> playlist_;
    LoopClock clock_ = LoopClock::from_environment();
    bool quit_ = false;
    bool dirty_ = true;
    bool fresh_slide_ = false; // a slide was just composed: its fade starts at the next pass
    bool restage_ = false;     // the announcement band changed: compose the slide again
    bool screenshot_requested_ = false;
    Ready ready_;
    Drawn drawn_;
    Millis started_at_ = 0;
    Millis schedule_due_ = 0;     // wall ms when the eligible slides may change next
    Millis schedule_checked_ = 0; // wall ms of the last look, to notice the clock going back
    // Counters for the log line at exit, read by bench/ scripts.
    struct Stats {
        long frames = 0;
        long fade_frames = 0;
        long fades = 0;             // crossfades started
        long reloads = 0;           // decks adopted after a change
        Millis first_frame_ms = -1; // from SDL_Init to the first present
    } stats_;
};

} // namespace affiche
