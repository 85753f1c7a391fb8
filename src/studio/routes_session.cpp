// POST /api/login, POST /api/logout, GET /api/session: password, cookie, CSRF token.
#include "studio/http_helpers.hpp"
#include "studio/password_file.hpp"
#include "studio/routes.hpp"

namespace affiche {

namespace {

std::string session_cookie_header(const Studio& studio, const std::string& value, bool expire) {
    std::string cookie =
        std::string(session_cookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
    if (studio.config().tls()) cookie += "; Secure";
    if (expire) cookie += "; Max-Age=0";
    return cookie;
}

void login(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::int64_t now = studio.now();
    const std::string address = req.remote_addr;
    if (const auto wait = studio.limiter().wait_seconds(address, now); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        reply_error(res, 429,
                    "Trop d’essais : réessayez dans " + std::to_string(wait) + " secondes.");
        return;
    }
    const auto body = body_json(req, res);
    if (!body) return;
    const auto* password =
        body->is_object() && body->contains("password") && (*body)["password"].is_string()
            ? (*body)["password"].get_ptr<const std::string*>()
            : nullptr;
    bool ok = false;
    if (password) {
        std::lock_guard lock(studio.login_mutex());
        ok = check_password(studio.config().state_dir, *password);
    }
    if (!ok) {
        studio.limiter().failed(address, now);
        reply_error(res, 401, "Mot de passe incorrect.", "password");
        return;
    }
    studio.limiter().succeeded(address);
    const std::string id = studio.sessions().create(now);
    const auto session = studio.sessions().touch(id, now);
    res.set_header("Set-Cookie", session_cookie_header(studio, id, false));
    reply_json(res, 200, {{"csrf", session->csrf}});
}

} // namespace

void register_session_routes(httplib::Server& server, Studio& studio) {
    server.Post("/api/login", [&studio](const httplib::Request& req, httplib::Response& res) {
        login(studio, req, res);
    });
    server.Post("/api/logout",
                guarded(studio, Access::change,
                        [&studio](const httplib::Request& req, httplib::Response& res) {
                            studio.sessions().remove(cookie_value(req, session_cookie));
                            res.set_header("Set-Cookie", session_cookie_header(studio, "", true));
                            reply_json(res, 200, nlohmann::json::object());
                        }));
    // A reloaded page asks for its token again (the cookie alone proves the session).
    server.Get("/api/session",
               guarded(studio, Access::session,
                       [&studio](const httplib::Request& req, httplib::Response& res) {
                           const auto s = studio.sessions().touch(cookie_value(req, session_cookie),
                                                                  studio.now());
                           reply_json(res, 200, {{"csrf", s ? s->csrf : ""}});
                       }));
}

} // namespace affiche
