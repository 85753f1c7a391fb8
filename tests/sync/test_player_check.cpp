// run_player_check: the real player's verdict and first error line; a stand-in for a hung player.
#include "sync/player_check.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

#ifdef AFFICHE_BIN
TEST_CASE("player check: the real affiche accepts a good deck and names a bad one's first error") {
    auto good = run_player_check(AFFICHE_BIN, AFFICHE_SOURCE_DIR "/tests/fixtures/basic",
                                 ChildOutput::capture);
    REQUIRE_MESSAGE(good.ok(), format_diagnostic(good.error()));
    CHECK(good->accepted);
    CHECK(good->first_error.empty());

    TempDir t("player-check");
    t.write("deck/slides/10-a.toml",
            "[[slide]]\nid = \"a\"\ntitle = \"A\"\nimage = \"none.png\"\n");
    auto bad = run_player_check(AFFICHE_BIN, t.path("deck"), ChildOutput::capture);
    REQUIRE(bad.ok());
    CHECK_FALSE(bad->accepted);
    CHECK(bad->first_error.find("10-a.toml:4:9: error: ") != std::string::npos);
}
#endif

TEST_CASE("player check: a player that hangs is killed at the deadline") {
    // A stand-in: the real player never hangs on purpose, and this is the fault to test.
    TempDir t("player-check");
    t.write("affiche", "#!/bin/sh\nsleep 60\n");
    fs::permissions(t.path("affiche"), fs::perms::owner_all);
    auto r = run_player_check(t.path("affiche"), t.path("deck"), ChildOutput::capture,
                              std::chrono::steady_clock::now() + std::chrono::milliseconds(300));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "`affiche --check` did not finish before its deadline");
    CHECK_FALSE(run_player_check(t.path("missing"), t.path("deck"), ChildOutput::inherit).ok());
}
