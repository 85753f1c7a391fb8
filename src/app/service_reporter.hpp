// Tells the outside world what the player does: the JSON status file, and systemd's
// READY / STATUS / WATCHDOG notifications.
#pragma once

#include "base/geometry.hpp"
#include "base/millis.hpp"
#include "deck/deck.hpp"
#include "platform/log.hpp"
#include "service/event_trace.hpp"
#include "service/metrics_file.hpp"
#include "service/status_file.hpp"

#include <string>
#include <vector>

namespace affiche {

class ServiceReporter {
  public:
    // metrics_path "" = no Prometheus textfile; trace_path "" = no event trace (event_trace.hpp:
    // every slide shown, screen change and reload, for bench/month.sh).
    ServiceReporter(const std::string& status_path, const std::string& content_dir,
                    const std::string& metrics_path = "", const std::string& trace_path = "");
    void set_display(const std::string& renderer, const std::string& reason, Size size);
    // The deck now on screen: its revision, and its problems. No revision waits any more.
    void set_deck(const std::string& revision, std::vector<std::string> problems);
    // A validated revision waits for its moment to show (written with the next report).
    void set_pending(const std::string& revision);
    // A slide appeared at wall_ms (wall-clock ms since the epoch, from the loop's pass): status
    // file and systemd STATUS= line.
    void slide_shown(const Deck& deck, int play_index, Millis wall_ms);
    // A reload finished at wall_ms; errors are formatted diagnostics.
    void reload_done(bool ok, std::vector<std::string> errors, Millis wall_ms);
    // The schedule switched the screen on or off at wall_ms: why, until when (Unix s, 0 =
    // never), and how it was switched off ("" when on).
    void screen_changed(bool on, std::string reason, std::int64_t next_change_unix,
                        std::string off_by, Millis wall_ms);
    // The deck's announcement and whether it is between its from and until at wall_ms (it shows
    // when the screen is on too). Written when that changed.
    void set_announcement(const Deck& deck, bool active, Millis wall_ms);
    // After the first frame is on screen: READY=1 (once).
    void first_frame();
    // Pings the watchdog when its half-interval has passed; the time of the next ping.
    Millis watchdog(Millis now);
    void stopping();

  private:
    void write(Millis wall_ms);
    void write_metrics();
    void trace(Millis wall_ms, std::string_view kind, std::string_view what,
               std::string_view detail = {});

    StatusReport report_;
    StatusFile file_;
    MetricsFile metrics_;
    EventTrace trace_;
    LogOnce trace_errors_;     // a trace that cannot be written is said once
    double slide_changes_ = 0; // since start, a Prometheus counter
    bool up_ = true;
    bool announcement_active_ = false;
    bool ready_ = false;
    Millis watchdog_ms_ = 0; // 0 = no watchdog
    Millis last_ping_ = 0;
};

} // namespace affiche
