// The pull pass: each step either succeeds or leaves the screen's current deck untouched.
#include "sync/pull.hpp"

#include "schedule/deck_check.hpp"
#include "service/metrics_file.hpp"
#include "service/revision.hpp"
#include "service/status_file.hpp"
#include "sync/content_store.hpp"
#include "sync/fetcher.hpp"
#include "sync/manifest.hpp"
#include "sync/player_check.hpp"
#include "sync/report_sender.hpp"
#include "sync/safe_extract.hpp"
#include "sync/sha256.hpp"
#include "sync/trusted_keys.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

namespace {

constexpr std::uint64_t max_signature_bytes = 4096;
// After this long on 304s alone (seconds), the manifest is fetched without If-None-Match: a
// validator the server keeps answering for a file it no longer has cannot freeze a screen.
constexpr std::int64_t etag_max_age_s = 24 * 3600;

// An exclusive lock on the state folder: the timer's pass and a manual one never overlap. The
// kernel drops it when the process dies, even by SIGKILL.
class StateLock {
  public:
    // O_NOFOLLOW: a link planted as the lock is refused, never created through.
    explicit StateLock(const std::string& dir)
        : path_(dir + "/lock"),
          fd_(::open(path_.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644)) {
    }
    ~StateLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;
    // Done when held; else why not: "another pass is running" only when flock says so.
    Result<Done> acquire() const {
        if (fd_ < 0) {
            return failure({path_, 0, 0},
                           std::string("cannot open the lock file: ") +
                               (errno_ == ELOOP ? "it is a symbolic link" : std::strerror(errno_)));
        }
        struct stat st {};
        if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
            return failure({path_, 0, 0}, "the lock file is not a regular file");
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) return Done{};
        if (errno == EWOULDBLOCK) {
            return failure({path_, 0, 0}, "another affiche-sync pass is running");
        }
        return failure({path_, 0, 0}, std::string("cannot lock: ") + std::strerror(errno));
    }

  private:
    std::string path_;
    int fd_;
    int errno_ = fd_ < 0 ? errno : 0;
};

class Pass {
  public:
    // deadline: the pass's (steady clock), which no step outlives.
    Pass(const SyncConfig& c, std::int64_t now, std::chrono::steady_clock::time_point deadline)
        : c_(c), now_(now), deadline_(deadline), store_(c.root) {}

    Result<PullOutcome::Kind> run(SyncState& state);
    std::uint64_t bytes() const { return bytes_; }
    int downloads() const { return downloads_; }
    const std::string& etag() const { return etag_; }
    bool stale() const { return stale_; }
    // A 4xx answered some request of this pass: the stored ETag is dropped.
    bool client_error() const { return client_error_; }
    // The revision this pass put back on screen because `current` had been deleted by hand (""
    // when none): the screen changed although nothing new was installed.
    const std::string& restored() const { return restored_; }
    const ContentStore& store() const { return store_; }

  private:
    Result<FetchReply> get(const std::string& url, const std::string& etag, std::uint64_t max,
                           const std::string& to_file = "");
    Result<Manifest> verified_manifest(const std::string& body, const std::string& url);
    Result<PullOutcome::Kind> accept(const Manifest& m, SyncState& state);
    Result<Done> download_and_install(const Manifest& m, const std::string& manifest_url);
    Result<Done> unpack_and_check(const Manifest& m, const std::string& archive,
                                  const std::string& tree);
    Result<Done> restore_current(const std::string& revision);

    const SyncConfig& c_;
    std::int64_t now_;
    std::chrono::steady_clock::time_point deadline_;
    ContentStore store_;
    std::uint64_t bytes_ = 0;
    int downloads_ = 0;
    std::string etag_;
    bool stale_ = false;
    bool client_error_ = false;
    std::string restored_;
};

