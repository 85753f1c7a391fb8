// Tests of the sync state file: round trip, first run, and a damaged file refused (never reset).
#include "sync/sync_state.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

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
