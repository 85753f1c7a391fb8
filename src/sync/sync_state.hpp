// The sync's memory between passes (last accepted sequence, ETag, counters), kept outside content/.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <string>

namespace affiche {

// Times are Unix seconds, 0 = never.
struct SyncState {
    std::int64_t sequence = 0;     // last accepted manifest sequence: a lower one is a replay
    std::string revision;          // the revision that sequence installed
    std::string etag;              // the manifest's ETag when it was accepted
    std::int64_t expires_unix = 0; // that manifest's expiry, to report "stale" after a 304
    std::int64_t last_attempt_unix = 0;
    std::int64_t last_success_unix = 0;
    std::int64_t failures_total = 0; // passes that ended in an error, ever (a Prometheus counter)
    std::string last_error;          // "" after a good pass
};

// Reads dir/sync.state; a missing file is a fresh state. A damaged file is an error (never a
// silent reset, which would accept a replayed old deck).
Result<SyncState> read_sync_state(const std::string& dir);

// Writes dir/sync.state atomically and durably (temporary file, fsync, rename, fsync of dir):
// after a power cut the sequence is the old one or the new one, never lost.
Result<Done> write_sync_state(const std::string& dir, const SyncState& state);

} // namespace affiche
