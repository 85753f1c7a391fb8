// Reading and durable writing of the sync state file (one "key value" per line).
#include "sync/sync_state.hpp"

#include "base/atomic_file.hpp"
#include "sync/manifest.hpp"
#include "sync/own_file.hpp"

#include <charconv>
#include <set>
#include <sstream>

namespace affiche {

namespace {

constexpr const char* damaged_hint =
    "the screen keeps its deck; to trust the next manifest of any sequence, remove the file";

bool parse_int(const std::string& text, std::int64_t& out) {
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc{} && r.ptr == end && out >= 0;
}

// Values are single-line and short: control characters (newlines, NUL) in an error message become
// spaces, and it is cut at 1000 bytes, so the sync never writes a file it would refuse to read.
std::string one_line(std::string text) {
    if (text.size() > 1000) text.resize(1000);
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    return text;
}

bool apply(SyncState& s, const std::string& key, const std::string& value) {
    if (key == "sequence") return parse_int(value, s.sequence) && s.sequence <= max_sequence;
    if (key == "last_attempt") return parse_int(value, s.last_attempt_unix);
    if (key == "last_success") return parse_int(value, s.last_success_unix);
    if (key == "failures_total") return parse_int(value, s.failures_total);
    if (key == "expires") return parse_int(value, s.expires_unix);
    if (key == "etag_since") return parse_int(value, s.etag_since_unix);
    if (key == "revision")
        s.revision = value;
    else if (key == "etag")
        s.etag = value;
    else if (key == "last_error")
        s.last_error = value;
    else
        return false;
    return true;
}

} // namespace

Result<SyncState> parse_sync_state(std::string_view text, const std::string& path) {
    SyncState state;
    std::set<std::string> seen;
    int number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string line(text.substr(start, end - start));
        start = end + 1;
        ++number;
        if (line.empty()) continue;
        const auto space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        const bool control = line.find_first_of(std::string("\0\r", 2)) != std::string::npos;
        if (control || !seen.insert(key).second || !apply(state, key, value)) {
            return failure({path, number, 1}, "damaged sync state: '" + one_line(line) + "'",
                           damaged_hint);
        }
    }
    if (!seen.count("sequence")) {
        // Every file the sync writes starts with it: an empty or cut file is not a first run.
        return failure({path, 0, 0}, "damaged sync state: it has no 'sequence' line", damaged_hint);
    }
    return state;
}

Result<SyncState> read_sync_state(const std::string& dir) {
    const std::string path = dir + "/" + sync_state_file_name;
    // O_NOFOLLOW: a link planted in the state folder is refused, not followed; O_NONBLOCK: a
    // FIFO cannot hang the pass.
    auto bytes = read_own_file(path, max_sync_state_bytes, "cannot read the sync state");
    if (!bytes) return failure(bytes.error().loc, bytes.error().message, damaged_hint);
    if (!*bytes) return SyncState{}; // first run: only when the file does not exist
    return parse_sync_state(**bytes, path);
}

std::string format_sync_state(const SyncState& s) {
    std::ostringstream out;
    out << "sequence " << s.sequence << '\n'
        << "revision " << one_line(s.revision) << '\n'
        << "etag " << one_line(s.etag) << '\n'
        << "etag_since " << s.etag_since_unix << '\n'
        << "expires " << s.expires_unix << '\n'
        << "last_attempt " << s.last_attempt_unix << '\n'
        << "last_success " << s.last_success_unix << '\n'
        << "failures_total " << s.failures_total << '\n'
        << "last_error " << one_line(s.last_error) << '\n';
    return out.str();
}

Result<Done> write_sync_state(const std::string& dir, const SyncState& s) {
    return write_file_atomically(dir + "/" + sync_state_file_name, format_sync_state(s),
                                 Durability::power_cut);
}

} // namespace affiche
