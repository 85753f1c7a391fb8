// inotify watches on a content folder, its parent and every folder of the deck, re-armed after
// swaps.
#include "service/content_watcher.hpp"

#include "deck/content_files.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace affiche {

namespace {

// The parent only matters for events naming content_dir itself (swap, delete, create).
constexpr unsigned parent_mask = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM |
                                 IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
// The content folder and its folders: anything that can change what the loader reads.
constexpr unsigned content_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                  IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB |
                                  IN_ONLYDIR;
// Events on a watched folder itself, or on a subfolder entry: the set of watches must change.
constexpr unsigned self_gone = IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT;
constexpr unsigned entry_moved = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM;

bool is_content_folder_name(std::string_view name) {
    return std::find(std::begin(content_folder_names), std::end(content_folder_names), name) !=
           std::end(content_folder_names);
}

} // namespace

ContentWatcher::ContentWatcher(std::string content_dir) : content_dir_(std::move(content_dir)) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(content_dir_), ec);
    if (ec) p = fs::path(content_dir_);
    p = p.lexically_normal();
    if (p.filename().empty() && p.has_parent_path() && p != p.root_path()) p = p.parent_path();
    if (p != p.root_path()) {
        parent_dir_ = p.parent_path().string();
        base_name_ = p.filename().string();
    }
    content_dir_ = p.string();
    fd_.reset(inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
    if (fd_.valid()) arm();
}

void ContentWatcher::arm() {
    // Add the new watches first, then drop the old ones that are not reused: adding a watch on an
    // inode already watched returns the same wd, so nothing is missed in between. A folder that
    // vanished since the event just fails to be added.
    std::vector<Watch> next;
    auto add = [&](const std::string& path, unsigned mask, Role role) {
        if (path.empty()) return false;
        const int wd = inotify_add_watch(fd_.get(), path.c_str(), mask);
        if (wd >= 0) next.push_back({wd, role});
        return wd >= 0;
    };
    add(parent_dir_, parent_mask, Role::parent);
    if (add(content_dir_, content_mask, Role::root)) { // follows the symlink to today's target
        // The same listing the loader takes (content_files.hpp), so both see the same folders.
        for (const std::string& folder : list_content(content_dir_).folders)
            add(content_dir_ + "/" + folder, content_mask,
                folder == "slides" ? Role::slides : Role::assets);
    }
    for (const Watch& old : watches_) {
        const bool kept =
            std::any_of(next.begin(), next.end(), [&](const Watch& w) { return w.wd == old.wd; });
        if (!kept) inotify_rm_watch(fd_.get(), old.wd); // EINVAL when the kernel already dropped it
    }
    watches_ = std::move(next);
}

const ContentWatcher::Watch* ContentWatcher::find(int wd) const {
    // The first match: a folder watched twice (the root is also a parent) keeps its first role.
    const auto it =
        std::find_if(watches_.begin(), watches_.end(), [&](const Watch& w) { return w.wd == wd; });
    return it == watches_.end() ? nullptr : &*it;
}

void ContentWatcher::handle(int wd, unsigned mask, const char* name, bool& relevant,
                            bool& rearm) const {
    if (mask & IN_Q_OVERFLOW) { // events were lost: assume everything changed
        relevant = rearm = true;
        return;
    }
    const Watch* watch = find(wd);
    // A watch already replaced (old target after a swap) still delivers its queued events and
    // its IN_IGNORED: they describe a folder the deck no longer comes from.
    if (!watch) return;
    const std::string_view entry = name ? std::string_view(name) : std::string_view();
    if (mask & self_gone) {
        rearm = true;
        // The parent moving away changes nothing yet; the content folder going does.
        if (watch->role != Role::parent) relevant = true;
        return;
    }
    if (watch->role == Role::parent) {
        if (entry == base_name_) relevant = rearm = true;
        return;
    }
    if (entry.empty()) { // IN_ATTRIB on a watched folder itself, e.g. a chmod making it readable
        relevant = rearm = true;
        return;
    }
    if (watch->role == Role::root) {
        // Only the three folders count at the top level (a README edit is not a deck change).
        if (!is_content_folder_name(entry)) return;
        relevant = true;
        if (mask & entry_moved) rearm = true;
        return;
    }
    if (is_ignored_file_name(entry)) return;
    if (mask & IN_ISDIR) {
        // slides/ is read flat; a folder in images/ or fonts/ holds deck files.
        if (watch->role == Role::slides) return;
        if (mask & entry_moved) rearm = true;
    }
    relevant = true;
}

bool ContentWatcher::drain() {
    if (!fd_.valid()) return false;
    bool relevant = false;
    bool rearm = false;
    // Fixed buffer, aligned for inotify_event: memory does not grow with the number of events.
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        const ssize_t n = read(fd_.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break; // EAGAIN: nothing more pending
        for (ssize_t at = 0; at + static_cast<ssize_t>(sizeof(inotify_event)) <= n;) {
            inotify_event event;
            std::memcpy(&event, buffer + at, sizeof event);
            const char* name = event.len > 0 ? buffer + at + sizeof(inotify_event) : nullptr;
            handle(event.wd, event.mask, name, relevant, rearm);
            at += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
        }
    }
    // Once per drain, after every queued event has been looked at against the old watches.
    if (rearm) arm();
    return relevant;
}

} // namespace affiche
