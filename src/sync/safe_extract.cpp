// Safe extraction: a header pass that refuses bad archives before anything is written, then a
// write pass under the destination's descriptor that counts every byte as it decompresses.
#include "sync/safe_extract.hpp"

#include "base/unique_fd.hpp"
#include "base/write_all.hpp"

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace affiche {

namespace {

struct ReadDeleter {
    void operator()(archive* a) const { archive_read_free(a); }
};
using ReadArchive = std::unique_ptr<archive, ReadDeleter>;

constexpr std::size_t max_path_bytes = 1024;
constexpr std::size_t max_name_bytes = 255;

Result<ReadArchive> open_archive(const std::string& path) {
    ReadArchive a(archive_read_new());
    archive_read_support_filter_all(a.get());
    archive_read_support_format_tar(a.get()); // ustar, pax and GNU tar; nothing else
    if (archive_read_open_filename(a.get(), path.c_str(), 64 * 1024) != ARCHIVE_OK)
        return failure({path},
                       std::string("cannot open the archive: ") + archive_error_string(a.get()));
    return a;
}

Diagnostic damaged(const std::string& path, archive* a) {
    const char* why = archive_error_string(a);
    return failure({path}, std::string("the archive is truncated or damaged: ") +
                               (why ? why : "unknown error"));
}

// Why an entry's type is refused, or "" for a regular file or folder.
std::string refused_type(archive_entry* e) {
    if (archive_entry_hardlink(e)) return "a hard link";
    if (archive_entry_symlink(e)) return "a symbolic link";
    switch (archive_entry_filetype(e)) {
    case AE_IFREG:
    case AE_IFDIR:
        return "";
    case AE_IFLNK:
        return "a symbolic link";
    case AE_IFCHR:
    case AE_IFBLK:
        return "a device node";
    case AE_IFIFO:
        return "a FIFO (named pipe)";
    case AE_IFSOCK:
        return "a socket";
    default:
        return "not a regular file or folder";
    }
}

// The entry's path as components; "./" prefixes and a trailing "/" are dropped. An empty result
// with no error is the archive's root folder itself.
Result<std::vector<std::string>> split_entry_path(const char* raw, const std::string& archive) {
    if (!raw || !*raw) return failure({archive}, "an entry has no name");
    const std::string name = raw;
    if (name.size() > max_path_bytes)
        return failure({archive}, "entry name longer than 1024 bytes");
    if (name[0] == '/') return failure({archive}, "entry '" + name + "' has an absolute path");
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        const std::string part = name.substr(start, end - start);
        start = end + 1;
        if (part.empty() || (part == "." && parts.empty())) continue;
        if (part == "." || part == "..")
            return failure({archive}, "entry '" + name + "' goes through '" + part + "'");
        if (part.size() > max_name_bytes)
            return failure({archive}, "entry '" + name + "' has a name longer than 255 bytes");
        parts.push_back(part);
    }
    return parts;
}

// Checks one header against the types and limits; adds to the running counts.
Result<Done> check_header(archive_entry* e, const std::string& archive, const ExtractLimits& limits,
                          ExtractReport& seen) {
    const char* raw = archive_entry_pathname(e);
    const std::string name = raw ? raw : "";
    if (const std::string why = refused_type(e); !why.empty())
        return failure({archive}, "entry '" + name + "' is " + why,
                       "a deck holds only regular files and folders");
    auto parts = split_entry_path(raw, archive);
    if (!parts) return parts.error();
    const bool folder = archive_entry_filetype(e) == AE_IFDIR;
    ++(folder ? seen.folders : seen.files);
    if (seen.files + seen.folders > limits.max_entries)
        return failure({archive}, "more than " + std::to_string(limits.max_entries) + " entries");
    const auto size = static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(e)));
    if (!folder && size > limits.max_file_bytes)
        return failure({archive}, "entry '" + name + "' is larger than the " +
                                      std::to_string(limits.max_file_bytes) + "-byte file limit");
    seen.bytes += size;
    if (seen.bytes > limits.max_total_bytes)
        return failure({archive}, "unpacks to more than the " +
                                      std::to_string(limits.max_total_bytes) + "-byte limit");
    return Done{};
}

