// Test support: what this process writes to stderr (its log lines), caught in a file.
#pragma once

#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace affiche::testing {

// Sends descriptor 2 to a temporary file from construction until restore() or destruction.
// doctest reports on stdout, so a failing check while capturing still shows.
class StderrCapture {
  public:
    StderrCapture() : dir_("stderr") {
        std::fflush(stderr);
        saved_ = dup(2);
        REQUIRE(saved_ >= 0);
        const int fd = open(dir_.path("err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(fd >= 0);
        dup2(fd, 2);
        close(fd);
    }
    ~StderrCapture() { restore(); }
    StderrCapture(const StderrCapture&) = delete;
    StderrCapture& operator=(const StderrCapture&) = delete;

    // Everything written to stderr since construction; capturing goes on.
    std::string text() const {
        std::fflush(stderr);
        return read_text(dir_.path("err"));
    }
    // stderr back where it was; text() still returns what was caught.
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        dup2(saved_, 2);
        close(saved_);
        saved_ = -1;
    }

  private:
    TempDir dir_;
    int saved_ = -1;
};

} // namespace affiche::testing
