// The bytes of a deck read once per load: hashed, validated, decode-checked and played as read.
#pragma once

#include "base/file_read.hpp"
#include "deck/content_files.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace affiche {

enum class FileKind { toml, image, font };

// The size limit of each kind (file_read.hpp), in bytes.
std::uint64_t max_bytes_for(FileKind kind);

// One file as read: its bytes, or why they could not be read.
struct SnapshotRead {
    std::shared_ptr<const std::string> bytes; // set when read
    FileProblem problem = FileProblem::none;
    std::string reason; // from file_read.hpp, e.g. "is a FIFO (named pipe), not a regular file"
    bool ok() const { return problem == FileProblem::none; }
};

// Lists the content folder once and reads each file at most once, safely (file_read.hpp).
// Images and fonts stay held in memory up to held_budget bytes in total (the player plays those
// bytes); past it they are checked and hashed, then left on disk as before. TOML bytes are parsed,
// hashed and dropped. Keys are the full paths the loader builds (content_dir + "/images/x.png").
// Not thread-safe: one load uses it, then it is only read.
class ContentSnapshot {
  public:
    static constexpr std::uint64_t default_held_budget = std::uint64_t{64} << 20; // 64 MiB

    explicit ContentSnapshot(std::string content_dir,
                             std::uint64_t held_budget = default_held_budget);

    const std::string& dir() const { return dir_; }
    const ContentListing& listing() const { return listing_; }

    // The file's bytes, read on first use. A held file is never read again.
    SnapshotRead read(const std::string& path, FileKind kind);
    // Makes read(path) give bytes instead of the file's: an edit checked before it is written
    // (the studio). Call before the first read of path.
    void provide(const std::string& path, std::string bytes);
    // Held bytes of path, or nullptr.
    std::shared_ptr<const std::string> held(const std::string& path) const;
    // Digest of the bytes read for path (unreadable_digest() when reading failed).
    std::optional<std::uint64_t> digest(const std::string& path) const;
    std::uint64_t held_total() const { return held_total_; }

  private:
    struct Entry {
        SnapshotRead read; // bytes kept only when held
        std::uint64_t digest = 0;
    };

    std::string dir_;
    ContentListing listing_;
    std::uint64_t held_budget_;
    std::uint64_t held_total_ = 0;
    std::map<std::string, Entry> files_;
};

} // namespace affiche
