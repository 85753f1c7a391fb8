// Safe reading of content files: stat, open non-blocking, fstat again, read within a size limit.
#include "base/file_read.hpp"

#include "base/i18n.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace affiche {

namespace {

OpenedFile failed(FileProblem problem, std::string reason) {
    OpenedFile f;
    f.problem = problem;
    f.reason = std::move(reason);
    return f;
}

OpenedFile from_errno(int error) {
    switch (error) {
    case ENOENT:
    case ENOTDIR:
        return failed(FileProblem::missing, tr("does not exist"));
    case ENAMETOOLONG: // no file can have that name: as good as missing
        return failed(FileProblem::missing, tr("has a name too long for the file system"));
    case ELOOP:
        return failed(FileProblem::link_loop, tr("is a symbolic link loop"));
    default:
        return failed(FileProblem::unreadable, trf("cannot be read: {1}", {std::strerror(error)}));
    }
}

// Why st is not a file we read, or nullopt-like empty OpenedFile (problem none) when it is.
OpenedFile check_stat(const struct stat& st, std::uint64_t max_bytes) {
    if (S_ISDIR(st.st_mode)) return failed(FileProblem::folder, tr("is a folder, not a file"));
    if (S_ISFIFO(st.st_mode)) {
        return failed(FileProblem::not_regular, tr("is a FIFO (named pipe), not a regular file"));
    }
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) {
        return failed(FileProblem::not_regular, tr("is a device, not a regular file"));
    }
    if (!S_ISREG(st.st_mode)) return failed(FileProblem::not_regular, tr("is not a regular file"));
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        // Just over the limit reads "1 MiB, more than the 1 MiB": give the bytes then.
        std::string shown = format_bytes(size);
        if (shown == format_bytes(max_bytes)) shown = std::to_string(size) + " bytes";
        return failed(FileProblem::too_large,
                      trf("is {1}, more than the {2} allowed", {shown, format_bytes(max_bytes)}));
    }
    OpenedFile ok;
    ok.size = size;
    return ok;
}

} // namespace

OpenedFile open_regular_file(const std::string& path, std::uint64_t max_bytes, Links links) {
    const bool follow = links == Links::follow;
    const auto link_refused = [] {
        return failed(FileProblem::not_regular, tr("is a symbolic link, not a regular file"));
    };
    struct stat st {};
    if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0)
        return from_errno(errno);
    if (S_ISLNK(st.st_mode)) return link_refused();
    if (OpenedFile f = check_stat(st, max_bytes); !f.ok()) return f;
    // O_NONBLOCK: a FIFO swapped in after the stat opens at once instead of waiting for a writer;
    // O_NOFOLLOW: a link swapped in is refused (ELOOP), not followed.
    UniqueFd fd(::open(path.c_str(),
                       O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow ? 0 : O_NOFOLLOW)));
    if (!fd.valid()) return !follow && errno == ELOOP ? link_refused() : from_errno(errno);
    if (::fstat(fd.get(), &st) != 0) return from_errno(errno);
    OpenedFile f = check_stat(st, max_bytes);
    if (f.ok()) f.fd = std::move(fd);
    return f;
}

FileBytes read_regular_file(const std::string& path, std::uint64_t max_bytes) {
    FileBytes out;
    OpenedFile f = open_regular_file(path, max_bytes);
    if (!f.ok()) {
        out.problem = f.problem;
        out.reason = std::move(f.reason);
        return out;
    }
    // Sized from fstat; a file growing meanwhile is read up to the limit and then refused.
    out.bytes.resize(static_cast<std::size_t>(f.size));
    std::size_t got = 0;
    for (;;) {
        if (got == out.bytes.size()) {
            if (out.bytes.size() >= max_bytes) break;
            out.bytes.resize(std::min<std::uint64_t>(max_bytes, out.bytes.size() + 65536) + 1);
        }
        const ssize_t n = ::read(f.fd.get(), out.bytes.data() + got, out.bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            out.problem = FileProblem::unreadable;
            out.reason = trf("cannot be read: {1}", {std::strerror(errno)});
            out.bytes.clear();
            return out;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    out.bytes.resize(got);
    if (got > max_bytes) {
        out.problem = FileProblem::too_large;
        out.reason = trf("grew past the {1} allowed while read", {format_bytes(max_bytes)});
        out.bytes.clear();
    }
    return out;
}

std::string format_bytes(std::uint64_t bytes) {
    constexpr std::uint64_t mib = std::uint64_t{1} << 20;
    constexpr std::uint64_t kib = std::uint64_t{1} << 10;
    char text[48];
    if (bytes >= mib) {
        std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / mib);
    } else if (bytes >= kib) {
        std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(bytes) / kib);
    } else {
        std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    }
    std::string s = text;
    if (s.find(".0 ") != std::string::npos) s.erase(s.find(".0 "), 2); // "1 MiB", not "1.0 MiB"
    return s;
}

} // namespace affiche
