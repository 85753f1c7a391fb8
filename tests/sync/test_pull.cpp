// Tests of one pull pass over file:// (real files, real signatures): fail-closed state, what is
// installed is what was signed, ETag bookkeeping, truthful outcomes.
#include "sync/pull.hpp"

#include "pull_test_support.hpp"
#include "service/revision.hpp"
#include "sync/sync_state.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::FaultServer;
using affiche::testing::no_minisign;
using affiche::testing::no_minisign_or_python;
using affiche::testing::PullBench;
using affiche::testing::read_text;
namespace fs = std::filesystem;

TEST_CASE("pull: a state file that cannot be read stops the pass, changes nothing, resets "
          "nothing" *
          no_minisign()) {
    PullBench b;
    const Manifest first = b.publish_deck();
    REQUIRE(b.pull().kind == PullOutcome::Kind::installed);
    const std::string state_path = b.tmp.path("screen/state/sync.state");
    const std::string good = read_text(state_path);
    b.edit_deck("\n# edited\n");
    const Manifest second = b.publish_deck();
    REQUIRE(second.sequence == 2);
    struct Bad {
        const char* what;
        void (*make)(const std::string& path);
        const char* message;
    };
    const Bad cases[] = {
        {"a folder", [](const std::string& p) { fs::create_directory(p); }, "it is a folder"},
        {"a FIFO", [](const std::string& p) { REQUIRE(::mkfifo(p.c_str(), 0600) == 0); },
         "it is a FIFO"},
        {"a link", [](const std::string& p) { fs::create_symlink("/etc/hostname", p); },
         "symbolic link"},
        {"empty", [](const std::string& p) { affiche::testing::TempDir::write_at(p, ""); },
         "no 'sequence'"},
        {"garbage",
         [](const std::string& p) {
             affiche::testing::TempDir::write_at(p, "\x7f"
                                                    "ELF\x01\x02");
         },
         "damaged sync state"},
        {"a sequence too high",
         [](const std::string& p) {
             affiche::testing::TempDir::write_at(p, "sequence 9223372036854775807\n");
         },
         "damaged sync state"},
    };
    for (const Bad& bad : cases) {
        CAPTURE(bad.what);
        fs::remove_all(state_path);
        bad.make(state_path);
        const PullOutcome out = b.pull();
        CHECK(out.kind == PullOutcome::Kind::failed);
        CHECK(out.message.find(bad.message) != std::string::npos);
        CHECK(b.current() == "content/" + first.revision); // the screen kept its deck
        CHECK(read_text(b.tmp.path("screen/status.json")).find(bad.message) != std::string::npos);
    }
    // Put back, the next valid publication is taken.
    fs::remove_all(state_path);
    affiche::testing::TempDir::write_at(state_path, good);
    CHECK(b.pull().kind == PullOutcome::Kind::installed);
    CHECK(b.current() == "content/" + second.revision);
}

TEST_CASE("pull: an installed revision is the one whose files were signed, not a label" *
          no_minisign()) {
    PullBench b;
    const Manifest a = b.install_first();
    const Manifest deck_b = b.publish_another();
    // A signed manifest that calls deck B's archive by deck A's revision: refused, not "already
    // installed".
    Manifest lying = deck_b;
    lying.revision = a.revision;
    lying.sequence = deck_b.sequence + 1;
    b.sign(lying);
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("not the signed revision " + a.revision) != std::string::npos);
    CHECK(out.archive_downloads == 1);
    CHECK(b.current() == "content/" + a.revision);
    // A folder whose files were changed on disk is not reused for a new publication of it.
    b.tmp.write("screen/content/" + a.revision + "/slides/deck.toml", "# tampered\n");
    fs::remove(b.tmp.path("screen/digests/" + a.revision + ".sha256"));
    Manifest again = a;
    again.sequence = lying.sequence + 1;
    b.sign(again);
    const PullOutcome fixed = b.pull();
    CHECK(fixed.kind == PullOutcome::Kind::installed);
    CHECK(fixed.archive_downloads == 1);
    CHECK(deck_revision(b.tmp.path("screen/current")) == a.revision);
    // The same archive published again under a new sequence is not downloaded again.
    again.sequence += 1;
    b.sign(again);
    const PullOutcome reused = b.pull();
    CHECK(reused.kind == PullOutcome::Kind::installed);
    CHECK(reused.archive_downloads == 0);
}

