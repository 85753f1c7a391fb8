// Debouncer: the quiet-period arithmetic, saturating instead of overflowing.
#include "service/debounce.hpp"

namespace affiche {

void Debouncer::note(Millis now_ms) {
    last_ms_ = now_ms;
    pending_ = true;
}

Millis Debouncer::deadline() const {
    if (!pending_) return never;
    if (last_ms_ > never - quiet_ms_) return never;
    return last_ms_ + quiet_ms_;
}

bool Debouncer::due(Millis now_ms) const {
    return pending_ && now_ms >= deadline();
}

} // namespace affiche
