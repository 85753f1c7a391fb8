// The studio's HTTP(S) server: limits, security headers, the routes, and listening.
#pragma once

#include "studio/studio.hpp"

#include <httplib.h>

#include <memory>
#include <string>

namespace affiche {

// Limits on what a client may send or hold (bytes, seconds, threads).
inline constexpr std::size_t max_request_bytes = std::size_t{48} << 20; // above the image limit
inline constexpr int request_read_seconds = 5; // per read: a trickling client is dropped
inline constexpr int keep_alive_seconds = 5;
inline constexpr int worker_threads = 16;

// The studio speaks French: the checker's messages come from po/fr.po whatever the machine's
// locale. Call once at start, before any message is built.
void init_studio_language();

// True for 127.0.0.0/8, ::1 and "localhost": the only addresses plain HTTP may listen on.
bool is_loopback(const std::string& host);

// A server (HTTPS when the config has a certificate and key) with every route registered. null
// and error set when the certificate cannot be loaded.
std::unique_ptr<httplib::Server> make_server(Studio& studio, std::string& error);

} // namespace affiche
