// Fetching one file by URL (https, http, file) with libcurl: conditional GET, size bound, timeouts.
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace affiche {

// Network limits of one transfer. Seconds; 0 keeps libcurl's default (no limit).
struct FetchLimits {
    long connect_timeout_s = 15; // DNS + TCP + TLS handshake
    long stall_timeout_s = 30;   // fail when no byte arrives for this long
    long total_timeout_s = 600;  // one whole file, every redirect included, even a slow one
};

// The longest ETag kept (bytes): nginx's are about 16; anything near a kilobyte is abuse.
inline constexpr std::size_t max_etag_bytes = 128;

// True for an entity tag as RFC 9110 writes it (`"..."` or `W/"..."`, visible ASCII but '"'
// inside) of at most max_etag_bytes: the only ETags stored and sent back. `*` is not one.
bool valid_etag(std::string_view etag);

struct FetchRequest {
    std::string url;
    std::string etag;            // sent as If-None-Match when not empty
    std::uint64_t max_bytes = 0; // the body may not be larger (the signed size, or a sanity bound)
    std::string to_file;         // "" = keep the body in memory; else write it to this new file
    // The pass's deadline (steady clock): no transfer runs past it, whatever its own budget.
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    // A PEM file of the authorities trusted for https (sync.toml ca_file, pull --ca): "" = the
    // system's. When set it REPLACES them (CURLOPT_CAINFO, no CAPATH): only certificates signed
    // by one of its authorities are accepted, e.g. the studio's own studio-ca.crt.
    std::string ca_file{};
};

struct FetchReply {
    bool not_modified = false; // 304: the body is empty, the caller's copy is current
    std::string body;          // when to_file is ""
    std::string etag;          // the server's ETag when valid_etag(), else ""
    std::uint64_t body_bytes = 0;
    std::uint64_t header_bytes = 0; // response header bytes, for the fleet benchmark
};

// One transfer. Errors are one line naming the URL and the cause: DNS failure, connection
// refused, timeout, stall, HTTP status, redirect to another scheme, larger than max_bytes, a 304
// to a request that sent no If-None-Match. Redirects are followed only to http and https, never
// from or to file://. A file:// URL is read like the player reads content (regular file only,
// O_NOFOLLOW | O_NONBLOCK, within max_bytes), so a FIFO on a USB stick cannot hang a pass.
// http_status, when given, is set to the last HTTP status received (0: none), on failure too.
Result<FetchReply> fetch(const FetchRequest& request, const FetchLimits& limits,
                         long* http_status = nullptr);

// nullopt when path is a readable regular file holding at least one PEM certificate (at most
// 1 MiB); else why not (one line): a wrong path shows when the settings are read, not as a
// certificate error at every pass.
std::optional<std::string> ca_file_problem(const std::string& path);

// Sets handle's trusted authorities to ca_file only ("" leaves the system's): CURLOPT_CAINFO,
// and no CAPATH, so the system's folder of certificates is not trusted besides it.
void trust_only(void* curl_handle, const std::string& ca_file);

// The URL of name beside base_url's last '/': sibling_url("https://h/a/manifest", "x.tar") is
// "https://h/a/x.tar".
std::string sibling_url(const std::string& base_url, const std::string& name);

} // namespace affiche
