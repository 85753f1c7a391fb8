// ScreenStore on SQLite: the schema, the verdict on each report, approval, pruning.
#include "studio/screen_store.hpp"

#include "sync/report_signing.hpp"

#include <cstdlib>

namespace affiche {

namespace {

const char* const schema = R"sql(
PRAGMA auto_vacuum = INCREMENTAL;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE IF NOT EXISTS screens (
  name TEXT PRIMARY KEY,
  state TEXT NOT NULL,              -- 'pending' | 'approved'
  key BLOB NOT NULL,                -- the 32-byte Ed25519 public key (approved, or waiting)
  fingerprint TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,       -- the last report signed by this key
  counter INTEGER NOT NULL,         -- the highest counter seen from this key
  last_report INTEGER,              -- the last accepted report's arrival
  report TEXT,                      -- its fields, JSON
  revision_since INTEGER,
  thumbnail BLOB,
  thumbnail_type TEXT,
  thumbnail_time INTEGER
);
CREATE TABLE IF NOT EXISTS refusals (
  name TEXT NOT NULL,               -- '' when the report named no known screen
  kind TEXT NOT NULL,
  count INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (name, kind)
);
CREATE TABLE IF NOT EXISTS plays (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  first INTEGER NOT NULL,
  last INTEGER NOT NULL,
  reports INTEGER NOT NULL,
  revision TEXT,
  screen_on INTEGER,
  announcement TEXT
);
CREATE INDEX IF NOT EXISTS plays_by_last ON plays (last);
CREATE INDEX IF NOT EXISTS plays_by_name ON plays (name, id);
)sql";

// BEGIN IMMEDIATE ... COMMIT, rolled back when an exception leaves the scope.
class Transaction {
  public:
    explicit Transaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }
    ~Transaction() {
        if (!done_) {
            try {
                db_.exec("ROLLBACK");
            } catch (...) {
            }
        }
    }
    void commit() {
        db_.exec("COMMIT");
        done_ = true;
    }

  private:
    SqliteDb& db_;
    bool done_ = false;
};

template <class T> void bind_optional(SqliteStatement& s, int at, const std::optional<T>& v) {
    if (v)
        s.bind(at, *v);
    else
        s.bind(at, std::nullopt);
}

} // namespace

Result<std::unique_ptr<ScreenStore>> ScreenStore::open(const std::string& path,
                                                       ScreenStoreLimits limits) {
    auto db = SqliteDb::open(path);
    if (!db) return db.error();
    try {
        db->exec(schema);
    } catch (const std::exception& e) {
        return failure(SourceLoc{path, 0, 0}, e.what());
    }
    return std::unique_ptr<ScreenStore>(new ScreenStore(std::move(db).value(), limits));
}

