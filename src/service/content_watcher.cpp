// inotify watches on a content folder, its parent and its three subfolders, re-armed after swaps.
#include "service/content_watcher.hpp"

#include "core/deck_loader.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>

namespace affiche {

namespace {

// The parent only matters for events naming content_dir itself (swap, delete, create).
constexpr unsigned parent_mask = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM |
                                 IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;
// The content folder and its subfolders: anything that can change what the loader reads.
constexpr unsigned content_mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                  IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB |
                                  IN_ONLYDIR;
// Events on a watched folder itself, or on a subfolder entry: the set of watches must change.
constexpr unsigned self_gone = IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT;
constexpr unsigned entry_moved = IN_CREATE | IN_MOVED_TO | IN_DELETE | IN_MOVED_FROM;

constexpr const char* sub_names[] = {"slides", "images", "fonts"};

bool is_sub_name(std::string_view name) {
    for (const char* sub : sub_names)
        if (name == sub) return true;
    return false;
}

} // namespace

ContentWatcher::ContentWatcher(std::string content_dir) : content_dir_(std::move(content_dir)) {
    wds_.fill(-1);
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
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ >= 0) arm();
}

ContentWatcher::~ContentWatcher() {
    if (fd_ >= 0) close(fd_);
}

void ContentWatcher::arm() {
    // Add the new watches first, then drop the old ones that are not reused: adding a watch on an
    // inode already watched returns the same wd, so nothing is missed in between. A folder that
    // vanished since the event just fails to be added.
    std::array<int, slot_count> next;
    next.fill(-1);
    auto add = [&](const std::string& path, unsigned mask) {
        return path.empty() ? -1 : inotify_add_watch(fd_, path.c_str(), mask);
    };
    next[parent] = add(parent_dir_, parent_mask);
    next[root] = add(content_dir_, content_mask); // follows the symlink to today's target
    if (next[root] >= 0) {
        for (int i = 0; i < 3; ++i)
            next[slides + i] = add(content_dir_ + "/" + sub_names[i], content_mask);
    }
    for (int old : wds_) {
        if (old < 0) continue;
        bool kept = false;
        for (int wd : next)
            kept = kept || wd == old;
        if (!kept) inotify_rm_watch(fd_, old); // EINVAL when the kernel already dropped it
    }
    wds_ = next;
}

int ContentWatcher::slot_of(int wd) const {
    for (int i = 0; i < slot_count; ++i)
        if (wds_[static_cast<std::size_t>(i)] == wd && wd >= 0) return i;
    return -1;
}

void ContentWatcher::handle(int wd, unsigned mask, const char* name, bool& relevant,
                            bool& rearm) const {
    if (mask & IN_Q_OVERFLOW) { // events were lost: assume everything changed
        relevant = rearm = true;
        return;
    }
    const int slot = slot_of(wd);
    // A watch already replaced (old target after a swap) still delivers its queued events and
    // its IN_IGNORED: they describe a folder the deck no longer comes from.
    if (slot < 0) return;
    const std::string_view entry = name ? std::string_view(name) : std::string_view();
    if (mask & self_gone) {
        rearm = true;
        // The parent moving away changes nothing yet; the content folder going does.
        if (slot != parent) relevant = true;
        return;
    }
    if (slot == parent) {
        if (entry == base_name_) relevant = rearm = true;
        return;
    }
    if (entry.empty()) { // IN_ATTRIB on a watched folder itself, e.g. a chmod making it readable
        relevant = rearm = true;
        return;
    }
    if (slot == root) {
        // Only the three subfolders count at the top level (a README edit is not a deck change).
        if (!is_sub_name(entry)) return;
        relevant = true;
        if (mask & entry_moved) rearm = true;
        return;
    }
    if (!is_ignored_file_name(std::string(entry))) relevant = true;
}

bool ContentWatcher::drain() {
    if (fd_ < 0) return false;
    bool relevant = false;
    bool rearm = false;
    // Fixed buffer, aligned for inotify_event: memory does not grow with the number of events.
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        const ssize_t n = read(fd_, buffer, sizeof buffer);
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
