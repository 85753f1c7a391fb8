// Safe reading of content files: regular files only, never blocking, within a size limit.
#pragma once

#include "base/unique_fd.hpp"

#include <cstdint>
#include <string>

namespace affiche {

// Largest file of each kind the player reads (bytes); docs/slide-format.md gives the same.
inline constexpr std::uint64_t max_toml_bytes = std::uint64_t{1} << 20;   // 1 MiB
inline constexpr std::uint64_t max_image_bytes = std::uint64_t{50} << 20; // 50 MiB
inline constexpr std::uint64_t max_font_bytes = std::uint64_t{30} << 20;  // 30 MiB

enum class FileProblem {
    none,
    missing,     // no such file (or a dangling link)
    link_loop,   // a symbolic link loop
    folder,      // a folder, not a file
    not_regular, // a FIFO, device or socket
    too_large,   // over the limit for its kind
    unreadable,  // no permission, I/O error
};

// A file opened for reading, or why it was not.
struct OpenedFile {
    UniqueFd fd;
    std::uint64_t size = 0; // bytes, from fstat on the opened descriptor
    FileProblem problem = FileProblem::none;
    std::string reason; // "is a FIFO (named pipe), not a regular file", ... ("" when opened)
    bool ok() const { return problem == FileProblem::none; }
};

// Whether a symbolic link at the path's last component is followed. The player follows them (a
// deck may link its files); the sync does not, in what it installed or downloaded itself.
enum class Links { follow, refuse };

// Opens path when it is (or, with Links::follow, links to) a regular file of at most max_bytes:
// stat first (lstat when refusing links), then open(O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
// and O_NOFOLLOW when refusing links), then fstat the descriptor again, so a FIFO, device or link
// swapped in between cannot block, feed endless bytes or be followed. A refused link is
// FileProblem::not_regular ("is a symbolic link, not a regular file").
OpenedFile open_regular_file(const std::string& path, std::uint64_t max_bytes,
                             Links links = Links::follow);

// The whole file, read through open_regular_file; reason says why not.
struct FileBytes {
    std::string bytes;
    FileProblem problem = FileProblem::none;
    std::string reason;
    bool ok() const { return problem == FileProblem::none; }
};
FileBytes read_regular_file(const std::string& path, std::uint64_t max_bytes);

// "1.5 MiB", "300 bytes": sizes for messages.
std::string format_bytes(std::uint64_t bytes);

} // namespace affiche