TEST_CASE("pull: a manifest sequence past the documented maximum is refused" * no_minisign()) {
    PullBench b;
    Manifest m = b.publish_deck();
    m.sequence = max_sequence + 1;
    b.sign(m);
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("'sequence' must be at most 9007199254740991") != std::string::npos);
    m.sequence = 2; // the publisher goes on
    b.sign(m);
    CHECK(b.pull().kind == PullOutcome::Kind::installed);
}

namespace {

// Rewrites the state's ETag (as if stored by an older version, or by hand), fetched at now.
void plant_etag(const PullBench& b, const std::string& etag) {
    auto s = read_sync_state(b.tmp.path("screen/state"));
    REQUIRE(s.ok());
    s->etag = etag;
    s->etag_since_unix = b.now;
    REQUIRE(write_sync_state(b.tmp.path("screen/state"), *s).ok());
}

std::string stored_etag(const PullBench& b) {
    auto s = read_sync_state(b.tmp.path("screen/state"));
    REQUIRE(s.ok());
    return s->etag;
}

} // namespace

TEST_CASE("pull: a stored ETag that is not a valid one is never sent" * no_minisign_or_python()) {
    PullBench b;
    FaultServer server(b.tmp);
    b.publish_deck();
    SyncConfig c = b.config();
    c.url = server.url("ok");
    REQUIRE(pull_once(c, b.now).kind == PullOutcome::Kind::installed);
    server.manifest_validators();
    const std::string cases[] = {"*", "\"" + std::string(4094, 'a') + "\"", "W/*", "\"a b\""};
    for (const std::string& bad : cases) {
        CAPTURE(bad.substr(0, 8));
        plant_etag(b, bad);
        const PullOutcome out = pull_once(c, b.now + 60);
        CHECK(out.kind == PullOutcome::Kind::unchanged);
        CHECK(server.manifest_validators() == std::vector<std::string>{"-"}); // unconditional
        CHECK(stored_etag(b).empty());                                        // and not kept
    }
}

TEST_CASE("pull: after a 4xx the stored ETag is dropped, the next fetch is unconditional" *
          no_minisign_or_python()) {
    PullBench b;
    FaultServer server(b.tmp);
    b.publish_deck();
    SyncConfig c = b.config();
    c.url = server.url("ok");
    REQUIRE(pull_once(c, b.now).kind == PullOutcome::Kind::installed);
    plant_etag(b, "\"v1\"");
    fs::rename(b.tmp.path("site/manifest.toml"), b.tmp.path("away.toml"));
    server.manifest_validators();
    const PullOutcome missing = pull_once(c, b.now + 60);
    CHECK(missing.kind == PullOutcome::Kind::failed);
    CHECK(missing.message.find("HTTP 404") != std::string::npos);
    CHECK(server.manifest_validators() == std::vector<std::string>{"\"v1\""});
    CHECK(stored_etag(b).empty());
    fs::rename(b.tmp.path("away.toml"), b.tmp.path("site/manifest.toml"));
    CHECK(pull_once(c, b.now + 120).kind == PullOutcome::Kind::unchanged);
    CHECK(server.manifest_validators() == std::vector<std::string>{"-"});
}

