// Watches a content folder (possibly a symlink swapped by rename) with inotify, for the play loop.
#pragma once

#include <array>
#include <string>

namespace affiche {

// Reports changes to slides/, images/ and fonts/ of a content folder through one non-blocking
// inotify file descriptor that the loop can poll(). Follows atomic deploys: content_dir may be a
// symlink replaced by rename ("ln -s new tmp && mv -T tmp current"), deleted, or not exist yet;
// its parent folder is watched to see that. Subfolders of slides/, images/ and fonts/ are not
// watched (the loader reads them flat). Never throws; holds at most 5 watches.
class ContentWatcher {
  public:
    explicit ContentWatcher(std::string content_dir);
    ~ContentWatcher();
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    // The inotify descriptor (non-blocking, close-on-exec) to poll() for POLLIN; -1 when inotify
    // could not start (poll() ignores a negative fd, and drain() then returns false).
    int fd() const { return fd_; }

    // Reads every pending event without blocking. Returns true if any of them matters for the deck
    // (a file written, moved or deleted, the folder swapped, appearing or vanishing, a queue
    // overflow). Editor leftovers and dotfiles (is_ignored_file_name) do not matter. Re-arms the
    // watches after a swap, deletion or a subfolder appearing.
    bool drain();

  private:
    enum Slot { parent, root, slides, images, fonts, slot_count };

    void arm();
    int slot_of(int wd) const;
    // What one event means: relevant, and whether the watches must follow a new folder.
    void handle(int wd, unsigned mask, const char* name, bool& relevant, bool& rearm) const;

    std::string content_dir_; // as given, resolved again at each arm()
    std::string parent_dir_;  // folder holding content_dir ("" when content_dir is "/")
    std::string base_name_;   // content_dir's last component
    int fd_ = -1;
    std::array<int, slot_count> wds_; // -1 = not watched
};

} // namespace affiche
