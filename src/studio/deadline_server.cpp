// Serving a connection with a deadline on every request: httplib's own loop reads with a timeout
// per read only, so one byte a second would hold a thread for ever. Here the socket is
// non-blocking, every wait is a poll() bounded by the request's deadline.
#include "studio/deadline_server.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <functional>

namespace affiche {

namespace {

using Clock = std::chrono::steady_clock;

// Waits until fd is ready for events, at most until `until`. False on timeout or error.
bool wait_ready(int fd, short events, Clock::time_point until) {
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (left <= 0) return false;
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000 * 60)));
        if (n > 0) return (p.revents & (events | POLLHUP | POLLERR)) != 0;
        if (n < 0 && errno != EINTR) return false;
    }
}

// The host and port of a socket address, numeric ("192.168.1.20", "::1").
void address_of(const sockaddr_storage& address, socklen_t size, std::string& ip, int& port) {
    std::array<char, NI_MAXHOST> host{};
    std::array<char, NI_MAXSERV> service{};
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), size, host.data(), host.size(),
                      service.data(), service.size(), NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host.data();
        port = std::atoi(service.data());
    }
}

// One connection, plain or TLS, read through a buffer; every read ends by the request's deadline.
class DeadlineStream final : public httplib::Stream {
  public:
    DeadlineStream(int fd, SSL* ssl, const RequestDeadline& deadline,
                   std::chrono::seconds read_timeout, std::chrono::seconds write_timeout)
        : fd_(fd), ssl_(ssl), deadline_(deadline), read_timeout_(read_timeout),
          write_timeout_(write_timeout) {}

    // A new request starts: its deadline counts from now.
    void start_request() {
        start_ = Clock::now();
        received_ = 0;
    }

    // The time by which what was received so far must be followed by the rest.
    Clock::time_point deadline() const {
        const auto allowance = std::chrono::milliseconds(
            received_ * 1000 / std::max<std::size_t>(deadline_.min_bytes_per_second, 1));
        return start_ + deadline_.grace + allowance;
    }

    // Whether a request's first bytes come within idle while running() holds.
    bool wait_for_request(std::chrono::seconds idle, const std::function<bool()>& running) const {
        if (buffered()) return true;
        const auto until = Clock::now() + idle;
        while (running()) {
            const auto slice = std::min(until, Clock::now() + std::chrono::milliseconds(100));
            if (wait_ready(fd_, POLLIN, slice)) return true;
            if (Clock::now() >= until) return false;
        }
        return false;
    }

    // The TLS handshake, by the deadline of a request started now.
    bool handshake() {
        start_request();
        for (;;) {
            ERR_clear_error(); // SSL_get_error reads the thread's queue: empty it first
            const int r = SSL_accept(ssl_);
            if (r == 1) return true;
            if (!wait_tls(SSL_get_error(ssl_, r), deadline())) return false;
        }
    }

    bool is_readable() const override { return buffered() || wait_ready(fd_, POLLIN, deadline()); }
    bool is_writable() const override {
        return wait_ready(fd_, POLLOUT, Clock::now() + write_timeout_);
    }

