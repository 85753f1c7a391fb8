// The play loop: one pass per wake-up, and what each pass does with events, reloads and frames.
#include "app/player.hpp"

#include "app/deck_report.hpp"
#include "app/display_wait.hpp"
#include "base/file_read.hpp"
#include "deck/deck_diff.hpp"
#include "layout/burn_in.hpp"
#include "platform/log.hpp"
#include "schedule/schedule.hpp"

#include <poll.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>

namespace affiche {

namespace {
constexpr Millis fade_frame_ms = 16;      // ~60 fps cap while fading (vsync paces real screens)
constexpr Millis progress_step_ms = 1000; // the progress bar moves at most once a second

// AFFICHE_TRACE=path: the event trace (service/event_trace.hpp), for bench/month.sh and tests.
std::string trace_path() {
    const char* path = std::getenv("AFFICHE_TRACE");
    return path ? path : "";
}

Millis seconds_to_ms(double s) {
    return static_cast<Millis>(std::llround(s * 1000));
}

std::vector<Millis> durations_of(const Deck& d) {
    std::vector<Millis> durations;
    for (int index : d.play_order) {
        durations.push_back(seconds_to_ms(d.slides[static_cast<std::size_t>(index)].duration_s));
    }
    return durations;
}

Millis transition_of(const Deck& d) {
    return d.settings.transition == Transition::cut ? 0 : seconds_to_ms(d.settings.transition_s);
}

// The --notice file's non-empty lines; none when it is missing (nothing to tell).
std::vector<std::string> notice_lines(const std::string& path) {
    std::vector<std::string> lines;
    const FileBytes file = read_regular_file(path, 64 * 1024);
    if (!file.ok()) return lines;
    std::size_t at = 0;
    while (at < file.bytes.size()) {
        std::size_t end = file.bytes.find('\n', at);
        if (end == std::string::npos) end = file.bytes.size();
        if (end > at) lines.push_back(file.bytes.substr(at, end - at));
        at = end + 1;
    }
    if (!lines.empty()) log_warning("showing the notice " + path + ": " + lines.front());
    return lines;
}
} // namespace

Player::Player(const Options& options, std::string content_dir, Signals& signals)
    : options_(options), content_dir_(std::move(content_dir)), signals_(signals),
      reporter_(options.status_file, content_dir_, options.metrics_file, trace_path()),
      live_(options.windowed, content_dir_), reload_(content_dir_, reporter_, live_.quiet_ms()) {
    if (!options.notice_file.empty()) live_.set_notice(notice_lines(options.notice_file));
}

Player::~Player() {
    // Textures before the renderer they belong to, the renderer before SDL (a member, after).
    stage_.reset();
    screen_.reset();
}

bool Player::open_screen() {
    DisplayOptions d;
    d.windowed = options_.windowed;
    d.size = options_.size;
    std::optional<Display> display = wait_for_display(sdl_, d, signals_);
    if (!display) return false;
    screen_.emplace(std::move(*display), options_.rotate);
    stage_.emplace(*screen_);
    power_.emplace(*screen_, options_.clock_sync_file);
    return true;
}

void Player::start_deck(DeckReloader::Result loaded, int first, const LoopTime& t) {
    auto deck = std::make_shared<const Deck>(std::move(*loaded.load.deck));
    live_.deck_started(loaded.assets);
    std::vector<std::string> problems;
    for (const auto& d : stage_->load(deck, loaded.assets)) {
        problems.push_back(format_diagnostic(d));
        reload_.log_once(d); // the slides play on in a system font
    }
    for (const auto& d : loaded.load.diagnostics) {
        if (d.severity == Severity::warning) problems.push_back(format_diagnostic(d));
    }
    reporter_.set_deck(loaded.revision, std::move(problems));
    playlist_.emplace(durations_of(*deck), transition_of(*deck), t.now, first);
    refresh_schedule(t);
    playlist_->skip_ineligible(t.now);
    power_->reconsider();
    change_slide(t);
}

void Player::adopt_pending(const LoopTime& t, std::optional<int> first) {
    std::optional<DeckReloader::Result> fresh = reload_.take_pending();
    if (!fresh) return;
    // At a boundary the new deck takes over where the old one was going.
    const int next = playlist_->index();
    if (!first)
        first = resume_index(shown_ids(*fresh->load.deck), stage_->deck().shown(next).id, next);
    start_deck(std::move(*fresh), *first, t);
    ++stats_.reloads;
}

void Player::adopt_if_now(const LoopTime& t) {
    // Now in the preview, when the slide on screen changed, or on a paused screen (it would
    // never reach a boundary); otherwise at the next slide boundary (live_preview.hpp).
    const std::optional<int> first = live_.adopt_now(
        stage_->deck(), playlist_->index(), playlist_->paused(), *reload_.pending_result());
    if (first) adopt_pending(t, first);
}

void Player::change_slide(const LoopTime& t) {
    const int index = playlist_->index();
    if (stage_->showing(index)) {
        // The same slide again (alone in the deck or in the schedule): no crossfade into itself,
        // just one redraw so its progress bar starts again from 0.
        dirty_ = true;
        return;
    }
    restage_ = false;
    const bool had_picture = stage_->has_picture();
    stage_->show(index, burn_in_shift(stage_->deck().burn_in, t.wall / 1000));
    if (had_picture && playlist_->fading(t.now)) ++stats_.fades;
    reporter_.slide_shown(stage_->deck(), index, t.wall);
    fresh_slide_ = true;
    dirty_ = true;
}

// Tells the playlist which slides the schedule allows now; the next slide change follows it.
void Player::refresh_schedule(const LoopTime& t) {
    const UnixTime now_s = t.wall / 1000;
    playlist_->set_eligible(eligible_positions(stage_->deck(), now_s));
    const UnixTime next_s = next_schedule_change(stage_->deck(), now_s);
    schedule_due_ = next_s ? next_s * 1000 : std::numeric_limits<Millis>::max();
    schedule_checked_ = t.wall;
    refresh_announcement(t);
}

// The band comes and goes with the announcement's from and until (boundaries of the schedule, so
// the loop wakes for them): the slide on screen is composed again, with or without it.
void Player::refresh_announcement(const LoopTime& t) {
    const Deck& deck = stage_->deck();
    const bool active = announcement_active(deck, t.wall / 1000);
    const bool band = active && deck.announcement->style == AnnouncementStyle::band;
    if (stage_->set_band(band ? deck.announcement->text : std::string())) restage_ = true;
    reporter_.set_announcement(deck, active, t.wall);
}

void Player::handle_key(SDL_Keycode key, const LoopTime& t) {
    switch (key) {
    case SDLK_RIGHT:
        playlist_->next(t.now);
        change_slide(t);
        break;
    case SDLK_LEFT:
        playlist_->previous(t.now);
        change_slide(t);
        break;
    case SDLK_SPACE:
        playlist_->toggle_pause(t.now);
        dirty_ = true;
        break;
    case SDLK_q:
    case SDLK_ESCAPE:
        quit_ = true;
        break;
    default:
        break;
    }
}

void Player::handle_events(const LoopTime& t) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
        switch (e.type) {
        case SDL_QUIT:
            quit_ = true;
            break;
        case SDL_KEYDOWN:
            handle_key(e.key.keysym.sym, t);
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
            // Target textures lost their pixels (a device reset: the textures too).
            log_warning("renderer reset; redrawing the slide");
            stage_->renderer_reset(playlist_->index(), e.type == SDL_RENDER_DEVICE_RESET);
            dirty_ = true;
            break;
        case SDL_WINDOWEVENT:
            dirty_ = true;
            break;
        default:
            break;
        }
    }
    if (ready_.signals) handle_signals();
}

