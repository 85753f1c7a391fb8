// JSON replies, cookie parsing and the session/CSRF guard shared by the routes.
#include "studio/http_helpers.hpp"

#include "studio/preview_renderer.hpp"

#include <cstdio>

namespace affiche {

void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

void reply_error(httplib::Response& res, int status, const std::string& message,
                 const std::string& key) {
    reply_errors(res, status, {{key, message}});
}

void reply_errors(httplib::Response& res, int status, const std::vector<FieldError>& errors) {
    reply_json(res, status, errors_json(errors));
}

std::optional<nlohmann::json> body_json(const httplib::Request& req, httplib::Response& res) {
    auto parsed = nlohmann::json::parse(req.body, nullptr, false);
    if (parsed.is_discarded()) {
        reply_error(res, 400, "La requête n’est pas du JSON valide.");
        return std::nullopt;
    }
    return parsed;
}

std::optional<Size> preview_size(const httplib::Request& req) {
    if (!req.has_param("size")) return Size{1920, 1080};
    int w = 0, h = 0;
    char end = 0;
    if (std::sscanf(req.get_param_value("size").c_str(), "%dx%d%c", &w, &h, &end) != 2)
        return std::nullopt;
    if (w < min_preview_side || h < min_preview_side || w > max_preview_side ||
        h > max_preview_side)
        return std::nullopt;
    return Size{w, h};
}

std::string cookie_value(const httplib::Request& req, const std::string& name) {
    const std::string header = req.get_header_value("Cookie");
    std::size_t at = 0;
    while (at < header.size()) {
        std::size_t end = header.find(';', at);
        if (end == std::string::npos) end = header.size();
        std::string_view part(header.data() + at, end - at);
        while (!part.empty() && part.front() == ' ')
            part.remove_prefix(1);
        if (part.size() > name.size() && part.substr(0, name.size()) == name &&
            part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
        at = end + 1;
    }
    return "";
}

httplib::Server::Handler guarded(Studio& studio, Access access, httplib::Server::Handler handler) {
    return [&studio, access, handler = std::move(handler)](const httplib::Request& req,
                                                           httplib::Response& res) {
        if (access != Access::open) {
            const auto session =
                studio.sessions().touch(cookie_value(req, session_cookie), studio.now());
            if (!session) {
                reply_error(res, 401, "Session absente ou expirée : reconnectez-vous.");
                return;
            }
            if (access == Access::change &&
                !same_secret(req.get_header_value("X-CSRF-Token"), session->csrf)) {
                reply_error(res, 403, "Jeton CSRF absent ou invalide : rechargez la page.");
                return;
            }
        }
        handler(req, res);
    };
}

httplib::Server::Handler guarded(Studio& studio, Access access, StudioHandler handler) {
    return guarded(studio, access,
                   [&studio, handler](const httplib::Request& req, httplib::Response& res) {
                       handler(studio, req, res);
                   });
}

} // namespace affiche
