// The bytes of a deck read once per load.
#include "deck/content_snapshot.hpp"

#include "base/file_digest.hpp"

namespace affiche {

std::uint64_t max_bytes_for(FileKind kind) {
    switch (kind) {
    case FileKind::toml:
        return max_toml_bytes;
    case FileKind::image:
        return max_image_bytes;
    case FileKind::font:
        return max_font_bytes;
    }
    return max_toml_bytes;
}

ContentSnapshot::ContentSnapshot(std::string content_dir, std::uint64_t held_budget)
    : dir_(std::move(content_dir)), listing_(list_content(dir_)), held_budget_(held_budget) {}

SnapshotRead ContentSnapshot::read(const std::string& path, FileKind kind) {
    const auto known = files_.find(path);
    if (known != files_.end() && (known->second.read.bytes || !known->second.read.ok())) {
        return known->second.read;
    }
    FileBytes file = read_regular_file(path, max_bytes_for(kind));
    SnapshotRead out;
    out.problem = file.problem;
    out.reason = std::move(file.reason);
    const std::uint64_t digest = out.ok() ? digest_of(file.bytes) : unreadable_digest();
    if (out.ok()) out.bytes = std::make_shared<const std::string>(std::move(file.bytes));
    // Read again (past the budget): the first reading's digest stands for the revision.
    if (known != files_.end()) return out;
    Entry entry{out, digest};
    const std::uint64_t size = out.bytes ? out.bytes->size() : 0;
    if (kind != FileKind::toml && held_total_ + size <= held_budget_) {
        held_total_ += size;
    } else {
        entry.read.bytes.reset();
    }
    files_.emplace(path, std::move(entry));
    return out;
}

void ContentSnapshot::provide(const std::string& path, std::string bytes) {
    const std::uint64_t digest = digest_of(bytes);
    SnapshotRead read;
    read.bytes = std::make_shared<const std::string>(std::move(bytes));
    files_.insert_or_assign(path, Entry{std::move(read), digest});
}

std::shared_ptr<const std::string> ContentSnapshot::held(const std::string& path) const {
    const auto it = files_.find(path);
    return it == files_.end() ? nullptr : it->second.read.bytes;
}

std::optional<std::uint64_t> ContentSnapshot::digest(const std::string& path) const {
    const auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second.digest;
}

} // namespace affiche
