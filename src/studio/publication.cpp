// Publishing through sync's publish(), a JSON-lines history in STATE_DIR, unpacked publications.
#include "studio/publication.hpp"

#include "base/atomic_file.hpp"
#include "base/file_read.hpp"
#include "sync/publish.hpp"
#include "sync/publish_site.hpp"
#include "sync/safe_extract.hpp"

#include <cstdio>
#include <filesystem>
#include <sstream>

namespace affiche {

namespace {

std::string history_path(const Studio& studio) {
    return studio.config().state_dir + "/history.jsonl";
}

} // namespace

Result<Manifest> publish_from_studio(Studio& studio, const std::string& content_dir) {
    std::lock_guard lock(studio.publish_mutex());
    PublishOptions o;
    o.content_dir = content_dir;
    o.site_dir = studio.config().site_dir;
    o.secret_key = studio.config().secret_key;
    o.password = password_from_environment();
    o.player_program = studio.config().player_program;
    o.now = studio.now();
    o.on_diagnostic = [](const Diagnostic& d) {
        if (d.severity == Severity::error)
            std::fprintf(stderr, "affiche-studio: publish: %s\n", format_diagnostic(d).c_str());
    };
    auto report = publish(o);
    if (!report) return report.error();
    const Manifest& m = report->manifest;
    const nlohmann::json line = {{"sequence", m.sequence},
                                 {"revision", m.revision},
                                 {"created", format_utc(m.created)},
                                 {"archive", m.archive}};
    std::string history;
    if (FileBytes old = read_regular_file(history_path(studio), std::uint64_t{16} << 20); old.ok())
        history = std::move(old.bytes);
    history += line.dump() + "\n";
    if (auto written = write_file_atomically(history_path(studio), history, Durability::power_cut);
        !written)
        std::fprintf(stderr, "affiche-studio: %s\n", format_diagnostic(written.error()).c_str());
    return m;
}

nlohmann::json publication_history(const Studio& studio) {
    nlohmann::json list = nlohmann::json::array();
    FileBytes bytes = read_regular_file(history_path(studio), std::uint64_t{16} << 20);
    if (!bytes.ok()) return list;
    std::istringstream lines(bytes.bytes);
    std::string line;
    while (std::getline(lines, line)) {
        auto entry = nlohmann::json::parse(line, nullptr, false);
        if (!entry.is_discarded() && entry.is_object()) {
            entry["available"] = std::filesystem::exists(studio.config().site_dir + "/" +
                                                         entry.value("archive", std::string("-")));
            list.insert(list.begin(), entry);
        }
    }
    return list;
}

Result<std::string> unpacked_publication(Studio& studio, const Manifest& m) {
    const std::string dir = studio.config().state_dir + "/published/" + m.revision;
    if (std::filesystem::is_directory(dir + "/slides")) return dir;
    const std::string tmp = dir + ".tmp";
    std::error_code ec;
    std::filesystem::remove_all(tmp, ec);
    std::filesystem::create_directories(tmp, ec);
    if (ec) return failure(SourceLoc{tmp, 0, 0}, "cannot create folder: " + ec.message());
    auto extracted = extract_archive(studio.config().site_dir + "/" + m.archive, tmp, {});
    if (!extracted) {
        std::filesystem::remove_all(tmp, ec);
        return extracted.error();
    }
    std::filesystem::rename(tmp, dir, ec);
    if (ec) return failure(SourceLoc{dir, 0, 0}, "cannot rename: " + ec.message());
    return dir;
}

std::optional<LoadResult> published_deck(Studio& studio, std::optional<Manifest>& manifest) {
    auto previous = previous_manifest(studio.config().site_dir);
    if (!previous || !*previous) return std::nullopt;
    manifest = **previous;
    auto dir = unpacked_publication(studio, *manifest);
    if (!dir) return std::nullopt;
    return load_deck(*dir);
}

} // namespace affiche
