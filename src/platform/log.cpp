// Plain log lines on stderr; journald adds the time stamp.
#include "platform/log.hpp"

#include <cstdio>

namespace affiche {

void log_line(const std::string& level, const std::string& message) {
    std::fprintf(stderr, "affiche: %s: %s\n", level.c_str(), message.c_str());
    std::fflush(stderr);
}

void log_diagnostic(const Diagnostic& d) {
    std::fprintf(stderr, "affiche: %s\n", format_diagnostic(d).c_str());
    std::fflush(stderr);
}

bool LogOnce::first_time(const std::string& key) {
    if (seen_.size() > 1000) seen_.clear(); // bounded, even with endless distinct messages
    return seen_.insert(key).second;
}

bool LogOnce::warning(const std::string& message) {
    if (!first_time("warning: " + message)) return false;
    log_warning(message);
    return true;
}

bool LogOnce::error(const std::string& message) {
    if (!first_time("error: " + message)) return false;
    log_error(message);
    return true;
}

bool LogOnce::diagnostic(const Diagnostic& d) {
    const std::string line = format_diagnostic(d); // holds the severity: the key and the line
    if (!first_time(line)) return false;
    log_diagnostic(d);
    return true;
}

} // namespace affiche
