// fsync helpers and the durable write-then-rename of small files.
#include "sync/durable_file.hpp"

#include "base/write_all.hpp"

#include <fcntl.h>
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

} // namespace

Result<Done> fsync_path(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return os_error(path, "cannot open to sync", errno);
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0) return os_error(path, "fsync failed", error);
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

Result<Done> write_file_durably(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return os_error(tmp, "cannot create", errno);
    if (const int error = write_all(fd, text.data(), text.size()); error != 0) {
        ::close(fd);
        ::unlink(tmp.c_str());
        return os_error(tmp, "cannot write", error);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(tmp.c_str());
        return os_error(tmp, "cannot write", error);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(tmp.c_str());
        return os_error(path, "cannot replace", error);
    }
    const std::string folder = fs::path(path).parent_path().string();
    return fsync_path(folder.empty() ? "." : folder);
}

} // namespace affiche
