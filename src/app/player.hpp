// The play loop: one clock read per frame, events drained, redraw only when the picture
// changes, then sleep until the next deadline (slide end, fade step, clock minute, progress step,
// reload, watchdog). Content changes are loaded on a worker thread and take over at a slide
// boundary; a deck with errors never replaces the one on screen.
#pragma once

#include "app/deck_reloader.hpp"
#include "app/service_reporter.hpp"
#include "app/signals.hpp"
#include "core/deck.hpp"
#include "core/options.hpp"
#include "core/playlist.hpp"
#include "platform/display.hpp"
#include "platform/log.hpp"
#include "platform/slide_composer.hpp"
#include "service/content_watcher.hpp"
#include "service/debounce.hpp"

#include <memory>
#include <optional>
#include <string>

namespace affiche {

class Player {
  public:
    Player(const Options& options, std::string content_dir, Signals& signals);
    // Returns the process exit code.
    int run();

  private:
    bool open_display_with_retry();
    void start_deck(DeckReloader::Result loaded, int first);
    void handle_events(Millis now);
    void handle_reload(Millis now);
    void adopt_pending();
    void change_slide(Millis now);
    void draw_frame(Millis now);
    void blend_in_place(double fade);
    void draw_overlays(Millis now);
    void save_screenshot();
    void make_frame();
    void present_rotated();
    Millis next_wake(Millis now);
    void wait_until(Millis now, Millis wake);
    std::string clock_text() const;
    long progress_step(Millis now) const;
    bool overlay_changed(Millis now) const;

    Options options_;
    std::string content_dir_;
    Signals& signals_;
    SdlLibrary sdl_;
    std::optional<Display> display_;
    ContentWatcher watcher_;
    Debouncer debounce_{500}; // ms of quiet after the last file event before reloading
    DeckReloader reloader_;
    ServiceReporter reporter_;
    LogOnce reload_log_;
    std::optional<DeckReloader::Result> pending_; // a valid new deck, waiting for a slide boundary
    std::unique_ptr<SlideComposer> composer_;
    std::optional<Playlist> playlist_;
    Size logical_;     // the upright picture's size: the display's, turned by --rotate
    TexturePtr frame_; // with --rotate, the upright frame, turned when copied to the screen
    ComposedSlide current_;
    ComposedSlide previous_;
    bool quit_ = false;
    bool dirty_ = true;
    bool reload_requested_ = false;
    // What the last poll() found readable (all true before the first one).
    bool signals_ready_ = true;
    bool watcher_ready_ = true;
    bool reload_ready_ = true;
    bool screenshot_requested_ = false;
    bool drawn_fading_ = false; // the last frame drawn was mid-fade
    bool in_place_ = false;     // software renderer: fades blend over the screen's own pixels
    double shown_fade_ = 1.0;   // in_place_: share of the current slide already on screen
    std::string drawn_clock_;
    long drawn_progress_ = -1;
    Millis started_at_ = 0;
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