void Player::handle_signals() {
    for (auto s : signals_.drain()) {
        if (s == SignalEvent::quit) quit_ = true;
        if (s == SignalEvent::reload) reload_.request();
        if (s == SignalEvent::screenshot) screenshot_requested_ = true;
    }
}

std::string Player::clock_text(Millis wall) const {
    if (!stage_->deck().overlays.clock) return "";
    const std::time_t t = static_cast<std::time_t>(wall / 1000);
    std::tm local{};
    localtime_r(&t, &local);
    char buf[8];
    std::strftime(buf, sizeof buf, "%H:%M", &local);
    return buf;
}

long Player::progress_step(Millis now) const {
    if (!stage_->deck().overlays.progress) return 0;
    return static_cast<long>((now - playlist_->shown_since()) / progress_step_ms);
}

std::string Player::screenshot_path() const {
    // The status file's folder holds the screenshot; without --status, the working folder.
    if (options_.status_file.empty()) return "affiche-screenshot.png";
    return (std::filesystem::path(options_.status_file).parent_path() / "screenshot.png").string();
}

Millis Player::exit_at() const {
    return options_.exit_after_s > 0 ? started_at_ + seconds_to_ms(options_.exit_after_s) : never;
}

void Player::draw(const LoopTime& t) {
    const double fade = playlist_->fade(t.now);
    if (fade < 1.0 || drawn_.fading) dirty_ = true;
    FrameOverlays o{clock_text(t.wall),
                    playlist_->progress(t.now),
                    screenshot_requested_ ? screenshot_path() : std::string(),
                    {}};
    if (live_.has_panel()) o.on_top = [this](SDL_Renderer* r, Size s) { live_.draw(r, s); };
    if (!dirty_) {
        const bool changed = o.clock != drawn_.clock ||
                             progress_step(t.now) != drawn_.progress_step || screenshot_requested_;
        if (!changed) return;
        // Not fading: fade is 1, and a static slide redraws only its overlays where it can.
        if (stage_->draw_overlays(o)) {
            frame_drawn(fade, std::move(o.clock), t.now);
            return;
        }
    }
    stage_->draw_frame(fade, o);
    frame_drawn(fade, std::move(o.clock), t.now);
}

