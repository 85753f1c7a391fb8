// Status file contents and systemd notifications, kept in one place.
#include "app/service_reporter.hpp"

#include "service/notify.hpp"

#include <cstdio>
#include <ctime>

namespace affiche {

namespace {
std::int64_t unix_seconds(Millis wall_ms) {
    return wall_ms / 1000;
}
} // namespace

ServiceReporter::ServiceReporter(const std::string& status_path, const std::string& content_dir,
                                 const std::string& metrics_path, const std::string& trace_path)
    : file_(status_path), metrics_(metrics_path), trace_(trace_path),
      watchdog_ms_(watchdog_interval_ms()) {
    report_.version = AFFICHE_VERSION;
    report_.content_dir = content_dir;
    report_.started_unix = static_cast<std::int64_t>(std::time(nullptr)); // before the loop
}

void ServiceReporter::set_display(const std::string& renderer, const std::string& reason,
                                  Size size) {
    report_.renderer = renderer;
    report_.renderer_reason = reason;
    report_.width = size.w;
    report_.height = size.h;
}

void ServiceReporter::set_deck(const std::string& revision, std::vector<std::string> problems) {
    report_.revision = revision;
    report_.pending_revision.clear();
    report_.problems = std::move(problems);
}

void ServiceReporter::set_pending(const std::string& revision) {
    report_.pending_revision = revision;
}

void ServiceReporter::slide_shown(const Deck& deck, int play_index, Millis wall_ms) {
    const Slide& s = deck.shown(play_index);
    report_.slide_id = s.id;
    report_.slide_index = play_index;
    report_.slide_count = deck.shown_count();
    report_.slide_since_unix = unix_seconds(wall_ms);
    ++slide_changes_;
    notify_status("slide " + std::to_string(play_index + 1) + "/" +
                  std::to_string(report_.slide_count) + ": " + s.id);
    trace(wall_ms, "slide", s.id);
    write(wall_ms);
}

void ServiceReporter::reload_done(bool ok, std::vector<std::string> errors, Millis wall_ms) {
    report_.last_reload.at_unix = unix_seconds(wall_ms);
    report_.last_reload.ok = ok;
    report_.last_reload.errors = std::move(errors);
    trace(wall_ms, "reload", ok ? "ok" : "refused");
    write(wall_ms);
}

void ServiceReporter::screen_changed(bool on, std::string reason, std::int64_t next_change_unix,
                                     std::string off_by, Millis wall_ms) {
    report_.screen = {on, std::move(reason), next_change_unix, std::move(off_by)};
    if (!on) notify_status("screen off: " + report_.screen.reason);
    trace(wall_ms, "screen", on ? "on" : "off", report_.screen.reason);
    write(wall_ms);
}

void ServiceReporter::first_frame() {
    if (ready_) return;
    ready_ = true;
    notify_ready();
}

Millis ServiceReporter::watchdog(Millis now) {
    if (watchdog_ms_ <= 0) return never;
    if (now - last_ping_ >= watchdog_ms_) {
        notify_watchdog();
        last_ping_ = now;
    }
    return last_ping_ + watchdog_ms_;
}

void ServiceReporter::stopping() {
    notify_stopping();
    up_ = false;
    write_metrics();
}

namespace {

// "2026-12-08T09:00:00", the announcement file's own notation (local time).
std::string local_text(LocalStamp s) {
    char time[16];
    std::snprintf(time, sizeof time, "T%02d:%02d:%02d", s.second / 3600 % 100, s.second / 60 % 60,
                  s.second % 60);
    return format_date(s.day) + time;
}

} // namespace

void ServiceReporter::set_announcement(const Deck& deck, bool active, Millis wall_ms) {
    StatusReport::Announcement a;
    if (deck.announcement) {
        const Announcement& d = *deck.announcement;
        a = {true,
             d.text,
             d.from ? local_text(*d.from) : "",
             local_text(d.until),
             d.style == AnnouncementStyle::band ? "band" : "slide",
             false};
    }
    const auto& r = report_.announcement;
    const bool same = r.present == a.present && r.text == a.text && r.from == a.from &&
                      r.until == a.until && r.style == a.style && announcement_active_ == active;
    report_.announcement = std::move(a);
    announcement_active_ = active;
    if (!same) write(wall_ms);
}

void ServiceReporter::write(Millis wall_ms) {
    report_.now_unix = unix_seconds(wall_ms);
    // Shown between its from and until, and only on a screen that is on.
    report_.announcement.showing =
        report_.announcement.present && announcement_active_ && report_.screen.on;
    file_.write(report_);
    write_metrics();
}

void ServiceReporter::trace(Millis wall_ms, std::string_view kind, std::string_view what,
                            std::string_view detail) {
    const Result<Done> r = trace_.record(wall_ms, kind, what, detail);
    if (!r.ok()) trace_errors_.diagnostic(r.error());
}

void ServiceReporter::write_metrics() {
    if (!metrics_.enabled()) return;
    const auto& r = report_.last_reload;
    metrics_.write({
        {"affiche_up", "1 while the player runs", "gauge", up_ ? 1.0 : 0.0, {}},
        {"affiche_slide_changes_total", "Slides shown since start", "counter", slide_changes_, {}},
        {"affiche_deck_revision_info",
         "The deck on screen",
         "gauge",
         1.0,
         {{"revision", report_.revision}}},
        {"affiche_last_reload_ok",
         "1 unless the last reload was refused",
         "gauge",
         r.ok ? 1.0 : 0.0,
         {}},
        {"affiche_last_reload_timestamp_seconds",
         "Unix time of the last reload (0 = none)",
         "gauge",
         static_cast<double>(r.at_unix),
         {}},
        {"affiche_screen_on",
         "1 while the schedule keeps the screen on, 0 outside opening hours",
         "gauge",
         report_.screen.on ? 1.0 : 0.0,
         {}},
        {"affiche_screen_next_change_timestamp_seconds",
         "Unix time the screen next goes on or off (0 = never)",
         "gauge",
         static_cast<double>(report_.screen.next_change_unix),
         {}},
    });
}

} // namespace affiche
