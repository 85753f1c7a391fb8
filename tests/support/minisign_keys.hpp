// Test support: a minisign key pair made by the real `minisign` tool (the shell tests' twin is
// make_keys in tests/sync/sync_test_lib.sh).
#pragma once

#include "support/process.hpp"

#include <doctest/doctest.h>

#include <string>

namespace affiche::testing {

// `minisign -G -W -f`: a key pair without a password (-W), pub and key replaced if present (-f).
// Fails the test when minisign cannot make it; callers skip first where it is absent
// (have_program("minisign")).
inline void make_minisign_keys(const std::string& pub, const std::string& key) {
    const Run run = run_program({"minisign", "-G", "-W", "-f", "-p", pub, "-s", key});
    REQUIRE_MESSAGE(run.code == 0, "minisign -G: " << run.output);
}

} // namespace affiche::testing