// Pass 1: every header checked, data skipped; nothing is written.
Result<Done> check_all_headers(const std::string& path, const ExtractLimits& limits) {
    auto a = open_archive(path);
    if (!a) return a.error();
    ExtractReport seen;
    archive_entry* e = nullptr;
    for (;;) {
        const int r = archive_read_next_header(a->get(), &e);
        if (r == ARCHIVE_EOF) return Done{};
        if (r != ARCHIVE_OK) return damaged(path, a->get());
        if (auto ok = check_header(e, path, limits, seen); !ok) return ok.error();
        if (archive_read_data_skip(a->get()) != ARCHIVE_OK) return damaged(path, a->get());
    }
}

std::string write_error(int err) {
    if (err == ENOSPC || err == EDQUOT) return "the disk is full";
    if (err == EFBIG) return "a file is larger than this system allows (file size limit)";
    return std::strerror(err);
}

class Writer {
  public:
    Writer(int root, const std::string& archive, const ExtractLimits& limits)
        : root_(root), archive_(archive), limits_(limits) {}

    Result<Done> entry(archive* a, archive_entry* e);
    Result<Done> sync_folders();
    const ExtractReport& report() const { return report_; }

  private:
    Result<UniqueFd> open_folder(const std::vector<std::string>& parts, std::size_t count,
                                 bool create);
    Result<Done> copy_data(archive* a, int fd, const std::string& name, std::uint64_t size);

    int root_;
    const std::string& archive_;
    const ExtractLimits& limits_;
    ExtractReport report_;
    std::vector<std::vector<std::string>> created_; // folders made here, for the final fsync
};

Result<UniqueFd> Writer::open_folder(const std::vector<std::string>& parts, std::size_t count,
                                     bool create) {
    UniqueFd current(::dup(root_));
    for (std::size_t i = 0; i < count; ++i) {
        const char* part = parts[i].c_str();
        constexpr int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
        int fd = ::openat(current.get(), part, flags);
        if (fd < 0 && errno == ENOENT && create) {
            if (++report_.folders + report_.files > limits_.max_entries)
                return failure({archive_},
                               "more than " + std::to_string(limits_.max_entries) + " entries");
            if (::mkdirat(current.get(), part, 0755) != 0)
                return failure({archive_},
                               "cannot create folder '" + parts[i] + "': " + write_error(errno));
            created_.emplace_back(parts.begin(), parts.begin() + static_cast<long>(i) + 1);
            fd = ::openat(current.get(), part, flags);
            if (fd >= 0) ::fchmod(fd, 0755); // whatever the umask
        }
        if (fd < 0)
            return failure({archive_}, "cannot open folder '" + parts[i] + "': " +
                                           (errno == ELOOP || errno == ENOTDIR
                                                ? std::string("it is a link or a file")
                                                : write_error(errno)));
        current.reset(fd);
    }
    return current;
}

// size: the entry's size from its header (already within the limits). A sparse entry's data
// ends at its last data block: its trailing hole is written as the file's length, so the file
// is installed with its full size (archive_read_data fills the holes before that with zeros).
Result<Done> Writer::copy_data(archive* a, int fd, const std::string& name, std::uint64_t size) {
    std::uint64_t file_bytes = 0;
    char block[64 * 1024];
    for (;;) {
        const la_ssize_t n = archive_read_data(a, block, sizeof block);
        if (n == 0) {
            if (file_bytes >= size) return Done{};
            report_.bytes += size - file_bytes;
            if (report_.bytes > limits_.max_total_bytes)
                return failure({archive_}, "entry '" + name + "' unpacks past the size limit");
            if (::ftruncate(fd, static_cast<off_t>(size)) != 0)
                return failure({archive_}, "cannot write '" + name + "': " + write_error(errno));
            return Done{};
        }
        if (n < 0) return damaged(archive_, a);
        // Counted as it decompresses, so a bomb stops here whatever its header said.
        file_bytes += static_cast<std::uint64_t>(n);
        report_.bytes += static_cast<std::uint64_t>(n);
        if (file_bytes > limits_.max_file_bytes || report_.bytes > limits_.max_total_bytes)
            return failure({archive_}, "entry '" + name + "' unpacks past the size limit");
        if (std::chrono::steady_clock::now() >= limits_.deadline)
            return failure({archive_}, "timed out: the pass's deadline passed while unpacking");
        if (const int error = write_all(fd, block, static_cast<std::size_t>(n)); error != 0)
            return failure({archive_}, "cannot write '" + name + "': " + write_error(error));
    }
}