ScreenStore::Verdict ScreenStore::receive(const ReceivedReport& r, std::int64_t now) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    auto find = db_.prepare("SELECT state, key, counter, report FROM screens WHERE name = ?");
    find.bind(1, r.name);
    if (!find.step()) {
        // A new screen: waits for an editor. The oldest waiting ones make room.
        auto count = db_.prepare("SELECT count(*) FROM screens WHERE state = 'pending'");
        count.step();
        if (count.integer(0) >= limits_.max_pending)
            db_.prepare("DELETE FROM screens WHERE name = (SELECT name FROM screens WHERE state = "
                        "'pending' ORDER BY last_seen LIMIT 1)")
                .step();
        db_.prepare("INSERT INTO screens (name, state, key, fingerprint, first_seen, last_seen, "
                    "counter) VALUES (?, 'pending', ?, ?, ?, ?, ?)")
            .bind(1, r.name)
            .bind_blob(2, r.key)
            .bind(3, report_fingerprint(r.key))
            .bind(4, now)
            .bind(5, now)
            .bind(6, r.counter)
            .step();
        tx.commit();
        return Verdict::pending;
    }
    const std::string state = find.text(0);
    const std::string key = find.text(1);
    const std::int64_t counter = find.integer(2);
    const bool had_report = !find.is_null(3);
    if (state == "pending") {
        // The latest key waiting for this name wins (approve names the fingerprint it saw).
        if (key == r.key)
            db_.prepare(
                   "UPDATE screens SET last_seen = ?, counter = max(counter, ?) WHERE name = ?")
                .bind(1, now)
                .bind(2, r.counter)
                .bind(3, r.name)
                .step();
        else
            db_.prepare("UPDATE screens SET key = ?, fingerprint = ?, last_seen = ?, counter = ? "
                        "WHERE name = ?")
                .bind_blob(1, r.key)
                .bind(2, report_fingerprint(r.key))
                .bind(3, now)
                .bind(4, r.counter)
                .bind(5, r.name)
                .step();
        tx.commit();
        return Verdict::pending;
    }
    auto refused = [&](const char* kind, Verdict v) {
        db_.prepare(
               "INSERT INTO refusals (name, kind, count, last) VALUES (?, ?, 1, ?) "
               "ON CONFLICT (name, kind) DO UPDATE SET count = count + 1, last = excluded.last")
            .bind(1, r.name)
            .bind(2, std::string_view(kind))
            .bind(3, now)
            .step();
        tx.commit();
        return v;
    };
    if (key != r.key) return refused("other_key", Verdict::other_key);
    if (r.counter <= counter) return refused("replayed", Verdict::replayed);
    if (std::llabs(r.time - now) > report_clock_tolerance_s)
        return refused("stale", Verdict::stale);

    // Accepted: the last good state, the revision's start, the thumbnail, the proof of play.
    auto old = db_.prepare("SELECT json_extract(report, '$.revision_on_screen') FROM screens "
                           "WHERE name = ?");
    old.bind(1, r.name);
    old.step();
    const bool same_revision = had_report && old.is_null(0) == !r.revision_on_screen &&
                               (!r.revision_on_screen || old.text(0) == *r.revision_on_screen);
    auto update = db_.prepare(
        "UPDATE screens SET last_seen = ?1, counter = ?2, last_report = ?1, report = ?3, "
        "revision_since = CASE WHEN ?4 THEN revision_since ELSE ?1 END WHERE name = ?5");
    update.bind(1, now)
        .bind(2, r.counter)
        .bind(3, report_fields(r).dump())
        .bind(4, std::int64_t{same_revision})
        .bind(5, r.name)
        .step();
    if (!r.thumbnail.empty())
        db_.prepare("UPDATE screens SET thumbnail = ?, thumbnail_type = ?, thumbnail_time = ? "
                    "WHERE name = ?")
            .bind_blob(1, r.thumbnail)
            .bind(2, r.thumbnail_type)
            .bind(3, now)
            .bind(4, r.name)
            .step();
    record_play(r, now);
    const bool prune_now = now - last_prune_ >= limits_.prune_every_s;
    if (prune_now) prune_locked(now);
    tx.commit();
    if (prune_now) db_.exec("PRAGMA incremental_vacuum");
    return Verdict::accepted;
}

void ScreenStore::record_play(const ReceivedReport& r, std::int64_t now) {
    auto last = db_.prepare("SELECT id, last, revision, screen_on, announcement FROM plays "
                            "WHERE name = ? ORDER BY id DESC LIMIT 1");
    last.bind(1, r.name);
    if (last.step()) {
        auto same = [&](int column, const std::optional<std::string>& v) {
            return last.is_null(column) ? !v : (v && last.text(column) == *v);
        };
        const bool same_on = last.is_null(3)
                                 ? !r.screen_on
                                 : (r.screen_on && (last.integer(3) != 0) == *r.screen_on);
        if (now - last.integer(1) <= limits_.span_gap_s && same(2, r.revision_on_screen) &&
            same_on && same(4, r.announcement)) {
            db_.prepare("UPDATE plays SET last = ?, reports = reports + 1 WHERE id = ?")
                .bind(1, now)
                .bind(2, last.integer(0))
                .step();
            return;
        }
    }
    auto insert = db_.prepare("INSERT INTO plays (name, first, last, reports, revision, "
                              "screen_on, announcement) VALUES (?, ?, ?, 1, ?, ?, ?)");
    insert.bind(1, r.name).bind(2, now).bind(3, now);
    bind_optional(insert, 4, r.revision_on_screen);
    if (r.screen_on)
        insert.bind(5, std::int64_t{*r.screen_on});
    else
        insert.bind(5, std::nullopt);
    bind_optional(insert, 6, r.announcement);
    insert.step();
}

void ScreenStore::refuse(const std::string& name, const std::string& kind, std::int64_t now) {
    std::lock_guard lock(mutex_);
    auto known = db_.prepare("SELECT 1 FROM screens WHERE name = ?");
    known.bind(1, name);
    db_.prepare("INSERT INTO refusals (name, kind, count, last) VALUES (?, ?, 1, ?) "
                "ON CONFLICT (name, kind) DO UPDATE SET count = count + 1, last = excluded.last")
        .bind(1, known.step() ? name : std::string())
        .bind(2, kind)
        .bind(3, now)
        .step();
}