void Player::frame_drawn(double fade, std::string clock, Millis now) {
    ++stats_.frames;
    if (stats_.first_frame_ms < 0) {
        // A measurement, not a decision: SDL's ticks count from SDL_Init, after the present.
        stats_.first_frame_ms = static_cast<Millis>(SDL_GetTicks64());
        reporter_.first_frame();
    }
    if (fade < 1.0) ++stats_.fade_frames;
    drawn_.fading = fade < 1.0;
    drawn_.clock = std::move(clock);
    drawn_.progress_step = progress_step(now);
    dirty_ = false;
    screenshot_requested_ = false;
}

WakeInputs Player::wake_inputs(const LoopTime& t) {
    const Deck& deck = stage_->deck();
    WakeInputs in;
    in.now = t.now;
    in.wall_ms = t.wall;
    in.fading = playlist_->fading(t.now);
    in.fade_frame_ms = fade_frame_ms;
    in.paused = playlist_->paused();
    in.slide_end = playlist_->slide_deadline();
    in.clock_shown = deck.overlays.clock;
    in.progress_shown = deck.overlays.progress;
    in.shown_since = playlist_->shown_since();
    in.progress_step_ms = progress_step_ms;
    in.debounce = reload_.deadline();
    in.watchdog = reporter_.watchdog(t.now); // pings systemd when due
    in.exit_at = exit_at();
    const Millis look = screen_->event_wait_ms();
    in.housekeeping = look == never ? never : t.now + look;
    in.schedule = clock_.monotonic_at(t, power_->next_look_wall());
    in.power_retry = power_->retry_at();
    in.screen_off = !power_->on();
    return in;
}

void Player::wait_until(Millis wake) {
    // SDL may hold window events it already read (X11 reads events with the replies to drawing
    // requests): move them to SDL's queue, flush our requests, and do not sleep on them.
    SDL_PumpEvents();
    int timeout = -1; // no deadline at all: until a descriptor wakes us
    if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
        timeout = 0;
    } else if (wake != never) {
        // The one other clock read, through the same clock: it turns the absolute deadline into
        // poll()'s relative timeout (at a faked clock's speed), so the time spent drawing is not
        // added to a fade step. It decides nothing.
        timeout = static_cast<int>(
            std::min<Millis>(clock_.timeout_ms(wake), std::numeric_limits<int>::max()));
    }
    // Signals, file changes, finished reloads and window events (X11, Wayland) wake us at once.
    // A negative fd (no window system) is ignored by poll().
    pollfd fds[4] = {{signals_.fd(), POLLIN, 0},
                     {reload_.watcher_fd(), POLLIN, 0},
                     {reload_.reloader_fd(), POLLIN, 0},
                     {screen_->event_fd(), POLLIN, 0}};
    const int n = poll(fds, 4, timeout);
    if (n < 0) { // EINTR: look at everything
        ready_ = Ready{};
        return;
    }
    ready_.signals = fds[0].revents != 0;
    ready_.watcher = fds[1].revents != 0;
    ready_.reload = fds[2].revents != 0;
}

