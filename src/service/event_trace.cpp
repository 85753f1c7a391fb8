// Appending the player's events to the trace file, one write per line.
#include "service/event_trace.hpp"

#include "base/write_all.hpp"

#include <fcntl.h>

#include <cerrno>
#include <cstring>

namespace affiche {

EventTrace::EventTrace(const std::string& path) : path_(path) {
    if (path_.empty()) return;
    fd_.reset(::open(path_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
    if (!fd_.valid()) open_errno_ = errno;
}

Result<Done> EventTrace::record(Millis wall_ms, std::string_view kind, std::string_view what,
                                std::string_view detail) {
    if (path_.empty()) return Done{};
    if (!fd_.valid()) return failure({path_, 0, 0}, std::strerror(open_errno_));
    std::string line = std::to_string(wall_ms);
    line.append(" ").append(kind).append(" ").append(what);
    if (!detail.empty()) line.append(" ").append(detail);
    line += '\n';
    if (const int e = write_all(fd_.get(), line.data(), line.size())) {
        return failure({path_, 0, 0}, std::strerror(e));
    }
    return Done{};
}

} // namespace affiche
