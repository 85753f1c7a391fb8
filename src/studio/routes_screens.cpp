// The screens' reports and their page: POST /api/screens/report (no session: the report's
// Ed25519 signature), GET /api/screens, POST /api/screens/{name}/approve, DELETE
// /api/screens/{name}, GET /api/screens/{name}/thumbnail and /plays, and GET /metrics.
// None of them takes the publish mutex: the store has its own.
#include "studio/http_helpers.hpp"
#include "studio/report_intake.hpp"
#include "studio/routes.hpp"
#include "studio/screen_overview.hpp"
#include "sync/publish_site.hpp"

#include <algorithm>

namespace affiche {

namespace {

using nlohmann::json;

ScreensContext context_of(Studio& studio) {
    ScreensContext c;
    c.now = studio.now();
    if (auto m = previous_manifest(studio.config().site_dir); m && *m) {
        c.published_revision = (*m)->revision;
        c.published_at = (*m)->created;
    }
    // The opening hours of the deck in the studio (the published one, once published).
    if (const auto state = studio.workspace().state(); state->deck)
        c.hours = state->deck->opening_hours;
    return c;
}

void post_report(Studio& studio, const httplib::Request& req, httplib::Response& res,
                 const httplib::ContentReader& reader) {
    std::string body;
    // Reads at most one byte more than allowed: a bigger body is not held in memory.
    reader([&](const char* data, std::size_t size) {
        body.append(data, std::min(size, max_report_bytes + 1 - body.size()));
        return body.size() <= max_report_bytes;
    });
    const IntakeAnswer answer = take_report(
        studio.screens(), body, req.get_header_value("X-Affiche-Signature"), studio.now());
    if (answer.status == 413) res.set_header("Connection", "close"); // the rest stays unread
    reply_json(res, answer.status, answer.body);
}

void get_screens(Studio& studio, const httplib::Request&, httplib::Response& res) {
    auto& store = studio.screens();
    res.set_header("Cache-Control", "no-store");
    reply_json(res, 200,
               screens_json(store.screens(), context_of(studio), store.unattributed_refusals()));
}

void approve(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    std::string fingerprint;
    if (!req.body.empty()) {
        const auto body = body_json(req, res);
        if (!body) return;
        if (body->is_object() && body->contains("fingerprint") &&
            (*body)["fingerprint"].is_string())
            fingerprint = (*body)["fingerprint"];
    }
    switch (studio.screens().approve(req.matches[1], fingerprint)) {
    case ScreenStore::Approval::approved:
        return reply_json(res, 200, {{"name", req.matches[1]}, {"state", "approved"}});
    case ScreenStore::Approval::unknown:
        return reply_error(res, 404, "Écran inconnu.");
    case ScreenStore::Approval::other_fingerprint:
        return reply_error(res, 409,
                           "L’empreinte de cet écran a changé depuis l’affichage de la page : "
                           "vérifiez-la avant d’approuver.",
                           "fingerprint");
    }
}

void forget(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    if (!studio.screens().forget(req.matches[1])) return reply_error(res, 404, "Écran inconnu.");
    reply_json(res, 200, json::object());
}

void get_thumbnail(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    auto picture = studio.screens().thumbnail(req.matches[1]);
    if (!picture) return reply_error(res, 404, "Pas encore d’image de cet écran.");
    // The page asks with ?v=<its time>: one address per picture, kept by the browser.
    res.set_header("Cache-Control", req.has_param("v") ? "private, max-age=86400" : "no-store");
    res.set_content(std::move(picture->second), picture->first);
}

void get_plays(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    json list = json::array();
    for (const auto& p : studio.screens().plays(req.matches[1])) {
        auto or_null = [](const auto& v) { return v ? json(*v) : json(nullptr); };
        list.push_back({{"from", format_utc(p.first)},
                        {"to", format_utc(p.last)},
                        {"reports", p.reports},
                        {"revision", or_null(p.revision)},
                        {"screen_on", or_null(p.screen_on)},
                        {"announcement", or_null(p.announcement)}});
    }
    reply_json(res, 200, {{"plays", list}});
}

} // namespace

void register_screen_routes(httplib::Server& server, Studio& studio) {
    server.Post(
        "/api/screens/report",
        [&studio](const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader) { post_report(studio, req, res, reader); });
    server.Get("/api/screens", guarded(studio, Access::session, get_screens));
    server.Post(R"(/api/screens/([^/]+)/approve)", guarded(studio, Access::change, approve));
    server.Delete(R"(/api/screens/([^/]+))", guarded(studio, Access::change, forget));
    server.Get(R"(/api/screens/([^/]+)/thumbnail)",
               guarded(studio, Access::session, get_thumbnail));
    server.Get(R"(/api/screens/([^/]+)/plays)", guarded(studio, Access::session, get_plays));
    // For a practice's Prometheus: counts only, no session (docs/studio.md).
    server.Get("/metrics", [&studio](const httplib::Request&, httplib::Response& res) {
        auto& store = studio.screens();
        res.set_content(
            screens_metrics(store.screens(), context_of(studio), store.unattributed_refusals()),
            "text/plain; version=0.0.4; charset=utf-8");
    });
}

} // namespace affiche
