// Reading and durable writing of the sync state file (one "key value" per line).
#include "sync/sync_state.hpp"

#include "base/atomic_file.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

namespace affiche {

namespace {

constexpr const char* state_name = "sync.state";

bool parse_int(const std::string& text, std::int64_t& out) {
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, out);
    return r.ec == std::errc{} && r.ptr == end && out >= 0;
}

// Values are single-line: newlines in an error message become spaces.
std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    return text;
}

bool apply(SyncState& s, const std::string& key, const std::string& value) {
    if (key == "sequence") return parse_int(value, s.sequence);
    if (key == "last_attempt") return parse_int(value, s.last_attempt_unix);
    if (key == "last_success") return parse_int(value, s.last_success_unix);
    if (key == "failures_total") return parse_int(value, s.failures_total);
    if (key == "expires") return parse_int(value, s.expires_unix);
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

Result<SyncState> read_sync_state(const std::string& dir) {
    const std::string path = dir + "/" + state_name;
    std::ifstream in(path);
    SyncState state;
    if (!in) return state; // first run
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty()) continue;
        const auto space = line.find(' ');
        const std::string key = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        if (!apply(state, key, value)) {
            return failure({path, number, 1}, "damaged sync state: '" + one_line(line) + "'",
                           "remove the file to trust the next manifest of any sequence");
        }
    }
    return state;
}

Result<Done> write_sync_state(const std::string& dir, const SyncState& s) {
    std::ostringstream out;
    out << "sequence " << s.sequence << '\n'
        << "revision " << one_line(s.revision) << '\n'
        << "etag " << one_line(s.etag) << '\n'
        << "expires " << s.expires_unix << '\n'
        << "last_attempt " << s.last_attempt_unix << '\n'
        << "last_success " << s.last_success_unix << '\n'
        << "failures_total " << s.failures_total << '\n'
        << "last_error " << one_line(s.last_error) << '\n';
    return write_file_atomically(dir + "/" + state_name, out.str(), Durability::power_cut);
}

} // namespace affiche