Result<FetchReply> Pass::get(const std::string& url, const std::string& etag, std::uint64_t max,
                             const std::string& to_file) {
    long status = 0;
    auto reply = fetch({url, etag, max, to_file, deadline_, c_.ca_file}, c_.fetch, &status);
    if (status >= 400 && status < 500) client_error_ = true;
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
    // A conditional GET only when what that ETag stood for is still installed, the ETag is one
    // this version would store, and the last unconditional fetch is recent.
    const bool have = state.sequence > 0 && store_.has_revision(state.revision);
    const bool fresh =
        now_ >= state.etag_since_unix && now_ - state.etag_since_unix < etag_max_age_s;
    const bool conditional = have && fresh && valid_etag(state.etag);
    auto reply = get(url, conditional ? state.etag : "", c_.max_manifest_bytes);
    if (!reply) return reply.error();
    if (reply->not_modified) {
        etag_ = state.etag;
        // A current deleted by hand is put back, even when nothing was published.
        if (auto r = restore_current(state.revision); !r) return r.error();
        stale_ = state.expires_unix > 0 && now_ >= state.expires_unix;
        return stale_ ? PullOutcome::Kind::stale : PullOutcome::Kind::unchanged;
    }
    auto manifest = verified_manifest(reply->body, url);
    if (!manifest) return manifest.error();
    etag_ = reply->etag;
    auto kind = accept(*manifest, state);
    if (kind) state.etag_since_unix = now_; // the ETag now stored was fetched unconditionally
    return kind;
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
        if (auto r = restore_current(m.revision); !r) return r.error();
        state.etag = etag_;
        state.expires_unix = m.expires;
        return PullOutcome::Kind::unchanged;
    }
    if (m.size > c_.deck.max_archive_bytes) {
        return failure({url, 0, 0}, "refused: the archive is " + std::to_string(m.size) +
                                        " bytes, over the configured limit of " +
                                        std::to_string(c_.deck.max_archive_bytes));
    }
    // What is installed is what was signed: a folder of that name is reused only when it came
    // from this very archive (its recorded digest is the signed one). Otherwise the archive is
    // downloaded and its files must hash to the signed revision.
    const bool reusable =
        store_.has_revision(m.revision) && store_.installed_digest(m.revision) == m.sha256;
    if (!reusable) {
        if (auto r = download_and_install(m, url); !r) return r.error();
    } else {
        store_.mark_newest(m.revision);
    }
    // Past the deadline nothing changes on screen: the next pass starts afresh.
    if (std::chrono::steady_clock::now() >= deadline_) {
        return failure({url, 0, 0}, "timed out: the pass ran past its " +
                                        std::to_string(c_.pass_timeout.count()) +
                                        " s deadline before the swap; the current deck stays");
    }
    if (auto r = store_.swap_current(m.revision); !r) return r.error();
    state.sequence = m.sequence;
    state.revision = m.revision;
    state.etag = etag_;
    state.expires_unix = m.expires;
    return PullOutcome::Kind::installed;
}

Result<Done> Pass::restore_current(const std::string& revision) {
    if (!store_.current_revision().empty()) return Done{};
    if (auto r = store_.swap_current(revision); !r) return r.error();
    restored_ = revision;
    return Done{};
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
        // The new tree hashes to the signed revision (unpack_and_check): a folder of that name
        // whose files still do is kept, one whose files do not is replaced, atomically.
        // Links are not followed there: a file replaced by a link is not the signed file.
        const bool intact =
            store_.has_revision(m.revision) &&
            deck_revision(store_.revision_dir(m.revision), Links::refuse) == m.revision;
        return store_.install(tree, m.revision, m.sha256,
                              intact ? ContentStore::Existing::keep
                                     : ContentStore::Existing::replace);
    }();
    std::error_code ec;
    fs::remove_all(*incoming, ec); // the archive, and the tree when it was not installed
    return result;
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
    ExtractLimits limits = c_.deck;
    limits.deadline = deadline_;
    if (auto r = extract_archive(archive, tree, limits); !r) return r.error();
    // The same checks as `affiche --check` (without SDL): a deck with errors never reaches current.
    const LoadResult loaded = check_deck(tree, now_);
    const int errors = count(loaded.diagnostics, Severity::error);
    for (const Diagnostic& d : loaded.diagnostics) {
        if (d.severity != Severity::error) continue;
        return failure({m.revision, 0, 0}, "deck refused, it fails validation (" +
                                               std::to_string(errors) +
                                               " error(s)); first: " + format_diagnostic(d));
    }
    // And the player's own check, which decodes every image: a deck the player would refuse at
    // its next start never becomes current.
    if (c_.player_program.empty()) {
        return failure({m.revision, 0, 0},
                       "deck refused: the player's own check is not available (no `affiche` "
                       "beside affiche-sync), and a deck it has not accepted is never installed",
                       "install the affiche package on this screen");
    }
    {
        auto verdict = run_player_check(
            c_.player_program, tree, ChildOutput::capture,
            std::min(std::chrono::steady_clock::now() + c_.player_check_timeout, deadline_));
        if (!verdict) {
            return failure({m.revision, 0, 0}, "deck refused: " + verdict.error().message);
        }
        if (!verdict->accepted) {
            return failure({m.revision, 0, 0}, "deck refused: `affiche --check` finds errors; "
                                               "first: " +
                                                   verdict->first_error);
        }
    }
    // What is installed is what was signed: the unpacked files must hash to the signed revision,
    // so a folder content/<revision> always holds that revision (the label is not trusted).
    const std::string unpacked =
        loaded.content ? deck_revision(*loaded.content) : deck_revision(tree);
    if (unpacked != m.revision) {
        return failure({m.revision, 0, 0}, "deck refused: its files are revision " + unpacked +
                                               ", not the signed revision " + m.revision);
    }
    return Done{};
}

// After a swap to installed, the state could not be written (why): the swap is undone, so exit 1
// still means "the screen kept its deck"; when even that fails, the outcome says exactly what is
// on screen.
void record_failed(const ContentStore& store, const std::string& installed, const std::string& why,
                   PullOutcome& out) {
    const std::string& before = out.previous_revision;
    std::error_code ec;
    const bool undone = before.empty() ? fs::remove(store.current_link(), ec) && !ec
                                       : store.swap_current(before).ok();
    if (undone) {
        out.kind = PullOutcome::Kind::failed;
        out.message = why + " (the state was not recorded, so " + installed +
                      " was taken off the screen again: " +
                      (before.empty() ? std::string("no deck") : "revision " + before) +
                      " is on screen, as before the pass)";
        return;
    }
    out.kind = PullOutcome::Kind::installed_unrecorded;
    out.message = why + " (revision " + installed +
                  " is on screen, but the state was not recorded and the swap could not be "
                  "undone; the next pass records it)";
}

