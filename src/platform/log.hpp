// Log lines to stderr (the journal under systemd), and a filter that lets each message out once.
#pragma once

#include <set>
#include <string>

namespace affiche {

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

// Remembers what it has logged: a fault that repeats every frame reaches the log once.
class LogOnce {
  public:
    // Logs and returns true the first time message is seen.
    bool warning(const std::string& message);
    bool error(const std::string& message);
    void forget() { seen_.clear(); }

  private:
    bool once(const std::string& level, const std::string& message);
    std::set<std::string> seen_;
};

} // namespace affiche
