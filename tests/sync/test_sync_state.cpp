// Tests of the sync state file: round trip, first run, and a damaged file refused (never reset).
#include "sync/sync_state.hpp"

#include "support/temp_dir.hpp"
#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

using namespace affiche;

TEST_CASE("sync state: written and read back, a missing file is a first run") {
    testing::TempDir tmp("state");
    auto fresh = read_sync_state(tmp.dir());
    REQUIRE(fresh.ok());
    CHECK(fresh->sequence == 0);
    SyncState s;
    s.sequence = 42;
    s.revision = "0123456789abcdef";
    s.etag = "\"6560a1b2-1c8\"";
    s.expires_unix = 1800000000;
    s.last_attempt_unix = 1700000001;
    s.last_success_unix = 1700000000;
    s.failures_total = 3;
    s.last_error = "line one\nline two";
    REQUIRE(write_sync_state(tmp.dir(), s).ok());
    auto back = read_sync_state(tmp.dir());
    REQUIRE(back.ok());
    CHECK(back->sequence == 42);
    CHECK(back->revision == s.revision);
    CHECK(back->etag == s.etag);
    CHECK(back->expires_unix == s.expires_unix);
    CHECK(back->last_attempt_unix == s.last_attempt_unix);
    CHECK(back->last_success_unix == s.last_success_unix);
    CHECK(back->failures_total == 3);
    CHECK(back->last_error == "line one line two");
}

TEST_CASE("sync state: a damaged file is an error with its line, not a reset to sequence 0") {
    testing::TempDir tmp("state");
    tmp.write("sync.state", "sequence 7\nsequence x\n");
    auto r = read_sync_state(tmp.dir());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().loc.line == 2);
    CHECK(format_diagnostic(r.error()).find("damaged sync state") != std::string::npos);
    tmp.write("sync.state", "sequence 7\nwho 1\n");
    CHECK_FALSE(read_sync_state(tmp.dir()).ok());
}

TEST_CASE("sync state: fail closed, only a missing file is a first run") {
    testing::TempDir tmp("state");
    const std::string path = tmp.path("sync.state");
    tmp.write("sync.state", "");
    auto empty = read_sync_state(tmp.dir());
    REQUIRE_FALSE(empty.ok()); // a cut file is not sequence 0
    CHECK(empty.error().message.find("no 'sequence'") != std::string::npos);
    tmp.write("sync.state", "sequence 7\nsequence 8\n");
    CHECK_FALSE(read_sync_state(tmp.dir()).ok()); // a key twice
    tmp.write("sync.state", "sequence 9007199254740992\n");
    CHECK_FALSE(read_sync_state(tmp.dir()).ok()); // past the highest manifest sequence
    std::filesystem::remove(path);
    std::filesystem::create_directory(path);
    auto folder = read_sync_state(tmp.dir());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message == "cannot read the sync state: it is a folder");
    std::filesystem::remove(path);
    REQUIRE(::mkfifo(path.c_str(), 0600) == 0); // no writer: a blocking open would hang
    auto fifo = read_sync_state(tmp.dir());
    REQUIRE_FALSE(fifo.ok());
    CHECK(fifo.error().message == "cannot read the sync state: it is a FIFO (named pipe)");
    std::filesystem::remove(path);
    tmp.write("elsewhere", "sequence 1\n");
    std::filesystem::create_symlink(tmp.path("elsewhere"), path);
    auto link = read_sync_state(tmp.dir());
    REQUIRE_FALSE(link.ok());
    CHECK(link.error().message == "cannot read the sync state: it is a symbolic link");
    CHECK(link.error().hint.find("the screen keeps its deck") != std::string::npos);
}

TEST_CASE("sync state: never written through a planted link, never unreadable once written") {
    testing::TempDir tmp("state");
    tmp.write("victim", "untouched\n");
    std::filesystem::create_symlink(tmp.path("victim"), tmp.path("sync.state.tmp"));
    SyncState s;
    s.sequence = 3;
    s.last_error = std::string("a\0b\r\nc\td", 9) + std::string(5000, 'x');
    // The link is removed and the state written afresh beside it (O_EXCL), never through it.
    REQUIRE(write_sync_state(tmp.dir(), s).ok());
    CHECK(testing::read_text(tmp.path("victim")) == "untouched\n");
    CHECK(
        std::filesystem::is_regular_file(std::filesystem::symlink_status(tmp.path("sync.state"))));
    auto back = read_sync_state(tmp.dir());
    REQUIRE_MESSAGE(back.ok(), format_diagnostic(back.error()));
    CHECK(back->sequence == 3);
    CHECK(back->last_error.starts_with("a b  c d"));
    CHECK(back->last_error.size() == 1000);
}
