// JSON rendering of the status report and its atomic write-and-rename to disk.
#include "service/status_file.hpp"

#include "base/atomic_file.hpp"
#include "base/utc_time.hpp"
#include "base/utf8.hpp"

#include <cstdio>

namespace affiche {

namespace {

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    // Decoding turns each invalid byte sequence into U+FFFD: the output stays valid UTF-8.
    for (const char32_t cp : decode_utf8(text)) {
        if (cp == '"') {
            out += "\\\"";
        } else if (cp == '\\') {
            out += "\\\\";
        } else if (cp < 0x20 || cp == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(cp));
            out += escape;
        } else {
            append_utf8(out, cp);
        }
    }
    out += '"';
}

std::string json_string(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

std::string json_time(std::int64_t unix_s) {
    return unix_s == 0 ? "null" : json_string(format_utc(unix_s));
}

// "[]" when empty, else one string per line, indented for the given depth.
std::string json_string_array(const std::vector<std::string>& items, int depth) {
    if (items.empty()) return "[]";
    const std::string inner(static_cast<std::size_t>(2 * (depth + 1)), ' ');
    std::string out = "[\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += inner;
        append_json_string(out, items[i]);
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<std::size_t>(2 * depth), ' ') + "]";
    return out;
}

} // namespace

std::string to_json(const StatusReport& r) {
    const std::int64_t uptime =
        r.started_unix > 0 && r.now_unix > r.started_unix ? r.now_unix - r.started_unix : 0;
    std::string j = "{\n";
    auto field = [&j](const char* key, const std::string& json_value, bool last = false) {
        j += "  \"";
        j += key;
        j += "\": ";
        j += json_value;
        j += last ? "\n" : ",\n";
    };
    field("version", json_string(r.version));
    field("content_dir", json_string(r.content_dir));
    field("revision", json_string(r.revision));
    field("pending_revision",
          r.pending_revision.empty() ? "null" : json_string(r.pending_revision));
    field("started", json_time(r.started_unix));
    field("now", json_time(r.now_unix));
    field("uptime_s", std::to_string(uptime));
    field("renderer", json_string(r.renderer));
    field("renderer_reason", json_string(r.renderer_reason));
    field("width", std::to_string(r.width));
    field("height", std::to_string(r.height));
    field("slide_id", json_string(r.slide_id));
    field("slide_index", std::to_string(r.slide_index));
    field("slide_count", std::to_string(r.slide_count));
    field("slide_since", json_time(r.slide_since_unix));
    std::string screen = "{\n";
    screen += std::string("    \"on\": ") + (r.screen.on ? "true" : "false") + ",\n";
    screen += "    \"reason\": " + json_string(r.screen.reason) + ",\n";
    screen += "    \"next_change\": " + json_time(r.screen.next_change_unix) + ",\n";
    screen += "    \"off_by\": " + json_string(r.screen.off_by) + "\n  }";
    field("screen", screen);
    std::string reload = "{\n";
    reload += "    \"at\": " + json_time(r.last_reload.at_unix) + ",\n";
    reload += std::string("    \"ok\": ") + (r.last_reload.ok ? "true" : "false") + ",\n";
    reload += "    \"errors\": " + json_string_array(r.last_reload.errors, 2) + "\n";
    reload += "  }";
    field("last_reload", reload);
    field("problems", json_string_array(r.problems, 1), true);
    j += "}\n";
    return j;
}

StatusFile::StatusFile(std::string path) : path_(std::move(path)) {}

bool StatusFile::write(const StatusReport& report) {
    if (!enabled()) return true;
    return write_text(to_json(report));
}

bool StatusFile::write_text(const std::string& text) {
    if (!enabled()) return true;
    // No fsync: see the class comment.
    if (auto written = write_file_atomically(path_, text, Durability::crash); !written) {
        // Logged as "<path>: <reason>"; the set holds few entries (one per distinct reason).
        const std::string message = written.error().loc.path + ": " + written.error().message;
        if (logged_.insert(message).second) {
            std::fprintf(stderr, "affiche: error: %s\n", message.c_str());
            std::fflush(stderr);
        }
        return false;
    }
    if (!logged_.empty()) {
        logged_.clear(); // a later failure is news again
        std::fprintf(stderr, "affiche: info: status file writable again\n");
        std::fflush(stderr);
    }
    return true;
}

} // namespace affiche
