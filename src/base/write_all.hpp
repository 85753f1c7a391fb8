// write(2) until every byte is out: retried on EINTR and short writes.
#pragma once

#include <cerrno>
#include <cstddef>
#include <unistd.h>

namespace affiche {

// 0 when all size bytes were written, else the errno (ENOSPC when write(2) wrote nothing).
inline int write_all(int fd, const char* data, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::write(fd, data + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : ENOSPC;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

} // namespace affiche
