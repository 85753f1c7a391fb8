// Watches a content folder (possibly a symlink swapped by rename) with inotify, for the play loop.
#pragma once

#include "base/unique_fd.hpp"

#include <string>
#include <vector>

namespace affiche {

// Reports changes to the files of a deck (content_files.hpp: slides/, images/ and fonts/ with
// their subfolders) through one non-blocking inotify file descriptor that the loop can poll().
// Follows atomic deploys: content_dir may be a symlink replaced by rename ("ln -s new tmp && mv -T
// tmp current"), deleted, or not exist yet; its parent folder is watched to see that. Never
// throws a filesystem error; holds at most max_content_folders + 2 watches.
class ContentWatcher {
  public:
    explicit ContentWatcher(std::string content_dir);
    ContentWatcher(const ContentWatcher&) = delete;
    ContentWatcher& operator=(const ContentWatcher&) = delete;

    // The inotify descriptor (non-blocking, close-on-exec) to poll() for POLLIN; -1 when inotify
    // could not start (poll() ignores a negative fd, and drain() then returns false).
    int fd() const { return fd_.get(); }

    // Reads every pending event without blocking. Returns true if any of them matters for the deck
    // (a file written, moved or deleted, the folder swapped, appearing or vanishing, a queue
    // overflow). Editor leftovers and dotfiles (is_ignored_file_name) do not matter. Re-arms the
    // watches after a swap, a deletion or a folder appearing.
    bool drain();

    // How many folders are watched now (for tests): the parent, the content folder, its folders.
    std::size_t watch_count() const { return watches_.size(); }

  private:
    enum class Role { parent, root, slides, assets }; // assets: images/, fonts/ and subfolders
    struct Watch {
        int wd = -1;
        Role role = Role::assets;
    };

    void arm();
    const Watch* find(int wd) const;
    // What one event means: relevant, and whether the watches must follow a new folder.
    void handle(int wd, unsigned mask, const char* name, bool& relevant, bool& rearm) const;

    std::string content_dir_; // as given, resolved again at each arm()
    std::string parent_dir_;  // folder holding content_dir ("" when content_dir is "/")
    std::string base_name_;   // content_dir's last component
    UniqueFd fd_;
    std::vector<Watch> watches_;
};

} // namespace affiche
