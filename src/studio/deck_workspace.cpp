// Loads, fingerprints and writes the studio's content folder; every write checked first.
#include "studio/deck_workspace.hpp"

#include "app/deck_reloader.hpp"
#include "base/atomic_file.hpp"
#include "base/file_digest.hpp"
#include "base/file_read.hpp"
#include "deck/content_files.hpp"
#include "schedule/deck_check.hpp"

#include <sys/stat.h>

#include <cstdio>

namespace affiche {

DeckWorkspace::DeckWorkspace(std::string content_dir) : dir_(std::move(content_dir)) {}

std::uint64_t DeckWorkspace::fingerprint() const {
    // Names, sizes and modification times of every deck file: a stat per file, no read.
    std::string summary;
    for (const auto& file : list_content(dir_).files) {
        struct stat st {};
        if (::stat((dir_ + "/" + file).c_str(), &st) != 0) continue;
        char buf[96];
        std::snprintf(buf, sizeof buf, "|%lld.%ld:%lld", static_cast<long long>(st.st_mtim.tv_sec),
                      st.st_mtim.tv_nsec, static_cast<long long>(st.st_size));
        summary += file;
        summary += buf;
    }
    return digest_of(summary);
}

std::shared_ptr<const DeckState> DeckWorkspace::state() {
    const std::uint64_t now = fingerprint();
    std::lock_guard lock(state_mutex_);
    if (state_ && state_->fingerprint == now) return state_;
    auto fresh = std::make_shared<DeckState>();
    fresh->fingerprint = now;
    LoadResult loaded = load_and_verify(dir_);
    fresh->diagnostics = std::move(loaded.diagnostics);
    if (loaded.deck) {
        if (loaded.content) fresh->assets = assets_from(*loaded.deck, *loaded.content);
        fresh->deck = std::make_shared<const Deck>(std::move(*loaded.deck));
    }
    state_ = fresh;
    return state_;
}

std::optional<SlidePlace> DeckWorkspace::find(const std::string& id) {
    const auto s = state();
    if (!s->deck) return std::nullopt;
    for (const Slide& slide : s->deck->slides) {
        if (slide.id != id) continue;
        const std::string prefix = dir_ + "/";
        if (!slide.loc.path.starts_with(prefix)) return std::nullopt;
        return SlidePlace{slide.loc.path.substr(prefix.size()), slide.loc.line};
    }
    return std::nullopt;
}

std::optional<std::string> DeckWorkspace::read(const std::string& file) const {
    FileBytes bytes = read_regular_file(dir_ + "/" + file, max_bytes_for(FileKind::toml));
    if (bytes.problem != FileProblem::none) return std::nullopt;
    return std::move(bytes.bytes);
}

std::string DeckWorkspace::tag_of(const std::string& bytes) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "\"%016llx\"",
                  static_cast<unsigned long long>(digest_of(bytes)));
    return buf;
}

LoadResult DeckWorkspace::check(const std::map<std::string, std::string>& files, UnixTime now) {
    return check_deck(dir_, now, decode_images, files);
}

EditOutcome DeckWorkspace::write_checked(const std::map<std::string, std::string>& files,
                                         const std::map<std::string, std::string>& expected_tags,
                                         UnixTime now, const DeckRule& rule) {
    std::lock_guard lock(write_mutex_);
    EditOutcome out;
    for (const auto& [file, tag] : expected_tags) {
        const auto now = read(file);
        if (!now || tag_of(*now) != tag) {
            out.status = EditOutcome::Status::stale;
            return out;
        }
    }
    out.check = check(files, now);
    if (!out.check.deck) {
        out.status = EditOutcome::Status::invalid;
        return out;
    }
    if (rule) out.refusals = rule(*out.check.deck);
    if (!out.refusals.empty()) {
        out.status = EditOutcome::Status::refused;
        return out;
    }
    for (const auto& [file, bytes] : files) {
        if (auto written = write_file_atomically(dir_ + "/" + file, bytes, Durability::power_cut);
            !written) {
            out.status = EditOutcome::Status::failed;
            out.error = format_diagnostic(written.error());
            return out;
        }
        out.tag = tag_of(bytes);
    }
    return out;
}

} // namespace affiche
