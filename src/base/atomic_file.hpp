// Replacing a file atomically (temp file, fsync, rename, fsync of its folder), and fsync of paths.
#pragma once

#include "base/result.hpp"

#include <string>
#include <string_view>

namespace affiche {

// How far a replaced file must survive.
enum class Durability {
    power_cut, // data and folder fsynced: the new bytes or the old ones after a power cut
    crash,     // rename only: a reader never sees half a file, but a power cut may lose the
               // update (files in /run, or rewritten every few seconds on an SD card)
};

// Writes bytes to path + ".tmp" (mode 0644 or the given one; whatever was left at that name is
// removed first and the file created afresh with O_EXCL | O_NOFOLLOW | O_NONBLOCK, so a link, FIFO
// or device planted there is never followed, waited on or written into), fsyncs it (power_cut),
// renames it over path, then fsyncs path's folder (power_cut). A reader sees the old file or the
// new one, never half of either. Returns Done, or the Diagnostic at path whose message is the
// system's reason (strerror: "No such file or directory") and whose hint names the step that
// failed; the temporary file is removed on failure. A secret (mode 0600) is never readable by
// others, not even for a moment: the temporary file is created with that mode and set to it again
// (fchmod) before any byte is written.
Result<Done> write_file_atomically(const std::string& path, std::string_view bytes,
                                   Durability durability, unsigned mode = 0644);

// fsync of one file or folder (opened read-only, O_NOFOLLOW). Returns Done, or the Diagnostic
// at path that says which call failed and why.
Result<Done> fsync_path(const std::string& path);

// fsync of every regular file and folder below dir (links are not followed), then dir itself.
// Returns Done, or the Diagnostic of the first path that could not be listed or synced.
Result<Done> fsync_tree(const std::string& dir);

} // namespace affiche
