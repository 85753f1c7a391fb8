// Reading the small files the sync keeps under its own folders (state, digest records) safely.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace affiche {

// The bytes of path, opened O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC and checked with fstat to be a
// regular file of at most max_bytes. nullopt only when it does not exist (ENOENT); a link, a
// folder, a FIFO, a device, no permission or a larger file are errors naming path, whose message
// starts with what (e.g. "cannot read the sync state").
Result<std::optional<std::string>> read_own_file(const std::string& path, std::uint64_t max_bytes,
                                                 const std::string& what);

} // namespace affiche
