// The status report as JSON (base/json_writer) and its atomic replace on disk, errors logged once.
#include "service/status_file.hpp"

#include "base/atomic_file.hpp"
#include "base/json_writer.hpp"

#include <cstdio>

namespace affiche {

std::string to_json(const StatusReport& r) {
    const std::int64_t uptime =
        r.started_unix > 0 && r.now_unix > r.started_unix ? r.now_unix - r.started_unix : 0;
    JsonWriter j;
    j.begin_object();
    j.key("version").string(r.version);
    j.key("content_dir").string(r.content_dir);
    j.key("revision").string(r.revision);
    j.key("pending_revision").string_or_null(r.pending_revision);
    j.key("started").utc_or_null(r.started_unix);
    j.key("now").utc_or_null(r.now_unix);
    j.key("uptime_s").number(uptime);
    j.key("renderer").string(r.renderer);
    j.key("renderer_reason").string(r.renderer_reason);
    j.key("width").number(r.width);
    j.key("height").number(r.height);
    j.key("slide_id").string(r.slide_id);
    j.key("slide_index").number(r.slide_index);
    j.key("slide_count").number(r.slide_count);
    j.key("slide_since").utc_or_null(r.slide_since_unix);
    j.key("screen").begin_object();
    j.key("on").boolean(r.screen.on);
    j.key("reason").string(r.screen.reason);
    j.key("next_change").utc_or_null(r.screen.next_change_unix);
    j.key("off_by").string(r.screen.off_by);
    j.end_object();
    j.key("last_reload").begin_object();
    j.key("at").utc_or_null(r.last_reload.at_unix);
    j.key("ok").boolean(r.last_reload.ok);
    j.key("errors").strings(r.last_reload.errors);
    j.end_object();
    j.key("problems").strings(r.problems);
    j.key("announcement");
    if (r.announcement.present) {
        j.begin_object();
        j.key("text").string(r.announcement.text);
        j.key("from").string_or_null(r.announcement.from);
        j.key("until").string(r.announcement.until);
        j.key("style").string(r.announcement.style);
        j.key("showing").boolean(r.announcement.showing);
        j.end_object();
    } else {
        j.null();
    }
    j.end_object();
    return j.finish();
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
