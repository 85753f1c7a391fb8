// Result<T>: holds a value or a Diagnostic, never both.
#include "base/result.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;

TEST_CASE("Result holds a value") {
    Result<int> r = 42;
    CHECK(r.ok());
    CHECK(static_cast<bool>(r));
    CHECK(*r == 42);
}

TEST_CASE("Result holds an error that formats like every diagnostic") {
    Result<std::string> r = failure({"slides/a.toml", 3, 7}, "bad thing", "fix it");
    CHECK_FALSE(r.ok());
    CHECK(format_diagnostic(r.error()) == "slides/a.toml:3:7: error: bad thing (fix it)");
}

TEST_CASE("Result<Done> says only that it worked") {
    Result<Done> ok = Done{};
    Result<Done> bad = failure({"x", 0, 0}, "no");
    CHECK(ok.ok());
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().severity == Severity::error);
}
