// The sync's memory between passes (last accepted sequence, ETag, counters), kept outside content/.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace affiche {

// Times are Unix seconds, 0 = never.
struct SyncState {
    std::int64_t sequence = 0; // last accepted manifest sequence: a lower one is a replay
    std::string revision;      // the revision that sequence installed
    std::string etag;          // the manifest's ETag when it was accepted (valid_etag() or "")
    std::int64_t etag_since_unix = 0; // when the manifest was last fetched without If-None-Match
    std::int64_t expires_unix = 0;    // that manifest's expiry, to report "stale" after a 304
    std::int64_t last_attempt_unix = 0;
    std::int64_t last_success_unix = 0;
    std::int64_t failures_total = 0; // passes that ended in an error, ever (a Prometheus counter)
    std::string last_error;          // "" after a good pass
};

// The file's name inside the state folder.
inline constexpr const char* sync_state_file_name = "sync.state";
// Larger than any state file the sync writes (bytes): a bigger one is not ours.
inline constexpr std::uint64_t max_sync_state_bytes = 64 * 1024;

// Reads dir/sync.state. Only a missing file (ENOENT) is a first run. Anything else that cannot be
// read as a state the sync wrote (a folder, FIFO, device or link in its place, no permission, a
// line that does not parse, a key twice, no `sequence`) is an error: never a silent reset, which
// would accept a replayed old deck. Opened O_NOFOLLOW | O_NONBLOCK and checked to be regular.
Result<SyncState> read_sync_state(const std::string& dir);

// The same from the file's bytes (what the fuzzer feeds); path names it in messages.
Result<SyncState> parse_sync_state(std::string_view text, const std::string& path);

// The file's text: one "key value" line per field, values on one line (control characters
// become spaces, last_error is cut at 1000 bytes): parse_sync_state reads back what this writes.
std::string format_sync_state(const SyncState& state);

// Writes dir/sync.state atomically and durably (temporary file, fsync, rename, fsync of dir):
// after a power cut the sequence is the old one or the new one, never lost.
Result<Done> write_sync_state(const std::string& dir, const SyncState& state);

} // namespace affiche
