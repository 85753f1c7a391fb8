// Helpers for the sync tests: running the real `minisign` tool, reading files.
#pragma once

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace affiche::testing {

// Runs a shell command (paths here have no spaces); its exit status, or -1.
inline int run_shell(const std::string& command) {
    const int status = std::system((command + " >/dev/null 2>&1").c_str());
    if (status == -1 || !WIFEXITED(status)) return -1;
    return WEXITSTATUS(status);
}

inline bool have_program(const std::string& name) {
    return run_shell("command -v " + name) == 0;
}

// A decorator: the test is skipped (and reported so by doctest) where `minisign` is absent;
// scripts/setup.sh installs it for CI.
inline doctest::skip no_minisign() {
    return doctest::skip(!have_program("minisign"));
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

} // namespace affiche::testing