    ssize_t read(char* ptr, size_t size) override {
        if (begin_ == end_) {
            const ssize_t n = fill();
            if (n <= 0) return n;
        }
        const std::size_t n = std::min(size, end_ - begin_);
        std::memcpy(ptr, buffer_.data() + begin_, n);
        begin_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        const auto until = Clock::now() + write_timeout_;
        for (;;) {
            if (ssl_) {
                const int n =
                    SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 20)));
                if (n > 0) return n;
                if (!wait_tls(SSL_get_error(ssl_, n), until)) return -1;
            } else {
                const ssize_t n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
                if (n >= 0) return n;
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
                if (!wait_ready(fd_, POLLOUT, until)) return -1;
            }
        }
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t size = sizeof address;
        if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0)
            address_of(address, size, ip, port);
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        sockaddr_storage address{};
        socklen_t size = sizeof address;
        if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size) == 0)
            address_of(address, size, ip, port);
    }
    socket_t socket() const override { return fd_; }

  private:
    bool buffered() const { return begin_ < end_ || (ssl_ && SSL_pending(ssl_) > 0); }

    // Waits for what TLS asked for (more bytes in, or room to send) until `until`.
    bool wait_tls(int error, Clock::time_point until) const {
        if (error == SSL_ERROR_WANT_READ) return wait_ready(fd_, POLLIN, until);
        if (error == SSL_ERROR_WANT_WRITE) return wait_ready(fd_, POLLOUT, until);
        return false;
    }

    // Reads what has come into the buffer: its size, 0 at the end, -1 on an error, when the
    // deadline passed or nothing came for the read timeout.
    ssize_t fill() {
        begin_ = end_ = 0;
        const auto until = std::min(deadline(), Clock::now() + read_timeout_);
        for (;;) {
            if (Clock::now() >= until) return -1;
            if (ssl_) {
                ERR_clear_error();
                const int n = SSL_read(ssl_, buffer_.data(), static_cast<int>(buffer_.size()));
                if (n > 0) return filled(static_cast<std::size_t>(n));
                const int error = SSL_get_error(ssl_, n);
                if (error == SSL_ERROR_ZERO_RETURN) return 0;
                if (!wait_tls(error, until)) return -1;
            } else {
                const ssize_t n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
                if (n >= 0) return filled(static_cast<std::size_t>(n));
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1;
                if (!wait_ready(fd_, POLLIN, until)) return -1;
            }
        }
    }
    ssize_t filled(std::size_t n) {
        end_ = n;
        received_ += n;
        return static_cast<ssize_t>(n);
    }

    int fd_;
    SSL* ssl_;
    RequestDeadline deadline_;
    std::chrono::seconds read_timeout_;
    std::chrono::seconds write_timeout_;
    Clock::time_point start_ = Clock::now();
    std::size_t received_ = 0;
    std::array<char, 16 * 1024> buffer_{};
    std::size_t begin_ = 0, end_ = 0;
};

} // namespace

std::shared_ptr<SSL_CTX> load_tls_context(const std::string& cert, const std::string& key,
                                          std::string& error) {
    std::shared_ptr<SSL_CTX> ctx(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!ctx) {
        error = "cannot make a TLS context";
        return nullptr;
    }
    SSL_CTX_set_min_proto_version(ctx.get(), TLS1_2_VERSION);
    SSL_CTX_set_options(ctx.get(), SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_use_certificate_chain_file(ctx.get(), cert.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx.get(), key.c_str(), SSL_FILETYPE_PEM) != 1 ||
        SSL_CTX_check_private_key(ctx.get()) != 1) {
        ERR_clear_error();
        error = "cannot load the TLS certificate or key (" + cert + ", " + key + ")";
        return nullptr;
    }
    return ctx;
}

DeadlineServer::DeadlineServer(RequestDeadline deadline, std::shared_ptr<SSL_CTX> tls)
    : deadline_(deadline), tls_(std::move(tls)) {}

bool DeadlineServer::process_and_close_socket(socket_t sock) {
    ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK);
    SSL* ssl = tls_ ? SSL_new(tls_.get()) : nullptr;
    DeadlineStream stream(sock, ssl, deadline_, std::chrono::seconds(read_timeout_sec_),
                          std::chrono::seconds(write_timeout_sec_));
    const auto running = [this] { return svr_sock_ != INVALID_SOCKET; };
    const std::chrono::seconds idle(keep_alive_timeout_sec_);
    bool ok = false;
    if (!tls_ || (ssl && SSL_set_fd(ssl, sock) == 1 && stream.wait_for_request(idle, running) &&
                  stream.handshake())) {
        for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
            if (!stream.wait_for_request(idle, running)) break;
            stream.start_request();
            bool closed = false;
            ok = process_request(stream, left == 1, closed,
                                 [ssl](httplib::Request& req) { req.ssl = ssl; });
            if (!ok || closed) break;
        }
    }
    if (ssl) {
        if (ok) SSL_shutdown(ssl); // close_notify, without waiting for the client's
        SSL_free(ssl);
        ERR_clear_error(); // nothing of this connection left for the thread's next one
    }
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    return ok;
}

} // namespace affiche
