// Tests for log lines: one severity per line, and LogOnce letting each message out once.
#include "platform/log.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace affiche;

namespace {
// Sends stderr to a temporary file while alive; text() is what was written meanwhile.
class CapturedStderr {
  public:
    CapturedStderr() : file_(std::tmpfile()), saved_(dup(2)) {
        std::fflush(stderr);
        dup2(fileno(file_), 2);
    }
    ~CapturedStderr() {
        restore();
        std::fclose(file_);
    }
    std::string text() {
        restore();
        std::rewind(file_);
        std::string out;
        char buf[512];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, file_)) > 0;)
            out.append(buf, n);
        return out;
    }

  private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        dup2(saved_, 2);
        close(saved_);
        saved_ = -1;
    }
    std::FILE* file_;
    int saved_;
};

Diagnostic diag(Severity s, std::string message, std::string hint = {}) {
    return Diagnostic{s, SourceLoc{"slides/a.toml", 3, 1}, std::move(message), std::move(hint)};
}
} // namespace

TEST_CASE("log: a diagnostic is logged with its own severity, once per line") {
    CapturedStderr err;
    log_diagnostic(diag(Severity::error, "unknown key 'titel'", "did you mean 'title'?"));
    log_diagnostic(diag(Severity::warning, "image is large"));
    CHECK(err.text() == "affiche: slides/a.toml:3:1: error: unknown key 'titel' (did you mean "
                        "'title'?)\n"
                        "affiche: slides/a.toml:3:1: warning: image is large\n");
}

TEST_CASE("log: LogOnce lets a diagnostic out once, and again after forget()") {
    CapturedStderr err;
    LogOnce once;
    CHECK(once.diagnostic(diag(Severity::error, "bad value")));
    CHECK_FALSE(once.diagnostic(diag(Severity::error, "bad value")));
    CHECK(once.diagnostic(diag(Severity::warning, "bad value"))); // another severity: news
    once.forget();
    CHECK(once.diagnostic(diag(Severity::error, "bad value")));
    const std::string text = err.text();
    CHECK(text == "affiche: slides/a.toml:3:1: error: bad value\n"
                  "affiche: slides/a.toml:3:1: warning: bad value\n"
                  "affiche: slides/a.toml:3:1: error: bad value\n");
    CHECK(text.find("error: slides") == std::string::npos); // never two severities
}

TEST_CASE("log: plain messages carry the level they are logged at") {
    CapturedStderr err;
    LogOnce once;
    CHECK(once.warning("renderer reset"));
    CHECK_FALSE(once.warning("renderer reset"));
    log_info("playing");
    CHECK(err.text() == "affiche: warning: renderer reset\naffiche: info: playing\n");
}
