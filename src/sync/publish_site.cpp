// The publication folder's files: written atomically, archives never replaced, old ones pruned.
#include "sync/publish_site.hpp"

#include "sync/sha256.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace affiche {

namespace fs = std::filesystem;

namespace {

std::string errno_text() {
    return std::strerror(errno);
}

bool is_archive_name(const std::string& name) {
    return name.starts_with("deck-") && (name.ends_with(".tar.zst") || name.ends_with(".tar.gz"));
}

} // namespace

Result<std::optional<Manifest>> previous_manifest(const std::string& site_dir) {
    const std::string path = site_dir + "/" + std::string(manifest_file_name);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return std::optional<Manifest>{};
    auto m = read_manifest(path);
    if (!m)
        return failure(m.error().loc, m.error().message,
                       "the next sequence number comes from it: fix or remove it");
    return std::optional<Manifest>{std::move(*m)};
}

Result<bool> place_archive(const std::string& temp_path, const std::string& final_path,
                           const std::string& sha256) {
    if (::link(temp_path.c_str(), final_path.c_str()) == 0) {
        ::unlink(temp_path.c_str());
        return false;
    }
    if (errno != EEXIST) return failure({final_path}, "cannot create: " + errno_text());
    auto existing = sha256_file(final_path);
    if (!existing) return existing.error();
    if (*existing != sha256)
        return failure(
            {final_path}, "a different archive of this revision is already published",
            "publish never replaces an archive; remove it by hand only if it is damaged");
    ::unlink(temp_path.c_str());
    ::utimensat(AT_FDCWD, final_path.c_str(), nullptr, 0); // now: the newest for pruning
    return true;
}

Result<std::vector<std::string>> prune_archives(const std::string& site_dir, int keep,
                                                const std::string& current) {
    std::vector<std::string> removed;
    if (keep <= 0) return removed;
    std::vector<std::pair<fs::file_time_type, std::string>> others;
    std::error_code ec;
    for (fs::directory_iterator it(site_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name == current || !is_archive_name(name) || !it->is_regular_file(ec)) continue;
        others.emplace_back(it->last_write_time(ec), name);
    }
    if (ec) return failure({site_dir}, "cannot list: " + ec.message());
    // Newest first; equal times by name so the result does not depend on listing order.
    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second > b.second;
    });
    for (std::size_t i = static_cast<std::size_t>(keep - 1); i < others.size(); ++i) {
        if (::unlink((site_dir + "/" + others[i].second).c_str()) != 0)
            return failure({site_dir + "/" + others[i].second}, "cannot remove: " + errno_text());
        removed.push_back(others[i].second);
    }
    return removed;
}

} // namespace affiche
