// Writes that survive a power cut: fsync of files, folders and whole trees, atomic replace.
#pragma once

#include "base/result.hpp"

#include <string>

namespace affiche {

// path.tmp written, fsynced, renamed over path, then the folder fsynced.
Result<Done> write_file_durably(const std::string& path, const std::string& text);

// fsync of one file or folder (opened read-only).
Result<Done> fsync_path(const std::string& path);

// fsync of every regular file and folder below dir, and dir itself.
Result<Done> fsync_tree(const std::string& dir);

} // namespace affiche
