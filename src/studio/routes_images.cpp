// /api/images: the picture library (list, upload checked by the player's decoder, delete when
// unused) and each picture's bytes for the library's thumbnails.
#include "base/atomic_file.hpp"
#include "base/file_digest.hpp"
#include "base/file_read.hpp"
#include "deck/content_snapshot.hpp"
#include "deck/image_header.hpp"
#include "studio/http_helpers.hpp"
#include "studio/routes.hpp"
#include "studio/upload_name.hpp"

#include <cstdio>
#include <filesystem>

namespace affiche {

namespace {

std::string images_dir(Studio& studio) {
    return studio.workspace().dir() + "/images";
}

// The ids of the slides showing each picture (by its name under images/).
std::map<std::string, std::vector<std::string>> picture_uses(Studio& studio) {
    std::map<std::string, std::vector<std::string>> uses;
    const auto state = studio.workspace().state();
    if (state->deck)
        for (const auto& s : state->deck->slides)
            if (!s.image.empty()) uses[s.image].push_back(s.id);
    return uses;
}

void list_images(Studio& studio, const httplib::Request&, httplib::Response& res) {
    const auto uses = picture_uses(studio);
    nlohmann::json list = nlohmann::json::array();
    const ContentListing listing = list_content(studio.workspace().dir()); // the views point here
    for (const auto& file : files_under(listing, "images")) {
        const std::string name(file);
        const auto it = uses.find(name);
        list.push_back(
            {{"name", name},
             {"used_by", it == uses.end() ? nlohmann::json::array() : nlohmann::json(it->second)}});
    }
    reply_json(res, 200, {{"images", list}});
}

void upload_image(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    if (!req.has_file("file")) return reply_error(res, 400, "Champ « file » absent.", "file");
    const auto& file = req.get_file_value("file");
    const auto name = safe_upload_name(file.filename);
    if (!name) return reply_error(res, 422, "Format non accepté : PNG, JPEG, WebP ou SVG.", "file");
    if (file.content.size() > max_bytes_for(FileKind::image))
        return reply_error(res, 413, "Image trop lourde : « " + *name + " ».", "file");
    const auto header = parse_image_header(file.content);
    if (!header)
        return reply_error(res, 422,
                           "« " + *name + " » n’est pas une image PNG, JPEG, WebP ou SVG lisible.",
                           "file");
    if (!within_decode_limits(*header))
        return reply_error(
            res, 422, "« " + *name + " » a trop de pixels (16384 de côté et 64 millions au plus).",
            "file");
    if (const auto why = studio.previews().decode_problem(file.content, *header))
        return reply_error(res, 422, "« " + *name + " » ne peut pas être décodée : " + *why + ".",
                           "file");
    std::lock_guard lock(studio.workspace().write_mutex());
    std::error_code ec;
    std::filesystem::create_directories(images_dir(studio), ec);
    // Another picture under that name: keep both (name-2.png ...); the same bytes: reuse it.
    std::string stored = *name;
    const std::size_t dot = name->rfind('.');
    for (int n = 2;; ++n) {
        FileBytes there =
            read_regular_file(images_dir(studio) + "/" + stored, max_bytes_for(FileKind::image));
        if (there.problem == FileProblem::missing) break;
        if (there.ok() && there.bytes == file.content)
            return reply_json(res, 200, {{"name", stored}});
        stored = name->substr(0, dot) + "-" + std::to_string(n) + name->substr(dot);
    }
    if (auto written = write_file_atomically(images_dir(studio) + "/" + stored, file.content,
                                             Durability::power_cut);
        !written) {
        std::fprintf(stderr, "affiche-studio: %s\n", format_diagnostic(written.error()).c_str());
        return reply_error(res, 500, "Écriture impossible sur le disque du studio.");
    }
    reply_json(res, 201, {{"name", stored}});
}

void delete_image(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    const auto uses = picture_uses(studio);
    if (const auto it = uses.find(name); it != uses.end())
        return reply_error(res, 409,
                           "Image utilisée par : " + nlohmann::json(it->second).dump() + ".");
    std::lock_guard lock(studio.workspace().write_mutex());
    if (!std::filesystem::remove(images_dir(studio) + "/" + name))
        return reply_error(res, 404, "Image inconnue.");
    reply_json(res, 200, {{"deleted", name}});
}

void get_image(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    FileBytes bytes = read_regular_file(images_dir(studio) + "/" + std::string(req.matches[1]),
                                        max_bytes_for(FileKind::image));
    if (!bytes.ok()) return reply_error(res, 404, "Image inconnue.");
    const auto header = parse_image_header(bytes.bytes);
    // SVG is served as a download-only type: a picture with script must not run in the page.
    const bool svg = header && header->format == ImageFormat::svg;
    res.set_header("Content-Disposition", "inline");
    res.set_content(std::move(bytes.bytes),
                    svg                                             ? "application/octet-stream"
                    : header && header->format == ImageFormat::jpeg ? "image/jpeg"
                    : header && header->format == ImageFormat::webp ? "image/webp"
                                                                    : "image/png");
}

} // namespace

void register_image_routes(httplib::Server& server, Studio& studio) {
    server.Get("/api/images", guarded(studio, Access::session, list_images));
    server.Post("/api/images", guarded(studio, Access::change, upload_image));
    // Names as safe_upload_name makes them (and the shipped pictures'): no folder parts.
    server.Delete(R"(/api/images/([A-Za-z0-9_-][A-Za-z0-9_.-]*))",
                  guarded(studio, Access::change, delete_image));
    server.Get(R"(/api/images/([A-Za-z0-9_-][A-Za-z0-9_.-]*))",
               guarded(studio, Access::session, get_image));
}

} // namespace affiche
