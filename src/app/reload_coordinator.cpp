// From file events to a pending deck, with each error in the files logged once.
#include "app/reload_coordinator.hpp"

namespace affiche {

ReloadCoordinator::ReloadCoordinator(std::string content_dir, ServiceReporter& reporter,
                                     Millis quiet_ms)
    : content_dir_(std::move(content_dir)), reporter_(reporter), watcher_(content_dir_),
      debounce_(quiet_ms) {}

bool ReloadCoordinator::update(const LoopTime& t, bool watcher_ready, bool reload_ready) {
    if (watcher_ready && watcher_.drain()) debounce_.note(t.now);
    if (requested_ || debounce_.due(t.now)) {
        requested_ = false;
        debounce_.clear();
        reloader_.request(content_dir_);
    }
    if (!reload_ready) return false;
    std::optional<DeckReloader::Result> r = reloader_.take();
    return r && receive(std::move(*r), t.wall);
}

bool ReloadCoordinator::receive(DeckReloader::Result r, Millis wall) {
    std::vector<std::string> errors;
    for (const auto& d : r.load.diagnostics) {
        if (d.severity == Severity::note) continue;
        if (d.severity == Severity::error) errors.push_back(format_diagnostic(d));
        log_.diagnostic(d); // a problem that stays in the files is logged once
    }
    if (!r.load.deck) {
        log_error("the changed slides have " + std::to_string(errors.size()) +
                  " error(s); still showing the last good deck");
        refused_ = errors;
        reporter_.reload_done(false, std::move(errors), wall);
        return false;
    }
    log_.forget(); // the files are good again: report the next problem afresh
    log_info("slides changed (revision " + r.revision + "): " +
             std::to_string(r.load.deck->play_order.size()) + " slides, shown from the next slide");
    refused_.clear();
    reporter_.set_pending(r.revision); // validated, waiting to be shown
    reporter_.reload_done(true, {}, wall);
    pending_ = std::move(r);
    return true;
}

std::optional<DeckReloader::Result> ReloadCoordinator::take_pending() {
    std::optional<DeckReloader::Result> out = std::move(pending_);
    pending_.reset();
    return out;
}

} // namespace affiche