TEST_CASE("pull: after a day of 304s alone the manifest is fetched unconditionally" *
          no_minisign_or_python()) {
    PullBench b;
    FaultServer server(b.tmp);
    b.publish_deck();
    SyncConfig c = b.config();
    c.url = server.url("validating"); // an ETag of the bytes, 304 to it, as nginx
    REQUIRE(pull_once(c, b.now).kind == PullOutcome::Kind::installed);
    const std::string etag = stored_etag(b);
    REQUIRE(etag.starts_with("\""));
    server.manifest_validators();
    CHECK(pull_once(c, b.now + 3600).kind == PullOutcome::Kind::unchanged);
    CHECK(server.manifest_validators() == std::vector<std::string>{etag}); // a 304
    CHECK(pull_once(c, b.now + 23 * 3600).kind == PullOutcome::Kind::unchanged);
    CHECK(server.manifest_validators() == std::vector<std::string>{etag});
    const std::int64_t later = b.now + 25 * 3600;
    CHECK(pull_once(c, later).kind == PullOutcome::Kind::unchanged);
    CHECK(server.manifest_validators() == std::vector<std::string>{"-"});
    auto s = read_sync_state(b.tmp.path("screen/state"));
    REQUIRE(s.ok());
    CHECK(s->etag_since_unix == later); // the next day of 304s counts from now
    CHECK(s->etag == etag);
    // A clock set back before the ETag was fetched: unconditional too.
    server.manifest_validators();
    CHECK(pull_once(c, later - 600).kind == PullOutcome::Kind::unchanged);
    CHECK(server.manifest_validators() == std::vector<std::string>{"-"});
}

TEST_CASE("pull: a current restored after a 304 whose state cannot be written is said so" *
          no_minisign_or_python()) {
    PullBench b;
    FaultServer server(b.tmp);
    const Manifest a = b.publish_deck();
    SyncConfig c = b.config();
    c.url = server.url("validating");
    REQUIRE(pull_once(c, b.now).kind == PullOutcome::Kind::installed);
    fs::remove(b.tmp.path("screen/current"));
    fs::create_directory(b.tmp.path("screen/state/sync.state.tmp")); // the state write fails
    server.manifest_validators();
    const PullOutcome out = pull_once(c, b.now + 60);
    CHECK(server.manifest_validators().size() == 1);
    CHECK(out.kind == PullOutcome::Kind::installed_unrecorded); // exit 3, not 1
    CHECK(out.message.find("revision " + a.revision + " is back on screen") != std::string::npos);
    CHECK(b.current() == "content/" + a.revision);
    CHECK(out.report.revision_on_screen == a.revision);
}

TEST_CASE("pull: 'another pass is running' only when one is" * no_minisign()) {
    PullBench b;
    b.publish_deck();
    fs::create_directories(b.tmp.path("screen/state"));
    fs::create_symlink("/nonexistent/lock", b.tmp.path("screen/state/lock"));
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("another") == std::string::npos);
    CHECK(out.message.find("lock file") != std::string::npos);
}

