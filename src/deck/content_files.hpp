// Which files belong to a deck: the one answer for the loader, the watcher, the revision and sync.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// A deck is slides/deck.toml and slides/*.toml (flat), plus every file under images/ and fonts/,
// in subfolders too (image = "photos/x.png"). Dotfiles, dot-folders and editor leftovers never
// belong. Subfolders deeper than max_content_depth below images/ or fonts/, and files past
// max_content_files in one of the three folders, are left out (and listed as truncated) so a
// runaway folder costs bounded time, memory and inotify watches.
inline constexpr int max_content_depth = 8;
inline constexpr std::size_t max_content_files = 100000;
inline constexpr std::size_t max_content_folders = 256;

// The three folders of a content folder, in the order the loader reads them.
inline constexpr std::string_view content_folder_names[] = {"slides", "images", "fonts"};

// slides/announcement.toml: the deck's announcement (Deck::announcement), not a slide file. Part
// of the deck like deck.toml: listed, watched, hashed into the revision, published and pulled.
inline constexpr std::string_view announcement_file_name = "announcement.toml";

// Names nobody means as content: dotfiles and editor leftovers ("*~", ".*.swp", "#*#", "4913").
bool is_ignored_file_name(std::string_view name);

// True for file names the loader reads as slide files: "*.toml", not deck.toml, not
// announcement.toml, not ignored.
bool is_slide_file_name(std::string_view name);

// One listing of a content folder, taken once per load.
struct ContentListing {
    bool slides_folder = false; // slides/ exists (as a folder, or a link to one)
    bool deck_file = false;     // slides/deck.toml is listed
    // Relative paths with '/' ("slides/10.toml", "images/photos/x.png"), sorted byte-wise.
    // Regular files and links to regular files only.
    std::vector<std::string> files;
    // Relative folders that can hold deck files ("slides", "images", "images/photos", ...).
    std::vector<std::string> folders;
    bool truncated = false; // a depth, file or folder bound was hit
    // Slide files (slides/*.toml but deck.toml) that are not regular files (nor links to one): a
    // FIFO, device, socket or dangling link. Never read, but named ("slides/x.toml", "is a FIFO
    // ..."), so --check and the status say why the file is not in the deck; sorted by path.
    // (deck.toml, images and fonts are read by name, and that read reports them.)
    struct Skipped {
        std::string path;
        std::string why;
    };
    std::vector<Skipped> skipped;
};

// Lists content_dir; never throws a filesystem error (a folder vanishing mid-way just ends its
// part of the listing). The content folder itself may be a link (atomic deploys swap one).
ContentListing list_content(const std::string& content_dir);

// The files of listing under folder ("images"), relative to it ("photos/x.png"), sorted.
std::vector<std::string_view> files_under(const ContentListing& listing, std::string_view folder);

} // namespace affiche
