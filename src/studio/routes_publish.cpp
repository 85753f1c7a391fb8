// GET /api/publish/diff, POST /api/publish, GET /api/history, POST /api/history/N/restore, and
// the published version's slide pictures for the diff page.
#include "base/file_digest.hpp"
#include "deck/deck_diff.hpp"
#include "studio/http_helpers.hpp"
#include "studio/publication.hpp"
#include "studio/routes.hpp"
#include "sync/manifest.hpp"
#include "sync/publish_site.hpp"

#include <set>

namespace affiche {

namespace {

// Content files (images, fonts) whose bytes differ between two folders, as fresh's paths.
std::set<std::string> changed_files(const Deck& old, const Deck& fresh) {
    std::set<std::string> out;
    auto digest = [](const std::string& path) {
        FileBytes b = read_regular_file(path, std::uint64_t{64} << 20);
        return b.ok() ? std::optional(digest_of(b.bytes)) : std::nullopt;
    };
    for (const auto& s : fresh.slides) {
        if (s.image.empty()) continue;
        const std::string before = old.content_dir + "/images/" + s.image;
        if (digest(s.image_path) != digest(before)) out.insert(s.image_path);
    }
    return out;
}

// old with its file paths moved to fresh_dir, so the comparison sees contents, not folders.
Deck rebased(Deck old, const std::string& fresh_dir) {
    const std::string prefix = old.content_dir + "/";
    auto move = [&](std::string& path) {
        if (path.starts_with(prefix)) path = fresh_dir + "/" + path.substr(prefix.size());
    };
    for (auto& slide : old.slides)
        move(slide.image_path);
    for (std::string* p : {&old.theme.font_path, &old.theme.font_bold_path,
                           &old.theme.font_arabic_path, &old.theme.font_arabic_bold_path})
        move(*p);
    old.content_dir = fresh_dir;
    return old;
}

void get_diff(Studio& studio, const httplib::Request&, httplib::Response& res) {
    const auto state = studio.workspace().state();
    nlohmann::json body = {{"published", nullptr},
                           {"added", nlohmann::json::array()},
                           {"removed", nlohmann::json::array()},
                           {"changed", nlohmann::json::array()},
                           {"valid", state->deck != nullptr}};
    if (!state->deck) return reply_json(res, 200, body);
    std::optional<Manifest> manifest;
    const auto old = published_deck(studio, manifest);
    if (manifest)
        body["published"] = {{"sequence", manifest->sequence},
                             {"revision", manifest->revision},
                             {"created", format_utc(manifest->created)}};
    const Deck& fresh = *state->deck;
    std::set<std::string> old_ids;
    if (old && old->deck)
        for (int p = 0; p < old->deck->shown_count(); ++p)
            old_ids.insert(old->deck->shown(p).id);
    std::set<std::string> fresh_ids;
    for (int p = 0; p < fresh.shown_count(); ++p) {
        const std::string& id = fresh.shown(p).id;
        fresh_ids.insert(id);
        if (!old_ids.count(id)) body["added"].push_back(id);
    }
    for (const auto& id : old_ids)
        if (!fresh_ids.count(id)) body["removed"].push_back(id);
    if (old && old->deck) {
        const std::set<std::string> files = changed_files(*old->deck, fresh);
        for (const auto& id : changed_slides(rebased(*old->deck, fresh.content_dir), fresh, files))
            if (old_ids.count(id)) body["changed"].push_back(id);
    }
    reply_json(res, 200, body);
}

void post_publish(Studio& studio, const httplib::Request&, httplib::Response& res) {
    auto m = publish_from_studio(studio, studio.workspace().dir());
    if (!m) return reply_error(res, 422, "Publication refusée : " + diagnostic_text(m.error()));
    reply_json(res, 200,
               {{"sequence", m->sequence},
                {"revision", m->revision},
                {"created", format_utc(m->created)}});
}

void get_history(Studio& studio, const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, {{"history", publication_history(studio)}});
}

// Publishes an earlier revision again, as a new sequence (screens only take higher ones).
void restore(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string revision = req.matches[1];
    for (const auto& entry : publication_history(studio)) {
        if (entry.value("revision", "") != revision || !entry.value("available", false)) continue;
        Manifest m;
        m.revision = revision;
        m.archive = entry.value("archive", "");
        auto dir = unpacked_publication(studio, m);
        if (!dir)
            return reply_error(res, 500, "Version illisible : " + diagnostic_text(dir.error()));
        auto published = publish_from_studio(studio, *dir);
        if (!published)
            return reply_error(res, 422,
                               "Publication refusée : " + diagnostic_text(published.error()));
        return reply_json(res, 200,
                          {{"sequence", published->sequence}, {"revision", published->revision}});
    }
    reply_error(res, 404, "Cette version n’est plus disponible dans le dossier publié.");
}

// The published version of a slide, drawn like the others (the diff page's "avant").
void published_preview(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    std::optional<Manifest> manifest;
    auto old = published_deck(studio, manifest);
    if (!old || !old->deck) return reply_error(res, 404, "Rien n’est encore publié.");
    auto deck = std::make_shared<const Deck>(std::move(*old->deck));
    const auto assets = old->content ? assets_from(*deck, *old->content) : nullptr;
    auto png = studio.previews().render(deck, assets, req.matches[1], Size{480, 270});
    if (!png) return reply_error(res, 404, "Diapositive absente de la version publiée.");
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(*png), "image/png");
}

} // namespace

void register_publish_routes(httplib::Server& server, Studio& studio) {
    server.Get("/api/publish/diff", guarded(studio, Access::session, get_diff));
    server.Post("/api/publish", guarded(studio, Access::change, post_publish));
    server.Get("/api/history", guarded(studio, Access::session, get_history));
    server.Post(R"(/api/history/([0-9a-f]{16})/restore)", guarded(studio, Access::change, restore));
    server.Get(R"(/api/published/slides/([^/]+)/preview\.png)",
               guarded(studio, Access::session, published_preview));
}

} // namespace affiche
