// Slide timing on an injected monotonic clock.
#include "schedule/playlist.hpp"

#include <algorithm>
#include <numeric>

namespace affiche {

Playlist::Playlist(std::vector<Millis> durations_ms, Millis transition_ms, Millis now, int first)
    : durations_(std::move(durations_ms)), transition_(std::max<Millis>(0, transition_ms)) {
    if (durations_.empty()) durations_.push_back(never / 4); // a deck always has a slide; be safe
    for (auto& d : durations_)
        d = std::max<Millis>(1, d);
    eligible_.assign(durations_.size(), true);
    index_ = std::clamp(first, 0, count() - 1);
    started_ = now;
    changed_at_ = now;
}

bool Playlist::update(Millis now) {
    if (paused_) return false;
    // After a long stall (suspend, debugger) restart the slide rather than replay the backlog.
    const Millis cycle = std::accumulate(durations_.begin(), durations_.end(), Millis{0});
    if (now - started_ > cycle) {
        started_ = now - durations_[index_];
    }
    bool moved = false;
    const int before = index_;
    while (now - started_ >= durations_[index_]) {
        started_ += durations_[index_];
        index_ = next_eligible(index_, 1);
        moved = true;
    }
    // The only eligible slide beginning again is the same picture: its time (and progress bar)
    // restarts, but nothing fades into itself.
    if (moved && index_ != before) changed_at_ = now;
    return moved;
}

void Playlist::go_to(int index, Millis now) {
    index_ = ((index % count()) + count()) % count();
    started_ = now;
    changed_at_ = now;
    paused_at_ = now;
}

void Playlist::next(Millis now) {
    go_to(next_eligible(index_, 1), now);
}
void Playlist::previous(Millis now) {
    go_to(next_eligible(index_, -1), now);
}

int Playlist::next_eligible(int from, int step) const {
    for (int i = 1; i <= count(); ++i) {
        const int p = ((from + step * i) % count() + count()) % count();
        if (eligible_[static_cast<std::size_t>(p)]) return p;
    }
    return from;
}

void Playlist::set_eligible(const std::vector<int>& positions) {
    std::vector<bool> eligible(durations_.size(), false);
    bool any = false;
    for (int p : positions) {
        if (p < 0 || p >= count()) continue;
        eligible[static_cast<std::size_t>(p)] = true;
        any = true;
    }
    if (!any) eligible.assign(durations_.size(), true);
    eligible_ = std::move(eligible);
}

void Playlist::skip_ineligible(Millis now) {
    if (eligible_[static_cast<std::size_t>(index_)]) return;
    go_to(next_eligible(index_, 1), now);
}

void Playlist::toggle_pause(Millis now) {
    if (paused_) {
        started_ += now - paused_at_;
        paused_ = false;
    } else {
        paused_at_ = now;
        paused_ = true;
    }
}

double Playlist::progress(Millis now) const {
    const double p = static_cast<double>(elapsed(now)) / durations_[index_];
    return std::clamp(p, 0.0, 1.0);
}

double Playlist::fade(Millis now) const {
    if (transition_ == 0) return 1.0;
    const double f = static_cast<double>(now - changed_at_) / transition_;
    return std::clamp(f, 0.0, 1.0);
}

Millis Playlist::slide_deadline() const {
    return paused_ ? never : started_ + durations_[index_];
}

int resume_index(const std::vector<std::string>& fresh_ids, const std::string& next_id, int next) {
    const int n = static_cast<int>(fresh_ids.size());
    if (n == 0) return 0;
    for (int i = 0; i < n; ++i) {
        if (fresh_ids[static_cast<std::size_t>(i)] == next_id) return i;
    }
    return ((next % n) + n) % n;
}

} // namespace affiche
