// Log lines to stderr (the journal under systemd), and a filter that lets each message out once.
#pragma once

#include "base/error.hpp"

#include <set>
#include <string>

namespace affiche {

// "affiche: LEVEL: message". The message carries no severity of its own.
void log_line(const std::string& level, const std::string& message);
inline void log_info(const std::string& m) {
    log_line("info", m);
}
inline void log_warning(const std::string& m) {
    log_line("warning", m);
}
inline void log_error(const std::string& m) {
    log_line("error", m);
}
// "affiche: path:line:col: error: message (hint)": the diagnostic's own severity, said once.
void log_diagnostic(const Diagnostic& d);

// Remembers what it has logged: a fault that repeats every frame reaches the log once.
class LogOnce {
  public:
    // Logs and returns true the first time message is seen.
    bool warning(const std::string& message);
    bool error(const std::string& message);
    // log_diagnostic the first time this diagnostic (severity, place, message, hint) is seen.
    bool diagnostic(const Diagnostic& d);
    void forget() { seen_.clear(); }

  private:
    bool first_time(const std::string& key);
    std::set<std::string> seen_;
};

} // namespace affiche