Result<Done> Writer::entry(archive* a, archive_entry* e) {
    const std::string name = archive_entry_pathname(e);
    auto parts = split_entry_path(name.c_str(), archive_);
    if (!parts) return parts.error();
    if (archive_entry_filetype(e) == AE_IFDIR) {
        auto folder = open_folder(*parts, parts->size(), true);
        if (!folder) return folder.error();
        return Done{};
    }
    if (parts->empty()) return failure({archive_}, "a file entry names the root folder");
    auto parent = open_folder(*parts, parts->size() - 1, true);
    if (!parent) return parent.error();
    if (++report_.files + report_.folders > limits_.max_entries)
        return failure({archive_}, "more than " + std::to_string(limits_.max_entries) + " entries");
    UniqueFd fd(::openat(parent->get(), parts->back().c_str(),
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (!fd.valid())
        return failure({archive_}, "cannot create '" + name + "': " +
                                       (errno == EEXIST ? std::string("it appears twice")
                                                        : write_error(errno)));
    ::fchmod(fd.get(), 0644);
    const auto size = static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_entry_size(e)));
    if (auto ok = copy_data(a, fd.get(), name, size); !ok) return ok.error();
    if (::fsync(fd.get()) != 0)
        return failure({archive_}, "cannot write '" + name + "': " + write_error(errno));
    return Done{};
}

Result<Done> Writer::sync_folders() {
    // Deepest first, the destination last: each folder's entries are durable before its parent's.
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
        auto fd = open_folder(*it, it->size(), false);
        if (!fd) return fd.error();
        if (::fsync(fd->get()) != 0)
            return failure({archive_}, "cannot sync a folder: " + write_error(errno));
    }
    if (::fsync(root_) != 0)
        return failure({archive_}, "cannot sync the destination: " + write_error(errno));
    return Done{};
}

} // namespace

Result<ExtractReport> extract_archive(const std::string& archive_path, const std::string& dest_dir,
                                      const ExtractLimits& limits) {
    UniqueFd root(::open(dest_dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!root.valid())
        return failure({dest_dir}, "cannot open the destination folder: " + write_error(errno));
    std::error_code ec;
    if (!std::filesystem::is_empty(dest_dir, ec) || ec)
        return failure({dest_dir}, "the destination folder is not empty");
    if (auto ok = check_all_headers(archive_path, limits); !ok) return ok.error();
    auto a = open_archive(archive_path);
    if (!a) return a.error();
    Writer writer(root.get(), archive_path, limits);
    archive_entry* e = nullptr;
    for (;;) {
        const int r = archive_read_next_header(a->get(), &e);
        if (r == ARCHIVE_EOF) break;
        if (r != ARCHIVE_OK) return damaged(archive_path, a->get());
        // The file may have changed since pass 1: every check runs again.
        ExtractReport unused;
        if (auto ok = check_header(e, archive_path, limits, unused); !ok) return ok.error();
        if (auto ok = writer.entry(a->get(), e); !ok) return ok.error();
    }
    if (auto ok = writer.sync_folders(); !ok) return ok.error();
    return writer.report();
}

} // namespace affiche
