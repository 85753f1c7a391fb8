// file:// sources read like the player reads content: no link, no FIFO, no wait, a size bound.
#include "sync/local_fetch.hpp"

#include "base/unique_fd.hpp"
#include "base/write_all.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>

namespace affiche {

namespace {

Diagnostic local_error(const std::string& url, const std::string& message) {
    return failure({url, 0, 0}, message);
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The local path of a file:// URL, or nullopt when it names another host or has a bad escape.
std::optional<std::string> local_path(const std::string& url) {
    std::string rest = url.substr(url.find("://") + 3);
    if (rest.starts_with("localhost/")) rest.erase(0, 9);
    if (rest.empty() || rest[0] != '/') return std::nullopt;
    std::string path;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] != '%') {
            path += rest[i];
            continue;
        }
        const int high = i + 2 < rest.size() ? hex_value(rest[i + 1]) : -1;
        const int low = high >= 0 ? hex_value(rest[i + 2]) : -1;
        if (low < 0 || (high == 0 && low == 0)) return std::nullopt; // %00 would cut the path
        path += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return path;
}

std::string open_problem(int error) {
    switch (error) {
    case ENOENT:
        return "no such file";
    case ELOOP:
        return "is a symbolic link: a source file is read only when it is a regular file";
    default:
        return std::string("cannot open: ") + std::strerror(error);
    }
}

std::string type_problem(const struct stat& st) {
    if (S_ISREG(st.st_mode)) return "";
    if (S_ISDIR(st.st_mode)) return "is a folder, not a file";
    if (S_ISFIFO(st.st_mode)) return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "is a device, not a regular file";
    return "is not a regular file";
}

} // namespace

Result<FetchReply> fetch_local_file(const FetchRequest& request) {
    const auto path = local_path(request.url);
    if (!path) {
        return local_error(request.url,
                           "a file:// URL must name a local path, as in file:///media/usb/site/");
    }
    // O_NONBLOCK: a FIFO opens at once instead of waiting for a writer; fstat then refuses it.
    UniqueFd in(::open(path->c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!in.valid()) return local_error(request.url, open_problem(errno));
    struct stat st {};
    if (::fstat(in.get(), &st) != 0) return local_error(request.url, open_problem(errno));
    if (const std::string why = type_problem(st); !why.empty()) {
        return local_error(request.url, why);
    }
    if (static_cast<std::uint64_t>(st.st_size) > request.max_bytes) {
        return local_error(request.url, "larger than the allowed " +
                                            std::to_string(request.max_bytes) + " bytes");
    }
    FetchReply reply;
    UniqueFd out;
    if (!request.to_file.empty()) {
        out.reset(::open(request.to_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (!out.valid()) {
            return failure({request.to_file, 0, 0},
                           std::string("cannot create: ") + std::strerror(errno));
        }
    }
    std::array<char, std::size_t{64} * 1024> block;
    for (;;) {
        const ssize_t n = ::read(in.get(), block.data(), block.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            return local_error(request.url, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;
        reply.body_bytes += static_cast<std::uint64_t>(n);
        if (reply.body_bytes > request.max_bytes) { // grew while read
            return local_error(request.url, "larger than the allowed " +
                                                std::to_string(request.max_bytes) + " bytes");
        }
        if (!out.valid()) {
            reply.body.append(block.data(), static_cast<std::size_t>(n));
        } else if (const int error =
                       write_all(out.get(), block.data(), static_cast<std::size_t>(n));
                   error != 0) {
            return failure({request.to_file, 0, 0},
                           std::string("cannot write the download: ") + std::strerror(error));
        }
    }
    if (out.valid() && ::close(out.release()) != 0) {
        return failure({request.to_file, 0, 0},
                       std::string("cannot write the download: ") + std::strerror(errno));
    }
    return reply;
}

} // namespace affiche
