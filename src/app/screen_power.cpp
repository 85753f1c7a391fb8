// Screen off and on: HDMI-CEC for the TV, DPMS for the output, a black frame when neither works.
#include "app/screen_power.hpp"

#include "platform/log.hpp"

#include <SDL_syswm.h>
#include <unistd.h>

#include <algorithm>

namespace affiche {

namespace {
constexpr Millis cec_retry_ms = 30'000;       // a TV off at boot: look for its address this often
constexpr Millis clock_sync_look_ms = 60'000; // while the clock is not synchronised

// The DRM descriptor SDL's KMSDRM driver drives the output through, or -1 (X11, offscreen...).
int kmsdrm_fd(SDL_Renderer* renderer) {
#if defined(SDL_VIDEO_DRIVER_KMSDRM)
    SDL_Window* window = SDL_RenderGetWindow(renderer);
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (window && SDL_GetWindowWMInfo(window, &info) && info.subsystem == SDL_SYSWM_KMSDRM)
        return info.info.kmsdrm.drm_fd;
#else
    (void)renderer;
#endif
    return -1;
}

Millis to_wall_ms(UnixTime t) {
    return t == 0 ? never : t * 1000;
}
} // namespace

CecPower& ScreenPower::cec() {
    if (!cec_) cec_.emplace(open_cec_ports());
    return *cec_;
}

Dpms& ScreenPower::dpms() {
    if (!dpms_) dpms_.emplace(make_libdrm_io(kmsdrm_fd(screen_.renderer())));
    return *dpms_;
}

bool ScreenPower::clock_synced() {
    if (!clock_synced_)
        clock_synced_ = clock_sync_file_.empty() || access(clock_sync_file_.c_str(), F_OK) == 0;
    return clock_synced_;
}

ScreenChange ScreenPower::update(const Deck& deck, const LoopTime& t) {
    if (&deck == deck_ && (next_look_ms_ == never || t.wall < next_look_ms_)) {
        return ScreenChange::none;
    }
    const bool first = deck_ == nullptr && state_.reason.empty();
    deck_ = &deck;
    const ScreenState was = state_;
    const UnixTime now_s = t.wall / 1000;
    const bool synced = clock_synced();
    state_ = unless_clock_unsynced(screen_state(deck, now_s), synced);
    // Off, only the screen's own change matters; on, a slide's eligibility too.
    next_look_ms_ = to_wall_ms(state_.on ? next_schedule_change(deck, now_s) : state_.next_change);
    // Until the clock is set, look again every minute for the synchronisation.
    if (!synced) next_look_ms_ = std::min(next_look_ms_, t.wall + clock_sync_look_ms);
    if (first && state_.on && deck.opening_hours.set && deck.screen_power.cec) {
        // Started within opening hours (after a power cut, a reboot): the TV may still be in
        // last night's standby.
        log_info("screen on at start: " + state_.reason + "; waking the TV over HDMI-CEC");
        switch_on(deck.screen_power, t.now);
    }
    if (state_.on == was.on) {
        const bool news =
            first || state_.reason != was.reason || state_.next_change != was.next_change;
        return news ? ScreenChange::news : ScreenChange::none;
    }
    if (state_.on) {
        switch_on(deck.screen_power, t.now);
    } else {
        switch_off(deck.screen_power, t.now);
    }
    log_info(std::string("screen ") + (state_.on ? "on" : "off (" + method_ + ")") + ": " +
             state_.reason);
    return state_.on ? ScreenChange::switched_on : ScreenChange::switched_off;
}

void ScreenPower::black_frame() {
    SDL_Renderer* r = screen_.renderer();
    SDL_SetRenderTarget(r, nullptr);
    SDL_SetRenderDrawColor(r, 0, 0, 0, 255);
    SDL_RenderClear(r);
    SDL_RenderPresent(r);
}

void ScreenPower::describe() {
    method_.clear();
    if (state_.on) return;
    if (cec_off_) method_ = "hdmi-cec standby";
    if (dpms_off_) method_ += method_.empty() ? "dpms off" : " + dpms off";
    if (method_.empty()) method_ = "black frame";
}

void ScreenPower::switch_off(const ScreenPowerSettings& s, Millis now) {
    // Black first: a TV that ignores Standby shows no slide, and this is the last page flip.
    black_frame();
    cec_off_ = false;
    retry_ms_ = never;
    if (s.cec) {
        const CecOutcome out = cec().set(false);
        cec_off_ = out.sent > 0;
        if (out.waiting > 0) retry_ms_ = now + cec_retry_ms;
    }
    dpms_off_ = s.dpms && dpms().set(false);
    describe();
}

void ScreenPower::switch_on(const ScreenPowerSettings& s, Millis now) {
    // The output first, so the TV finds a signal when it wakes.
    if (dpms_off_) dpms().set(true);
    dpms_off_ = false;
    retry_ms_ = never;
    // A TV put in standby is woken even if the new deck no longer asks for CEC.
    if (s.cec || cec_off_) {
        const CecOutcome out = cec().set(true);
        if (out.waiting > 0) retry_ms_ = now + cec_retry_ms;
    }
    cec_off_ = false;
    describe();
}

Millis ScreenPower::retry_at() const {
    return retry_ms_;
}

void ScreenPower::retry(Millis now) {
    if (retry_ms_ == never || now < retry_ms_ || !cec_) return;
    const CecOutcome out = cec_->retry();
    if (!state_.on && out.sent > 0) cec_off_ = true;
    retry_ms_ = out.waiting > 0 ? now + cec_retry_ms : never;
    describe();
}

} // namespace affiche
