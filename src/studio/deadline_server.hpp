// An httplib server whose every request must arrive in time: a client that trickles bytes is
// dropped after a few seconds instead of holding one of the server's threads (HTTP and TLS).
#pragma once

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

typedef struct ssl_ctx_st SSL_CTX;

namespace affiche {

// How long a request may take to arrive.
struct RequestDeadline {
    // A request's head and body, or a TLS handshake, must be in within this time from its first
    // byte...
    std::chrono::milliseconds grace{5000};
    // ...plus one second per this many bytes received (a large upload on a slow network).
    std::size_t min_bytes_per_second = 64 * 1024;
};

// A TLS context with this certificate chain and key (PEM files); null and error set when they
// cannot be loaded or do not match.
std::shared_ptr<SSL_CTX> load_tls_context(const std::string& cert, const std::string& key,
                                          std::string& error);

// httplib's server, each connection served by its own code: reads bounded by the deadline (no
// read may wait past it, whatever the bytes trickled), TLS when tls is set. Everything else
// (routes, payload limit, keep-alive time and count, read and write timeouts) is httplib's, set
// as usual; a read ends at the read timeout or the deadline, the sooner.
class DeadlineServer : public httplib::Server {
  public:
    explicit DeadlineServer(RequestDeadline deadline, std::shared_ptr<SSL_CTX> tls = nullptr);

  private:
    bool process_and_close_socket(socket_t sock) override;

    RequestDeadline deadline_;
    std::shared_ptr<SSL_CTX> tls_;
};

} // namespace affiche