// Outside opening hours: the screen is switched off and the pass stops here, nothing drawn,
// until the schedule, a reload, a signal or the watchdog wakes the loop. True while off.
bool Player::screen_off(const LoopTime& t) {
    power_->retry(t.now);
    const ScreenChange change = power_->update(stage_->deck(), t);
    if (change != ScreenChange::none) {
        const ScreenState& s = power_->state();
        reporter_.screen_changed(s.on, s.reason, s.next_change, power_->method(), t.wall);
    }
    if (change == ScreenChange::switched_on) {
        // Back on: the next slide, faded in over the black (or the last) picture.
        playlist_->next(t.now);
        change_slide(t);
    }
    if (power_->on()) return false;
    reporter_.first_frame(); // systemd waits for READY=1 even when the player starts at night
    if (reload_.pending()) adopt_pending(t); // no slide boundary to wait for
    wait_until(next_wake(wake_inputs(t)));
    return true;
}

void Player::pass(const LoopTime& t) {
    if (fresh_slide_) {
        // Composing the slide took time: its fade starts now, not when the slide changed.
        playlist_->restart_fade(t.now);
        fresh_slide_ = false;
    }
    handle_events(t);
    if (quit_ || t.now >= exit_at()) {
        quit_ = true;
        return;
    }
    if (reload_.update(t, ready_.watcher, ready_.reload)) adopt_if_now(t);
    if (live_.set_errors(reload_.refused())) dirty_ = true; // the preview's errors panel
    if (t.wall >= schedule_due_ || t.wall < schedule_checked_) refresh_schedule(t);
    if (screen_off(t)) return;
    if (playlist_->update(t.now)) {
        if (reload_.pending()) {
            adopt_pending(t);
        } else {
            change_slide(t);
        }
    }
    if (restage_) change_slide(t); // the announcement band came or went
    // The announcement's own slide leaves at its until, not at the end of its time.
    if (stage_->deck().shown(playlist_->index()).announcement &&
        !announcement_active(stage_->deck(), t.wall / 1000)) {
        playlist_->next(t.now);
        change_slide(t);
    }
    // A slide just composed is drawn by the next pass, at once, with the time read after it.
    if (fresh_slide_) {
        wait_until(t.now);
        return;
    }
    draw(t);
    // Deadlines count from the pass's start, so drawing time is not added to each fade step.
    wait_until(next_wake(wake_inputs(t)));
}

int Player::run() {
    DeckReloader::Result loaded = load_everything(content_dir_);
    print_diagnostics(loaded.load.diagnostics);
    if (!loaded.load.deck) {
        std::vector<std::string> errors;
        for (const auto& d : loaded.load.diagnostics)
            errors.push_back(format_diagnostic(d));
        reporter_.reload_done(false, std::move(errors), clock_.read().wall);
        return 1;
    }
    if (!open_screen()) return 0;
    reporter_.set_display(screen_->renderer_name(), screen_->renderer_reason(),
                          screen_->output_size());
    log_info("playing " + content_dir_ + " at " + std::to_string(screen_->output_size().w) + "x" +
             std::to_string(screen_->output_size().h) + " with the " + screen_->renderer_name() +
             " renderer (" + screen_->renderer_reason() + ")");
    const LoopTime start = clock_.read();
    started_at_ = start.now;
    start_deck(std::move(loaded), 0, start);
    while (!quit_)
        pass(clock_.read());
    log_info("stats: frames=" + std::to_string(stats_.frames) + " fade_frames=" +
             std::to_string(stats_.fade_frames) + " fades=" + std::to_string(stats_.fades) +
             " reloads=" + std::to_string(stats_.reloads) +
             " first_frame_ms=" + std::to_string(stats_.first_frame_ms));
    reporter_.stopping();
    return 0;
}

} // namespace affiche
