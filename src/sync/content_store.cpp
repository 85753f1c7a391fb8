// Crash-safe changes to the content tree: every step is a rename, so a kill leaves no half state.
#include "sync/content_store.hpp"

#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view incoming_prefix = ".incoming-";
constexpr std::string_view trash_prefix = ".trash-";
constexpr std::string_view link_tmp_prefix = ".current.tmp";

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

Diagnostic fs_error(const std::string& path, const std::string& what, const std::error_code& ec) {
    return failure({path, 0, 0}, what + ": " + ec.message());
}

fs::file_time_type mtime_of(const fs::path& p) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    return ec ? fs::file_time_type::min() : t;
}

// Marks a revision as the newest installed one (the order prune and rollback use).
void touch(const std::string& path) {
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
}

} // namespace

bool valid_revision_name(const std::string& r) {
    if (r.empty() || r.size() > 128 || r[0] == '.') return false;
    return std::all_of(r.begin(), r.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '-';
    });
}

ContentStore::ContentStore(std::string root) : root_(std::move(root)) {}

std::string ContentStore::revision_dir(const std::string& revision) const {
    return content_dir() + "/" + revision;
}

Result<Done> ContentStore::prepare() const {
    std::error_code ec;
    fs::create_directories(content_dir(), ec);
    if (ec) return fs_error(content_dir(), "cannot create", ec);
    return Done{};
}

Result<int> ContentStore::remove_leftovers() const {
    int removed = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(content_dir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!starts_with(name, incoming_prefix) && !starts_with(name, trash_prefix)) continue;
        fs::remove_all(entry.path(), ec);
        if (ec) return fs_error(entry.path().string(), "cannot remove a leftover", ec);
        ++removed;
    }
    if (ec) return fs_error(content_dir(), "cannot list", ec);
    for (const auto& entry : fs::directory_iterator(root_, ec)) {
        if (!starts_with(entry.path().filename().string(), link_tmp_prefix)) continue;
        fs::remove(entry.path(), ec);
        if (ec) return fs_error(entry.path().string(), "cannot remove a leftover", ec);
        ++removed;
    }
    if (ec) return fs_error(root_, "cannot list", ec);
    return removed;
}

Result<std::string> ContentStore::make_incoming() const {
    static std::atomic<int> counter{0};
    const std::string dir = content_dir() + "/" + std::string(incoming_prefix) +
                            std::to_string(::getpid()) + "-" + std::to_string(counter++);
    if (::mkdir(dir.c_str(), 0755) != 0) {
        return failure({dir, 0, 0}, std::string("cannot create: ") + std::strerror(errno));
    }
    return dir;
}

std::string ContentStore::current_revision() const {
    std::error_code ec;
    const fs::path target = fs::read_symlink(current_link(), ec);
    if (ec) return "";
    const std::string name = target.filename().string();
    if (target.parent_path().filename() != "content" || !valid_revision_name(name)) return "";
    return has_revision(name) ? name : "";
}

bool ContentStore::has_revision(const std::string& revision) const {
    std::error_code ec;
    return valid_revision_name(revision) &&
           fs::symlink_status(revision_dir(revision), ec).type() == fs::file_type::directory;
}

void ContentStore::mark_newest(const std::string& revision) const {
    touch(revision_dir(revision));
}

Result<Done> ContentStore::install(const std::string& tree, const std::string& revision) const {
    if (!valid_revision_name(revision)) {
        return failure({tree, 0, 0}, "invalid revision name '" + revision + "'");
    }
    std::error_code ec;
    if (has_revision(revision)) { // renamed there only when complete: keep it
        touch(revision_dir(revision));
        return Done{};
    }
    if (auto r = fsync_tree(tree); !r) return r.error();
    fs::rename(tree, revision_dir(revision), ec);
    if (ec) return fs_error(revision_dir(revision), "cannot rename the new revision", ec);
    touch(revision_dir(revision));
    return fsync_path(content_dir());
}

Result<Done> ContentStore::swap_current(const std::string& revision) const {
    const std::string tmp =
        root_ + "/" + std::string(link_tmp_prefix) + "-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove(tmp, ec);
    fs::create_symlink("content/" + revision, tmp, ec);
    if (ec) return fs_error(tmp, "cannot create the new link", ec);
    if (::rename(tmp.c_str(), current_link().c_str()) != 0) {
        const int error = errno;
        fs::remove(tmp, ec);
        return failure({current_link(), 0, 0},
                       std::string("cannot swap the link: ") + std::strerror(error));
    }
    return fsync_path(root_);
}

std::vector<std::string> ContentStore::revisions() const {
    std::vector<std::pair<fs::file_time_type, std::string>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(content_dir(), ec)) {
        const std::string name = entry.path().filename().string();
        if (!valid_revision_name(name) || !entry.is_directory(ec) || entry.is_symlink(ec)) continue;
        found.emplace_back(mtime_of(entry.path()), name);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> names;
    for (auto& f : found)
        names.push_back(std::move(f.second));
    return names;
}

Result<int> ContentStore::prune(int keep) const {
    const std::string live = current_revision();
    const std::vector<std::string> all = revisions();
    int removed = 0;
    for (std::size_t i = static_cast<std::size_t>(std::max(keep, 0)); i < all.size(); ++i) {
        if (all[i] == live) continue;
        const std::string trash = content_dir() + "/" + std::string(trash_prefix) + all[i];
        std::error_code ec;
        fs::rename(revision_dir(all[i]), trash, ec);
        if (!ec) fs::remove_all(trash, ec);
        if (ec) return fs_error(revision_dir(all[i]), "cannot remove an old revision", ec);
        ++removed;
    }
    return removed;
}

Result<std::string> ContentStore::rollback() const {
    const std::string live = current_revision();
    const std::vector<std::string> all = revisions();
    const auto it = std::find(all.begin(), all.end(), live);
    if (live.empty() || it == all.end()) {
        return failure({current_link(), 0, 0}, "no revision on screen to roll back from");
    }
    if (it + 1 == all.end()) {
        return failure({current_link(), 0, 0}, "no older revision kept in " + content_dir());
    }
    if (auto r = swap_current(*(it + 1)); !r) return r.error();
    return *(it + 1);
}

} // namespace affiche