// The report to the studio (when configured), then status.json and the metrics.
void publish_report(const SyncConfig& c, SyncReport& report) {
    report.report = send_screen_report(c, report, report.now_unix);
    StatusFile status(c.status_file);
    status.write_text(sync_status_json(report));
    MetricsFile metrics(c.metrics_file);
    metrics.write(sync_metrics(report));
}

} // namespace

const char* outcome_word(PullOutcome::Kind kind) {
    switch (kind) {
    case PullOutcome::Kind::unchanged:
        return "unchanged";
    case PullOutcome::Kind::installed:
        return "installed";
    case PullOutcome::Kind::stale:
        return "stale";
    case PullOutcome::Kind::failed:
        return "failed";
    case PullOutcome::Kind::installed_unrecorded:
        return "installed_unrecorded";
    }
    return "failed";
}

std::string manifest_url_of(const std::string& url) {
    if (url.size() >= 5 && url.compare(url.size() - 5, 5, ".toml") == 0) return url;
    const std::string base = !url.empty() && url.back() == '/' ? url : url + "/";
    return base + std::string(manifest_file_name);
}

PullOutcome pull_once(const SyncConfig& c, std::int64_t now) {
    PullOutcome out;
    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    StateLock lock(c.state_dir);
    if (auto held = lock.acquire(); !held) {
        out.message = format_diagnostic(held.error());
        return out;
    }
    out.previous_revision = ContentStore(c.root).current_revision();
    // Read under the lock: a pass running meanwhile cannot have changed it. Fail closed: a state
    // that cannot be read stops the pass with nothing changed (no reset of the sequence).
    auto state = read_sync_state(c.state_dir);
    if (!state) {
        out.message = format_diagnostic(state.error());
        SyncState shown;
        shown.last_attempt_unix = now;
        shown.last_error = out.message;
        out.report = {c.url,       now,   ContentStore(c.root).current_revision(),
                      shown,       false, outcome_word(out.kind),
                      std::nullopt};
        publish_report(c, out.report);
        return out;
    }
    SyncState s = *state;
    s.last_attempt_unix = now;
    Pass pass(c, now, std::chrono::steady_clock::now() + c.pass_timeout);
    auto kind = pass.run(s);
    out.bytes_received = pass.bytes();
    out.archive_downloads = pass.downloads();
    if (kind) {
        out.kind = *kind;
        s.last_success_unix = now;
        s.last_error = *kind == PullOutcome::Kind::stale ? "stale: the manifest has expired" : "";
    } else {
        // A validator answered by a 4xx is not sent again: the next pass asks unconditionally.
        if (pass.client_error()) s.etag.clear();
        out.kind = pass.stale() ? PullOutcome::Kind::stale : PullOutcome::Kind::failed;
        out.message = format_diagnostic(kind.error());
        s.last_error = out.message;
        // Stale is news about the publisher, not a sync failure: the server answered.
        if (pass.stale())
            s.last_success_unix = now;
        else
            ++s.failures_total;
    }
    if (auto w = write_sync_state(c.state_dir, s); !w) {
        if (out.kind == PullOutcome::Kind::installed) {
            record_failed(pass.store(), s.revision, format_diagnostic(w.error()), out);
            if (out.kind == PullOutcome::Kind::failed) { // undone: the status says the old state
                s = *state;
                s.last_attempt_unix = now;
                s.last_error = out.message;
                ++s.failures_total;
            }
        } else if (!pass.restored().empty()) {
            // The screen changed (current is back): exit 1, "the screen kept its deck", would
            // not be true. Nothing is undone: the revision put back is the recorded one.
            out.kind = PullOutcome::Kind::installed_unrecorded;
            out.message = format_diagnostic(w.error()) + " (revision " + pass.restored() +
                          " is back on screen, its `current` link having been deleted, but the "
                          "state was not recorded; the next pass records it)";
        } else if (out.message.empty()) {
            out.kind = PullOutcome::Kind::failed;
            out.message = format_diagnostic(w.error());
        }
    }
    if (kind && out.kind == PullOutcome::Kind::installed) {
        if (auto pruned = pass.store().prune(c.keep); !pruned)
            out.message = format_diagnostic(pruned.error());
    }
    out.report = {c.url,       now,          pass.store().current_revision(),
                  s,           pass.stale(), outcome_word(out.kind),
                  std::nullopt};
    publish_report(c, out.report);
    return out;
}

Result<std::string> rollback_once(const SyncConfig& c) {
    std::error_code ec;
    fs::create_directories(c.state_dir, ec);
    StateLock lock(c.state_dir);
    if (auto held = lock.acquire(); !held) return held.error();
    return ContentStore(c.root).rollback();
}

} // namespace affiche
