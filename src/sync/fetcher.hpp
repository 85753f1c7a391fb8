// Fetching one file by URL (https, http, file) with libcurl: conditional GET, size bound, timeouts.
#pragma once

#include "base/result.hpp"

#include <cstdint>
#include <string>

namespace affiche {

// Network limits of one transfer. Seconds; 0 keeps libcurl's default (no limit).
struct FetchLimits {
    long connect_timeout_s = 15; // DNS + TCP + TLS handshake
    long stall_timeout_s = 30;   // fail when no byte arrives for this long
    long total_timeout_s = 600;  // a whole transfer, even a slow one that never stalls
};

struct FetchRequest {
    std::string url;
    std::string etag;            // sent as If-None-Match when not empty
    std::uint64_t max_bytes = 0; // the body may not be larger (the signed size, or a sanity bound)
    std::string to_file;         // "" = keep the body in memory; else write it to this new file
};

struct FetchReply {
    bool not_modified = false; // 304: the body is empty, the caller's copy is current
    std::string body;          // when to_file is ""
    std::string etag;          // the server's ETag, "" when it sent none
    std::uint64_t body_bytes = 0;
    std::uint64_t header_bytes = 0; // response header bytes, for the fleet benchmark
};

// One transfer. Errors are one line naming the URL and the cause: DNS failure, connection
// refused, timeout, stall, HTTP status, redirect to another scheme, larger than max_bytes.
// Redirects are followed only to http and https, never from or to file://.
Result<FetchReply> fetch(const FetchRequest& request, const FetchLimits& limits);

// The URL of name beside base_url's last '/': sibling_url("https://h/a/manifest", "x.tar") is
// "https://h/a/x.tar".
std::string sibling_url(const std::string& base_url, const std::string& name);

} // namespace affiche
