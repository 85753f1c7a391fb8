// The one write-to-temp-then-rename of the three programs, and the fsync helpers it uses.
#include "base/atomic_file.hpp"

#include "base/unique_fd.hpp"
#include "base/write_all.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

namespace {

Diagnostic os_error(const std::string& path, const std::string& what, int error) {
    return failure({path, 0, 0}, what + ": " + std::strerror(error));
}

// The failure of one step of write_file_atomically; the temporary file is gone afterwards.
Diagnostic step_failed(const std::string& path, const std::string& tmp, int error,
                       const std::string& step) {
    ::unlink(tmp.c_str());
    return failure({path, 0, 0}, std::strerror(error), step);
}

} // namespace

Result<Done> fsync_path(const std::string& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd.valid()) return os_error(path, "cannot open to sync", errno);
    if (::fsync(fd.get()) != 0) return os_error(path, "fsync failed", errno);
    return Done{};
}

Result<Done> fsync_tree(const std::string& dir) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, ec), end;
    if (ec) return failure({dir, 0, 0}, "cannot list: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) return failure({dir, 0, 0}, "cannot list: " + ec.message());
        const auto type = it->symlink_status(ec).type();
        if (type != fs::file_type::regular && type != fs::file_type::directory) continue;
        if (auto r = fsync_path(it->path().string()); !r) return r.error();
    }
    return fsync_path(dir);
}

Result<Done> write_file_atomically(const std::string& path, std::string_view bytes,
                                   Durability durability, unsigned mode) {
    const std::string tmp = path + ".tmp";
    // The temporary name is ours: whatever is left there (a file from a killed run, a link, a
    // FIFO) is removed, and the file is created afresh (O_EXCL, no link followed), so a FIFO
    // planted there can neither block the open nor receive the bytes. A folder there stays (unlink
    // fails) and O_EXCL then refuses: an error, never a wait.
    ::unlink(tmp.c_str());
    const int fd =
        ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK,
               static_cast<mode_t>(mode));
    if (fd < 0) return failure({path, 0, 0}, std::strerror(errno), "creating " + tmp);
    // The mode asked for exactly (the umask may have narrowed it), before any byte is written.
    if (mode != 0644 && ::fchmod(fd, static_cast<mode_t>(mode)) != 0) {
        const int error = errno;
        ::close(fd);
        return step_failed(path, tmp, error, "fchmod of " + tmp);
    }
    if (const int error = write_all(fd, bytes.data(), bytes.size()); error != 0) {
        ::close(fd);
        return step_failed(path, tmp, error, "writing " + tmp);
    }
    if (durability == Durability::power_cut && ::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        return step_failed(path, tmp, error, "fsync of " + tmp);
    }
    // close() can report a delayed write error (NFS, full disk): a file that did not make it.
    if (::close(fd) != 0 && errno != EINTR) return step_failed(path, tmp, errno, "closing " + tmp);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        return step_failed(path, tmp, errno, "renaming " + tmp + " over it");
    if (durability == Durability::crash) return Done{};
    const std::string folder = fs::path(path).parent_path().string();
    return fsync_path(folder.empty() ? "." : folder);
}

} // namespace affiche
