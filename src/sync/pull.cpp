// The pull pass: each step either succeeds or leaves the screen's current deck untouched.
#include "sync/pull.hpp"

#include "base/process_runner.hpp"
#include "deck/deck_loader.hpp"
#include "service/metrics_file.hpp"
#include "service/status_file.hpp"
#include "sync/content_store.hpp"
#include "sync/fetcher.hpp"
#include "sync/manifest.hpp"
#include "sync/safe_extract.hpp"
#include "sync/sha256.hpp"
#include "sync/trusted_keys.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t max_signature_bytes = 4096;

// An exclusive lock on the state folder: the timer's pass and a manual one never overlap. The
// kernel drops it when the process dies, even by SIGKILL.
class StateLock {
  public:
    explicit StateLock(const std::string& dir)
        : fd_(::open((dir + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {}
    ~StateLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;
    bool acquired() const { return fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0; }

  private:
    int fd_;
};

class Pass {
  public:
    Pass(const SyncConfig& c, std::int64_t now) : c_(c), now_(now), store_(c.root) {}

    Result<PullOutcome::Kind> run(SyncState& state);
    std::uint64_t bytes() const { return bytes_; }
    int downloads() const { return downloads_; }
    const std::string& etag() const { return etag_; }
    bool stale() const { return stale_; }
    const ContentStore& store() const { return store_; }

  private:
    Result<FetchReply> get(const std::string& url, const std::string& etag, std::uint64_t max,
                           const std::string& to_file = "");
    Result<Manifest> verified_manifest(const std::string& body, const std::string& url);
    Result<PullOutcome::Kind> accept(const Manifest& m, SyncState& state);
    Result<Done> download_and_install(const Manifest& m, const std::string& manifest_url);
    Result<Done> unpack_and_check(const Manifest& m, const std::string& archive,
                                  const std::string& tree);

    const SyncConfig& c_;
    std::int64_t now_;
    ContentStore store_;
    std::uint64_t bytes_ = 0;
    int downloads_ = 0;
    std::string etag_;
    bool stale_ = false;
};

Result<FetchReply> Pass::get(const std::string& url, const std::string& etag, std::uint64_t max,
                             const std::string& to_file) {
    auto reply = fetch({url, etag, max, to_file}, c_.fetch);
    if (reply) bytes_ += reply->header_bytes + reply->body_bytes;
    return reply;
}

Result<Manifest> Pass::verified_manifest(const std::string& body, const std::string& url) {
    const std::string sig_url = url + std::string(signature_suffix);
    auto sig = get(sig_url, "", max_signature_bytes);
    if (!sig) {
        return failure({url, 0, 0},
                       "manifest refused: no signature (" + format_diagnostic(sig.error()) + ")");
    }
    auto keys = read_trusted_keys(c_.keys);
    if (!keys) return keys.error();
    auto verified = verify_with_keys(body, url, sig->body, sig_url, *keys);
    if (!verified) return verified.error();
    auto manifest = parse_manifest(body, url);
    if (!manifest) return manifest.error();
    if (auto r = check_trusted_comment(*manifest, verified->trusted_comment, sig_url); !r) {
        return r.error();
    }
    return manifest;
}

Result<PullOutcome::Kind> Pass::run(SyncState& state) {
    if (auto r = store_.prepare(); !r) return r.error();
    if (auto r = store_.remove_leftovers(); !r) return r.error();
    const std::string url = manifest_url_of(c_.url);
    // A conditional GET only when what that ETag stood for is still installed.
    const bool have = state.sequence > 0 && store_.has_revision(state.revision);
    auto reply = get(url, have ? state.etag : "", c_.max_manifest_bytes);
    if (!reply) return reply.error();
    if (reply->not_modified) {
        etag_ = state.etag;
        // A current deleted by hand is put back, even when nothing was published.
        if (store_.current_revision().empty()) {
            if (auto r = store_.swap_current(state.revision); !r) return r.error();
        }
        stale_ = state.expires_unix > 0 && now_ >= state.expires_unix;
        return stale_ ? PullOutcome::Kind::stale : PullOutcome::Kind::unchanged;
    }
    auto manifest = verified_manifest(reply->body, url);
    if (!manifest) return manifest.error();
    etag_ = reply->etag;
    return accept(*manifest, state);
}

Result<PullOutcome::Kind> Pass::accept(const Manifest& m, SyncState& state) {
    const std::string url = manifest_url_of(c_.url);
    if (m.sequence < state.sequence) {
        return failure({url, 0, 0}, "replay refused: manifest sequence " +
                                        std::to_string(m.sequence) + " is lower than " +
                                        std::to_string(state.sequence) + ", already accepted");
    }
    if (m.sequence == state.sequence && m.revision != state.revision) {
        return failure({url, 0, 0}, "refused: sequence " + std::to_string(m.sequence) +
                                        " was already accepted for revision " + state.revision);
    }
    if (now_ >= m.expires) {
        stale_ = true;
        return failure({url, 0, 0}, "stale: the manifest expired at " + format_utc(m.expires) +
                                        "; the current deck stays on screen");
    }
    if (m.sequence == state.sequence && store_.has_revision(m.revision)) {
        // Nothing new; a missing current (deleted by hand) is put back.
        if (store_.current_revision().empty()) {
            if (auto r = store_.swap_current(m.revision); !r) return r.error();
        }
        state.etag = etag_;
        state.expires_unix = m.expires;
        return PullOutcome::Kind::unchanged;
    }
    if (m.size > c_.max_archive_bytes) {
        return failure({url, 0, 0}, "refused: the archive is " + std::to_string(m.size) +
                                        " bytes, over the configured limit of " +
                                        std::to_string(c_.max_archive_bytes));
    }
    if (!store_.has_revision(m.revision)) {
        if (auto r = download_and_install(m, url); !r) return r.error();
    } else {
        store_.mark_newest(m.revision);
    }
    if (auto r = store_.swap_current(m.revision); !r) return r.error();
    state.sequence = m.sequence;
    state.revision = m.revision;
    state.etag = etag_;
    state.expires_unix = m.expires;
    return PullOutcome::Kind::installed;
}

Result<Done> Pass::download_and_install(const Manifest& m, const std::string& manifest_url) {
    auto incoming = store_.make_incoming();
    if (!incoming) return incoming.error();
    const std::string archive = *incoming + "/" + m.archive;
    const std::string tree = *incoming + "/deck";
    auto result = [&]() -> Result<Done> {
        ++downloads_;
        auto reply = get(sibling_url(manifest_url, m.archive), "", m.size, archive);
        if (!reply) return reply.error();
        if (reply->body_bytes != m.size) {
            return failure({sibling_url(manifest_url, m.archive), 0, 0},
                           "truncated: got " + std::to_string(reply->body_bytes) + " of the " +
                               std::to_string(m.size) + " signed bytes");
        }
        if (auto r = unpack_and_check(m, archive, tree); !r) return r.error();
        return store_.install(tree, m.revision);
    }();
    std::error_code ec;
    fs::remove_all(*incoming, ec); // the archive, and the tree when it was not installed
    return result;
}

// The first "error:" line of the player's --check output (for the journal; the exit status says
// whether the deck was refused).
std::string first_error_line(const std::string& output) {
    std::size_t start = 0;
    while (start < output.size()) {
        const std::size_t end = std::min(output.find('\n', start), output.size());
        const std::string_view line(output.data() + start, end - start);
        if (line.find(": error: ") != std::string_view::npos) return std::string(line);
        start = end + 1;
    }
    return "(no error line; run affiche --check on the deck)";
}

Result<Done> Pass::unpack_and_check(const Manifest& m, const std::string& archive,
                                    const std::string& tree) {
    auto sum = sha256_file(archive);
    if (!sum) return sum.error();
    if (*sum != m.sha256) {
        return failure({archive, 0, 0}, "SHA-256 mismatch: the archive is " + *sum +
                                            ", the manifest signs " + m.sha256);
    }
    std::error_code ec;
    fs::create_directory(tree, ec);
    if (ec) return failure({tree, 0, 0}, "cannot create: " + ec.message());
    const ExtractLimits limits{c_.max_entries, c_.max_unpacked_bytes, c_.max_file_bytes};
    if (auto r = extract_archive(archive, tree, limits); !r) return r.error();
    // The same checks as `affiche --check` (without SDL): a deck with errors never reaches current.
    const LoadResult loaded = load_deck(tree);
    const int errors = count(loaded.diagnostics, Severity::error);
    for (const Diagnostic& d : loaded.diagnostics) {
        if (d.severity != Severity::error) continue;
        return failure({m.revision, 0, 0}, "deck refused, it fails validation (" +
                                               std::to_string(errors) +
                                               " error(s)); first: " + format_diagnostic(d));
    }
    // And the player's own check, which decodes every image: a deck the player would refuse at
    // its next start never becomes current.
    if (!c_.player_program.empty()) {
        ProcessOptions options;
        options.output = ChildOutput::capture;
        options.deadline = std::chrono::steady_clock::now() + c_.player_check_timeout;
        auto check = run_process({c_.player_program, "--check", tree}, options);
        if (!check) return check.error();
        if (!check->exited()) {
            return failure({m.revision, 0, 0},
                           "deck refused: `affiche --check` " + check->how_it_ended());
        }
        if (check->exit_code != 0) {
            return failure({m.revision, 0, 0}, "deck refused: `affiche --check` finds errors; "
                                               "first: " +
                                                   first_error_line(check->output));
        }
    }
    return Done{};
}

void publish_report(const SyncConfig& c, const SyncReport& report) {
    StatusFile status(c.status_file);
    status.write_text(sync_status_json(report));
    MetricsFile metrics(c.metrics_file);
    metrics.write(sync_metrics(report));
}

} // namespace

std::string manifest_url_of(const std::string& url) {
    if (url.size() >= 5 && url.compare(url.size() - 5, 5, ".toml") == 0) return url;
    const std::string base = !url.empty() && url.back() == '/' ? url : url + "/";
    return base + std::string(manifest_file_name);
}

PullOutcome pull_once(const SyncConfig& c, std::int64_t now) {
    PullOutcome out;
    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    auto state = read_sync_state(c.state_dir);
    if (!state) {
        out.message = format_diagnostic(state.error());
        return out;
    }
    StateLock lock(c.state_dir);
    if (!lock.acquired()) {
        out.message = c.state_dir + ": error: another affiche-sync pass is running";
        return out;
    }
    SyncState s = *state;
    s.last_attempt_unix = now;
    Pass pass(c, now);
    auto kind = pass.run(s);
    out.bytes_received = pass.bytes();
    out.archive_downloads = pass.downloads();
    if (kind) {
        out.kind = *kind;
        s.last_success_unix = now;
        s.last_error = *kind == PullOutcome::Kind::stale ? "stale: the manifest has expired" : "";
    } else {
        out.kind = pass.stale() ? PullOutcome::Kind::stale : PullOutcome::Kind::failed;
        out.message = format_diagnostic(kind.error());
        s.last_error = out.message;
        // Stale is news about the publisher, not a sync failure: the server answered.
        if (pass.stale())
            s.last_success_unix = now;
        else
            ++s.failures_total;
    }
    if (auto w = write_sync_state(c.state_dir, s); !w && out.message.empty()) {
        out.kind = PullOutcome::Kind::failed;
        out.message = format_diagnostic(w.error());
    }
    if (kind && out.kind == PullOutcome::Kind::installed) {
        if (auto pruned = pass.store().prune(c.keep); !pruned)
            out.message = format_diagnostic(pruned.error());
    }
    out.report = {c.url, now, pass.store().current_revision(), s, pass.stale()};
    publish_report(c, out.report);
    return out;
}

Result<std::string> rollback_once(const SyncConfig& c) {
    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    StateLock lock(c.state_dir);
    if (!lock.acquired())
        return failure({c.state_dir, 0, 0}, "another affiche-sync pass is running");
    return ContentStore(c.root).rollback();
}

} // namespace affiche
