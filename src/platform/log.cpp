// Plain log lines on stderr; journald adds the time stamp.
#include "platform/log.hpp"

#include <cstdio>

namespace affiche {

void log_line(const std::string& level, const std::string& message) {
    std::fprintf(stderr, "affiche: %s: %s\n", level.c_str(), message.c_str());
    std::fflush(stderr);
}

bool LogOnce::once(const std::string& level, const std::string& message) {
    if (seen_.size() > 1000) seen_.clear(); // bounded, even with endless distinct messages
    if (!seen_.insert(message).second) return false;
    log_line(level, message);
    return true;
}

bool LogOnce::warning(const std::string& message) {
    return once("warning", message);
}
bool LogOnce::error(const std::string& message) {
    return once("error", message);
}

} // namespace affiche