TEST_CASE("pull: 'another pass is running' when a pass holds the lock" * no_minisign()) {
    PullBench b;
    b.publish_deck();
    fs::create_directories(b.tmp.path("screen/state"));
    // Another pass: a descriptor of the lock file with the flock held (its own open file
    // description, so it conflicts even within this process).
    const int held =
        ::open(b.tmp.path("screen/state/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    REQUIRE(held >= 0);
    REQUIRE(::flock(held, LOCK_EX | LOCK_NB) == 0);
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("another affiche-sync pass is running") != std::string::npos);
    CHECK(b.current().empty()); // nothing installed meanwhile
    ::close(held);
    CHECK(b.pull().kind == PullOutcome::Kind::installed);
}

TEST_CASE("pull: FIFOs at the temporary names neither hang the pass nor stop it" * no_minisign()) {
    PullBench b;
    b.install_first();
    const Manifest deck_b = b.publish_another();
    // A FIFO with no reader where the state, the status and the digest record are written: a
    // blocking open would hang the pass for ever, so it runs in a child with a deadline.
    const std::vector<std::string> temporaries = {
        "screen/state/sync.state.tmp", "screen/status.json.tmp",
        "screen/digests/" + deck_b.revision + ".sha256.tmp"};
    for (const std::string& tmp : temporaries) {
        REQUIRE(::mkfifo(b.tmp.path(tmp).c_str(), 0600) == 0);
    }
    const int code =
        affiche::testing::run_in_child([&] { return static_cast<int>(b.pull().kind); }, 60'000);
    // -1: still running after 60 s (the FIFOs are left, so stop here).
    REQUIRE(code == static_cast<int>(PullOutcome::Kind::installed));
    CHECK(b.current() == "content/" + deck_b.revision);
    auto s = read_sync_state(b.tmp.path("screen/state"));
    REQUIRE(s.ok());
    CHECK(s->sequence == deck_b.sequence);
    CHECK(read_text(b.tmp.path("screen/status.json")).find(deck_b.revision) != std::string::npos);
}

TEST_CASE("pull: a current deleted by hand, put back, its state unwritable: exit 3 says so" *
          no_minisign()) {
    PullBench b;
    const Manifest a = b.install_first();
    fs::remove(b.tmp.path("screen/current"));
    fs::create_directory(b.tmp.path("screen/state/sync.state.tmp")); // the state write fails
    const PullOutcome out = b.pull(); // the same manifest again: nothing new, current put back
    CHECK(out.kind == PullOutcome::Kind::installed_unrecorded);
    CHECK(std::string(outcome_word(out.kind)) == "installed_unrecorded");
    CHECK(out.message.find("revision " + a.revision +
                           " is back on screen, its `current` link having been deleted") !=
          std::string::npos);
    CHECK(b.current() == "content/" + a.revision);
    fs::remove(b.tmp.path("screen/state/sync.state.tmp"));
    CHECK(b.pull().kind == PullOutcome::Kind::unchanged);
}

TEST_CASE("pull: an installed folder whose file became a link is not reused as is" *
          no_minisign()) {
    PullBench b;
    const Manifest a = b.install_first();
    const Manifest deck_b = b.publish_another();
    REQUIRE(b.pull().kind == PullOutcome::Kind::installed);
    // In A's folder, a file replaced by a link to the same bytes elsewhere: its revision reads
    // the same through the link, but the link could later point anywhere.
    const std::string file = b.tmp.path("screen/content/" + a.revision + "/slides/deck.toml");
    b.tmp.write("elsewhere/deck.toml", read_text(file));
    fs::remove(file);
    fs::create_symlink(b.tmp.path("elsewhere/deck.toml"), file);
    fs::remove(b.tmp.path("screen/digests/" + a.revision + ".sha256"));
    Manifest again = a;
    again.sequence = deck_b.sequence + 1;
    b.sign(again);
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::installed);
    CHECK(out.archive_downloads == 1);
    CHECK(b.current() == "content/" + a.revision);
    CHECK_FALSE(fs::is_symlink(file)); // replaced by the signed file itself
    CHECK(deck_revision(b.tmp.path("screen/current"), Links::refuse) == a.revision);
}

TEST_CASE("pull: a swap whose state cannot be recorded is undone, and exit 1 stays true" *
          no_minisign()) {
    PullBench b;
    const Manifest a = b.install_first();
    const Manifest deck_b = b.publish_another();
    // A folder where the state's temporary file goes: the durable write fails after the swap.
    fs::create_directory(b.tmp.path("screen/state/sync.state.tmp"));
    const PullOutcome out = b.pull();
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("taken off the screen again: revision " + a.revision +
                           " is on screen") != std::string::npos);
    CHECK(b.current() == "content/" + a.revision);
    CHECK(out.report.revision_on_screen == a.revision);
    CHECK(out.report.state.sequence == a.sequence);
    fs::remove(b.tmp.path("screen/state/sync.state.tmp"));
    CHECK(b.pull().kind == PullOutcome::Kind::installed);
    CHECK(b.current() == "content/" + deck_b.revision);
}

TEST_CASE("pull: without the player's own check nothing is installed" * no_minisign()) {
    PullBench b;
    b.publish_deck();
    SyncConfig c = b.config();
    c.player_program.clear();
    const PullOutcome out = pull_once(c, b.now);
    CHECK(out.kind == PullOutcome::Kind::failed);
    CHECK(out.message.find("the player's own check is not available") != std::string::npos);
    CHECK(b.current().empty());
}
