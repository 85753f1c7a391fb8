// The sync's own small files: no link followed, no FIFO waited on, a size bound.
#include "sync/own_file.hpp"

#include "base/unique_fd.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace affiche {

namespace {

std::string type_name(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

} // namespace

Result<std::optional<std::string>> read_own_file(const std::string& path, std::uint64_t max_bytes,
                                                 const std::string& what) {
    const auto error = [&](const std::string& why) {
        return failure({path, 0, 0}, what + ": " + why);
    };
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!fd.valid()) {
        if (errno == ENOENT) return std::optional<std::string>{};
        return error(errno == ELOOP ? "it is a symbolic link" : std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) return error(std::strerror(errno));
    if (!S_ISREG(st.st_mode)) return error("it is " + type_name(st.st_mode));
    std::string bytes;
    char block[4096];
    for (;;) {
        const ssize_t n = ::read(fd.get(), block, sizeof block);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return error(std::strerror(errno));
        if (n == 0) break;
        bytes.append(block, static_cast<std::size_t>(n));
        if (bytes.size() > max_bytes)
            return error("larger than " + std::to_string(max_bytes) + " bytes");
    }
    return std::optional<std::string>{std::move(bytes)};
}

} // namespace affiche
