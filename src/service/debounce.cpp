// Debouncer: the quiet-period arithmetic, saturating instead of overflowing.
#include "service/debounce.hpp"

namespace affiche {

void Debouncer::note(std::int64_t now_ms) {
    last_ms_ = now_ms;
    pending_ = true;
}

std::int64_t Debouncer::deadline() const {
    constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();
    if (!pending_) return never;
    if (last_ms_ > never - quiet_ms_) return never;
    return last_ms_ + quiet_ms_;
}

bool Debouncer::due(std::int64_t now_ms) const {
    return pending_ && now_ms >= deadline();
}

} // namespace affiche
