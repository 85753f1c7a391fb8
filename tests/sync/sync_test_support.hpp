// Helpers for the sync tests: skipping where the real `minisign` tool is absent, and the
// shared test support they use.
#pragma once

#include "support/minisign_keys.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

namespace affiche::testing {

// A decorator: the test is skipped (and reported so by doctest) where `minisign` is absent;
// scripts/setup.sh installs it for CI.
inline doctest::skip no_minisign() {
    return doctest::skip(!have_program("minisign"));
}

} // namespace affiche::testing
