// The play loop: one clock read per frame, events drained, redraw only when the picture
// changes, then sleep until the next deadline (slide end, fade step, clock minute, progress step).
#pragma once

#include "app/signals.hpp"
#include "core/deck.hpp"
#include "core/options.hpp"
#include "core/playlist.hpp"
#include "platform/display.hpp"
#include "platform/slide_composer.hpp"

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
    void start_deck(std::shared_ptr<const Deck> deck, int first);
    void handle_events(Millis now);
    void change_slide(Millis now);
    void draw_frame(Millis now);
    void present_rotated();
    void make_frame();
    Millis next_wake(Millis now) const;
    void wait_until(Millis now, Millis wake);
    std::string clock_text() const;
    long progress_step(Millis now) const;

    Options options_;
    std::string content_dir_;
    Signals& signals_;
    SdlLibrary sdl_;
    std::optional<Display> display_;
    std::unique_ptr<SlideComposer> composer_;
    std::optional<Playlist> playlist_;
    Size logical_;       // the upright picture's size: the display's, turned by --rotate
    TexturePtr frame_;   // with --rotate, the upright frame, turned when copied to the screen
    ComposedSlide current_;
    ComposedSlide previous_;
    bool quit_ = false;
    bool dirty_ = true;
    bool screenshot_requested_ = false;
    bool drawn_fading_ = false; // the last frame drawn was mid-fade
    std::string drawn_clock_;
    long drawn_progress_ = -1;
    Millis started_at_ = 0;
    // Counters for the log line at exit, read by bench/ scripts.
    struct Stats {
        long frames = 0;
        long fade_frames = 0;
        long fades = 0;             // crossfades started
        Millis first_frame_ms = -1; // from process start (SDL init) to the first present
    } stats_;
};

} // namespace affiche
