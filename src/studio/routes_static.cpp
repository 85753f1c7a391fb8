// The web interface's files at / and the publication folder read-only at /site/, both with an
// ETag and 304 answers, so screens pulling every few minutes cost one small request.
#include "base/file_read.hpp"
#include "base/path_inside.hpp"
#include "studio/http_helpers.hpp"
#include "studio/routes.hpp"

#include <sys/stat.h>

#include <cstdio>

namespace affiche {

namespace {

// Publication archives are at most this big (the screens' own limit is lower).
constexpr std::uint64_t max_served_bytes = std::uint64_t{1} << 30;

std::string content_type_of(const std::string& name) {
    auto ends = [&](std::string_view ext) { return name.ends_with(ext); };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".js")) return "text/javascript; charset=utf-8";
    if (ends(".css")) return "text/css; charset=utf-8";
    if (ends(".svg")) return "image/svg+xml";
    if (ends(".png")) return "image/png";
    if (ends(".toml") || ends(".minisig") || ends(".pub")) return "text/plain; charset=utf-8";
    if (ends(".zst")) return "application/zstd";
    if (ends(".gz")) return "application/gzip";
    return "application/octet-stream";
}

// Sends base/relative when it is a regular file inside base, with an ETag from its size and
// modification time (no read to answer a 304).
void serve_file(const std::string& base, const std::string& relative, const httplib::Request& req,
                httplib::Response& res) {
    if (relative.empty() || relative.find('\0') != std::string::npos ||
        has_parent_reference(relative) || relative.find("/.") != std::string::npos ||
        relative.front() == '.') {
        res.status = 404;
        return;
    }
    const std::string path = base + "/" + relative;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || !resolves_inside(path, base)) {
        res.status = 404;
        return;
    }
    char tag[80];
    std::snprintf(tag, sizeof tag, "\"%llx-%llx-%lx\"", static_cast<unsigned long long>(st.st_size),
                  static_cast<unsigned long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
    res.set_header("ETag", tag);
    res.set_header("Cache-Control", "no-cache"); // revalidate each time: 304 when unchanged
    if (req.get_header_value("If-None-Match") == tag) {
        res.status = 304;
        return;
    }
    FileBytes bytes = read_regular_file(path, max_served_bytes);
    if (!bytes.ok()) {
        res.status = 404;
        return;
    }
    res.set_content(std::move(bytes.bytes), content_type_of(relative));
}

} // namespace

void register_static_routes(httplib::Server& server, Studio& studio) {
    server.Get(R"(/site/(.*))", [&studio](const httplib::Request& req, httplib::Response& res) {
        serve_file(studio.config().site_dir, req.matches[1], req, res);
    });
    server.Get("/", [&studio](const httplib::Request& req, httplib::Response& res) {
        serve_file(studio.config().www_dir, "index.html", req, res);
    });
    server.Get(R"(/([A-Za-z0-9_-]+\.(html|js|css|svg|png)))",
               [&studio](const httplib::Request& req, httplib::Response& res) {
                   serve_file(studio.config().www_dir, req.matches[1], req, res);
               });
}

} // namespace affiche
