// Reading a file:// source (a USB stick, a mounted share) without libcurl: regular files only.
#pragma once

#include "base/result.hpp"
#include "sync/fetcher.hpp"

namespace affiche {

// The file named by a file:// URL (percent-escapes decoded; "file:///p" or "file://localhost/p"),
// opened O_NOFOLLOW | O_NONBLOCK and checked to be a regular file of at most max_bytes, then
// copied into the body or a new to_file (O_EXCL). A FIFO, device, folder or link is refused at
// once, never waited on. Errors are one line naming the URL.
Result<FetchReply> fetch_local_file(const FetchRequest& request);

} // namespace affiche
