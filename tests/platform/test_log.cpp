// Tests for log lines: one severity per line, and LogOnce letting each message out once.
#include "platform/log.hpp"

#include "support/stderr_capture.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using affiche::testing::StderrCapture;

namespace {
Diagnostic diag(Severity s, std::string message, std::string hint = {}) {
    return Diagnostic{s, SourceLoc{"slides/a.toml", 3, 1}, std::move(message), std::move(hint)};
}
} // namespace

TEST_CASE("log: a diagnostic is logged with its own severity, once per line") {
    StderrCapture err;
    log_diagnostic(diag(Severity::error, "unknown key 'titel'", "did you mean 'title'?"));
    log_diagnostic(diag(Severity::warning, "image is large"));
    CHECK(err.text() == "affiche: slides/a.toml:3:1: error: unknown key 'titel' (did you mean "
                        "'title'?)\n"
                        "affiche: slides/a.toml:3:1: warning: image is large\n");
}

TEST_CASE("log: LogOnce lets a diagnostic out once, and again after forget()") {
    StderrCapture err;
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
    StderrCapture err;
    LogOnce once;
    CHECK(once.warning("renderer reset"));
    CHECK_FALSE(once.warning("renderer reset"));
    log_info("playing");
    CHECK(err.text() == "affiche: warning: renderer reset\naffiche: info: playing\n");
}
