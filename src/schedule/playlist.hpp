// Which slide shows at time t: looping, manual next/previous, pause, crossfade progress.
// The clock is injected: every call takes the current monotonic time in milliseconds.
#pragma once

#include "base/millis.hpp"

#include <string>
#include <vector>

namespace affiche {

class Playlist {
  public:
    // durations_ms: one per slide in play order (each > 0); transition_ms: crossfade (0 = cut).
    Playlist(std::vector<Millis> durations_ms, Millis transition_ms, Millis now, int first = 0);

    // Advances past every slide whose time is up. Returns true when the slide changed, or began
    // again (a one-slide deck, or the only slide the schedule allows): then no fade runs, the
    // slide's time and progress restart, and shown_since() stays.
    bool update(Millis now);
    void next(Millis now);
    void previous(Millis now);
    void toggle_pause(Millis now);
    // The positions that may play now (schedule.hpp's eligible_positions): slide changes skip the
    // others; the slide on screen plays to its end. Positions out of range are ignored, and a
    // list naming none makes every slide eligible again.
    void set_eligible(const std::vector<int>& positions);
    // Leaves an ineligible current slide at once, for a deck's first slide before it shows.
    void skip_ineligible(Millis now);
    // Starts the crossfade again from 0 at now, leaving the slide's time alone: the new slide's
    // picture took a while to draw, and the fade should not jump ahead meanwhile.
    void restart_fade(Millis now) { changed_at_ = now; }

    int index() const { return index_; }
    int count() const { return static_cast<int>(durations_.size()); }
    bool paused() const { return paused_; }
    // When the current slide began to show (for "since" in status reports).
    Millis shown_since() const { return changed_at_; }
    // Fraction of the slide's time used, 0..1.
    double progress(Millis now) const;
    // Opacity of the current slide over the previous one, 0..1 (1 when no fade is running).
    double fade(Millis now) const;
    bool fading(Millis now) const { return fade(now) < 1.0; }
    // Next time the slide changes by itself (never while paused).
    Millis slide_deadline() const;

  private:
    void go_to(int index, Millis now);
    // The first eligible position after from going by step (+1 or -1), from itself at the end.
    int next_eligible(int from, int step) const;
    Millis elapsed(Millis now) const { return (paused_ ? paused_at_ : now) - started_; }

    std::vector<Millis> durations_;
    std::vector<bool> eligible_; // one per slide
    Millis transition_;
    int index_ = 0;
    Millis started_ = 0;    // start of the current slide's time, shifted by pauses
    Millis changed_at_ = 0; // when the current slide appeared (drives the fade)
    bool paused_ = false;
    Millis paused_at_ = 0;
};

// Where a new deck's play starts when it replaces a deck that was about to show the slide next_id
// at position next: at the slide with that id if the new deck still has it, else at the same
// position, wrapped to the new deck's length. fresh_ids: the new deck's slide ids in play order.
int resume_index(const std::vector<std::string>& fresh_ids, const std::string& next_id, int next);

} // namespace affiche
