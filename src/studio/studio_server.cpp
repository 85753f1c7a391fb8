// Builds the studio's server: TLS or loopback HTTP, size and time limits, CSP and other headers.
#include "studio/studio_server.hpp"

#include "app/translations.hpp"
#include "deck/content_snapshot.hpp"
#include "studio/deadline_server.hpp"
#include "studio/http_helpers.hpp"
#include "studio/routes.hpp"

#include <cstdio>
#include <cstdlib>

namespace affiche {

void init_studio_language() {
    unsetenv("LC_ALL");
    setenv("LC_MESSAGES", "fr_FR.UTF-8", 1);
    setenv("LANGUAGE", "fr", 0);
    init_translations();
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host == "[::1]" || host.starts_with("127.");
}

std::unique_ptr<httplib::Server> make_server(Studio& studio, std::string& error) {
    if (!studio.screens_error().empty()) {
        error = studio.screens_error();
        return nullptr;
    }
    std::shared_ptr<SSL_CTX> tls;
    if (studio.config().tls()) {
        tls = load_tls_context(studio.config().tls_cert, studio.config().tls_key, error);
        if (!tls) return nullptr;
    }
    // A request must arrive within request_grace_seconds of its first byte, plus a second per
    // request_min_bytes_per_second: a client that trickles bytes is dropped then, whatever its
    // pace (httplib alone times each read, so one byte a second would hold a thread for ever).
    RequestDeadline deadline;
    deadline.grace = std::chrono::seconds(request_grace_seconds);
    deadline.min_bytes_per_second = request_min_bytes_per_second;
    auto server = std::make_unique<DeadlineServer>(deadline, std::move(tls));
    server->new_task_queue = [] { return new httplib::ThreadPool(worker_threads); };
    server->set_payload_max_length(max_request_bytes);
    server->set_read_timeout(request_read_seconds, 0);
    server->set_write_timeout(30, 0);
    server->set_keep_alive_timeout(keep_alive_seconds);
    server->set_keep_alive_max_count(keep_alive_max_requests);
    // No inline script or style anywhere; pictures from the studio and the previews' blobs only;
    // no framing (clickjacking), no referrer leaving the practice's network.
    server->set_default_headers({
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
         "connect-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
         "form-action 'self'"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
    });
    server->set_exception_handler(
        [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            std::fprintf(stderr, "affiche-studio: %s %s: %s\n", req.method.c_str(),
                         req.path.c_str(), what.c_str());
            reply_error(res, 500, "Erreur interne du studio.");
        });
    server->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (req.path.starts_with("/api/")) {
            reply_error(res, res.status,
                        res.status == 404 ? "Adresse inconnue." : "Requête refusée.");
        }
    });
    register_routes(*server, studio);
    return server;
}

} // namespace affiche