ScreenStore::Approval ScreenStore::approve(const std::string& name,
                                           const std::string& fingerprint) {
    std::lock_guard lock(mutex_);
    auto find = db_.prepare("SELECT fingerprint FROM screens WHERE name = ?");
    find.bind(1, name);
    if (!find.step()) return Approval::unknown;
    if (!fingerprint.empty() && find.text(0) != fingerprint) return Approval::other_fingerprint;
    db_.prepare("UPDATE screens SET state = 'approved' WHERE name = ?").bind(1, name).step();
    return Approval::approved;
}

bool ScreenStore::forget(const std::string& name) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    db_.prepare("DELETE FROM screens WHERE name = ?").bind(1, name).step();
    const bool removed = db_.changes() > 0;
    db_.prepare("DELETE FROM refusals WHERE name = ?").bind(1, name).step();
    tx.commit();
    return removed;
}

std::vector<ScreenRow> ScreenStore::screens() {
    std::lock_guard lock(mutex_);
    std::vector<ScreenRow> rows;
    auto q = db_.prepare("SELECT name, state, fingerprint, first_seen, last_seen, last_report, "
                         "report, revision_since, thumbnail_time FROM screens ORDER BY name");
    while (q.step()) {
        ScreenRow row;
        row.name = q.text(0);
        row.state = q.text(1);
        row.fingerprint = q.text(2);
        row.first_seen = q.integer(3);
        row.last_seen = q.integer(4);
        if (!q.is_null(5)) row.last_report = q.integer(5);
        row.report = q.is_null(6) ? nlohmann::json(nullptr)
                                  : nlohmann::json::parse(q.text(6), nullptr, false);
        if (!q.is_null(7)) row.revision_since = q.integer(7);
        if (!q.is_null(8)) row.thumbnail_time = q.integer(8);
        rows.push_back(std::move(row));
    }
    auto r = db_.prepare("SELECT name, kind, count FROM refusals WHERE name != ''");
    while (r.step())
        for (auto& row : rows)
            if (row.name == r.text(0)) row.refused[r.text(1)] = r.integer(2);
    return rows;
}

std::map<std::string, std::int64_t> ScreenStore::unattributed_refusals() {
    std::lock_guard lock(mutex_);
    std::map<std::string, std::int64_t> out;
    auto q = db_.prepare("SELECT kind, count FROM refusals WHERE name = ''");
    while (q.step())
        out[q.text(0)] = q.integer(1);
    return out;
}

std::optional<std::pair<std::string, std::string>> ScreenStore::thumbnail(const std::string& name) {
    std::lock_guard lock(mutex_);
    auto q = db_.prepare("SELECT thumbnail_type, thumbnail FROM screens WHERE name = ? AND "
                         "state = 'approved' AND thumbnail IS NOT NULL");
    q.bind(1, name);
    if (!q.step()) return std::nullopt;
    return std::pair{q.text(0), q.text(1)};
}

std::vector<PlaySpan> ScreenStore::plays(const std::string& name) {
    std::lock_guard lock(mutex_);
    std::vector<PlaySpan> out;
    auto q = db_.prepare("SELECT first, last, reports, revision, screen_on, announcement FROM "
                         "plays WHERE name = ? ORDER BY id DESC");
    q.bind(1, name);
    while (q.step()) {
        PlaySpan p;
        p.first = q.integer(0);
        p.last = q.integer(1);
        p.reports = q.integer(2);
        if (!q.is_null(3)) p.revision = q.text(3);
        if (!q.is_null(4)) p.screen_on = q.integer(4) != 0;
        if (!q.is_null(5)) p.announcement = q.text(5);
        out.push_back(std::move(p));
    }
    return out;
}

void ScreenStore::prune(std::int64_t now) {
    std::lock_guard lock(mutex_);
    Transaction tx(db_);
    prune_locked(now);
    tx.commit();
    db_.exec("PRAGMA incremental_vacuum");
}

void ScreenStore::prune_locked(std::int64_t now) {
    last_prune_ = now;
    const std::int64_t cutoff = now - limits_.keep_seconds;
    db_.prepare("DELETE FROM plays WHERE last < ?").bind(1, cutoff).step();
    db_.prepare("DELETE FROM plays WHERE id <= (SELECT max(id) FROM plays) - ?")
        .bind(1, limits_.max_play_rows)
        .step();
    // Screens that never got approved and stopped asking.
    db_.prepare("DELETE FROM screens WHERE state = 'pending' AND last_seen < ?")
        .bind(1, cutoff)
        .step();
}

std::int64_t ScreenStore::play_rows() {
    std::lock_guard lock(mutex_);
    auto q = db_.prepare("SELECT count(*) FROM plays");
    q.step();
    return q.integer(0);
}

} // namespace affiche
