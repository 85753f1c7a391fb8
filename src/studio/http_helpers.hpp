// Small pieces every route uses: JSON replies, errors, the session cookie, the access guard.
#pragma once

#include "base/geometry.hpp"
#include "studio/slide_json.hpp"
#include "studio/studio.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

inline constexpr const char* session_cookie = "affiche_session";

void reply_json(httplib::Response& res, int status, const nlohmann::json& body);
// {"errors": [{"key": key, "message": message}]} with status.
void reply_error(httplib::Response& res, int status, const std::string& message,
                 const std::string& key = "");
void reply_errors(httplib::Response& res, int status, const std::vector<FieldError>& errors);

// The request's body as JSON; nullopt (and a 400 reply) when it is not.
std::optional<nlohmann::json> body_json(const httplib::Request& req, httplib::Response& res);

// The request's ?size=WxH within the preview sides (1920x1080 when absent); nullopt when wrong.
std::optional<Size> preview_size(const httplib::Request& req);

// The value of a cookie in the request, "" when absent.
std::string cookie_value(const httplib::Request& req, const std::string& name);

// Who may call a route: anyone, a session (reads), a session and its CSRF token (changes).
enum class Access { open, session, change };

// handler, called only when the request passes access (else 401 or 403 in JSON).
httplib::Server::Handler guarded(Studio& studio, Access access, httplib::Server::Handler handler);
// The same for a handler that takes the studio first.
using StudioHandler = void (*)(Studio&, const httplib::Request&, httplib::Response&);
httplib::Server::Handler guarded(Studio& studio, Access access, StudioHandler handler);

} // namespace affiche
