// Content changes to a new deck: file events debounced, loaded on the worker, errors logged once,
// and a valid deck kept until the player takes it at a slide boundary.
#pragma once

#include "app/deck_reloader.hpp"
#include "app/service_reporter.hpp"
#include "base/millis.hpp"
#include "platform/log.hpp"
#include "service/content_watcher.hpp"
#include "service/debounce.hpp"

#include <optional>
#include <string>
#include <vector>

namespace affiche {

class ReloadCoordinator {
  public:
    // Reports each finished reload to reporter (status file). quiet_ms: how long the files must
    // stay unchanged before a load starts.
    ReloadCoordinator(std::string content_dir, ServiceReporter& reporter, Millis quiet_ms = 500);

    // Descriptors for the loop's poll(): file events, and a finished load.
    int watcher_fd() const { return watcher_.fd(); }
    int reloader_fd() const { return reloader_.fd(); }
    // SIGHUP: load now, without waiting for the files to settle.
    void request() { requested_ = true; }
    // One loop pass: reads file events when watcher_ready (their fd was readable), starts a
    // load when due, and takes a finished one when reload_ready. True when a valid new deck
    // became pending in this pass.
    bool update(const LoopTime& t, bool watcher_ready, bool reload_ready);
    // When the files will have settled and a load starts (never when nothing changed).
    Millis deadline() const { return debounce_.deadline(); }
    bool pending() const { return pending_.has_value(); }
    // The pending deck, still held here (nullptr when none).
    const DeckReloader::Result* pending_result() const { return pending_ ? &*pending_ : nullptr; }
    // The formatted errors of the last refused load; empty after a valid one.
    const std::vector<std::string>& refused() const { return refused_; }
    // The valid new deck, if any, handed over once.
    std::optional<DeckReloader::Result> take_pending();
    // A problem that stays while the deck plays (a font that would not open): logged once, and
    // again only after a valid reload.
    void log_once(const Diagnostic& d) { log_.diagnostic(d); }

  private:
    bool receive(DeckReloader::Result r, Millis wall);

    std::string content_dir_;
    ServiceReporter& reporter_;
    ContentWatcher watcher_;
    Debouncer debounce_; // ms of quiet after the last file event before reloading
    DeckReloader reloader_;
    LogOnce log_;
    bool requested_ = false;
    std::optional<DeckReloader::Result> pending_; // a valid deck, waiting for a slide boundary
    std::vector<std::string> refused_;
};

} // namespace affiche
