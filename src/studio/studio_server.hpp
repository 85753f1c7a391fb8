// The studio's HTTP(S) server: limits, security headers, the routes, and listening.
#pragma once

#include "studio/studio.hpp"

#include <httplib.h>

#include <memory>
#include <string>

namespace affiche {

// Limits on what a client may send or hold (bytes, seconds, threads). docs/studio.md says why.
inline constexpr std::size_t max_request_bytes = std::size_t{48} << 20; // above the image limit
// A request (head and body) must arrive within this many seconds of its first byte...
inline constexpr int request_grace_seconds = 5;
// ...plus one second per this many bytes (48 MiB: 12 min at 64 KiB/s, 5 s on a 100 Mbit/s LAN).
inline constexpr std::size_t request_min_bytes_per_second = 64 * 1024;
// No single read waits longer (within the deadline above).
inline constexpr int request_read_seconds = 5;
// An open connection waits this long for its next request, and serves at most this many.
inline constexpr int keep_alive_seconds = 5;
inline constexpr int keep_alive_max_requests = 100;
// Threads serving connections: a browser holds up to 6 (idle, keep-alive) for 5 s, so several
// editors' browsers, the screens' pulls and a few slow clients all fit.
inline constexpr int worker_threads = 32;

// The studio speaks French: the checker's messages come from po/fr.po whatever the machine's
// locale. Call once at start, before any message is built.
void init_studio_language();

// True for 127.0.0.0/8, ::1 and "localhost": the only addresses plain HTTP may listen on.
bool is_loopback(const std::string& host);

// A server (HTTPS when the config has a certificate and key) with every route registered. null
// and error set when the certificate cannot be loaded.
std::unique_ptr<httplib::Server> make_server(Studio& studio, std::string& error);

} // namespace affiche
