// format_utc and parse_utc: the one ISO 8601 UTC form, exact both ways, strict when reading.
#include "base/utc_time.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("UTC time: known dates, negative times and a round trip every 13 days for 200 years") {
    CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(format_utc(1764403200) == "2025-11-29T08:00:00Z");
    CHECK(format_utc(-1) == "1969-12-31T23:59:59Z");
    CHECK(format_utc(253402300799) == "9999-12-31T23:59:59Z");
    for (UnixTime t = 0; t < UnixTime{200} * 366 * 86400; t += 13 * 86400 + 3607) {
        const std::string text = format_utc(t);
        auto back = parse_utc(text, "m", 1, 1);
        REQUIRE_MESSAGE(back.ok(), text);
        CHECK(*back == t);
    }
}

TEST_CASE("UTC time: anything but the exact form is the Diagnostic at its position") {
    for (const char* bad : {"2026-02-29T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T08:60:00Z",
                            "2026-11-29 08:00:00Z", "2026-11-29T08:00:00", "1969-12-31T23:59:59Z",
                            "2026-13-01T00:00:00Z", "2026-1-01T00:00:00Z", "+026-11-29T08:00:00Z",
                            "2026-11-29T08:00:00+01:00", ""}) {
        auto r = parse_utc(bad, "manifest.toml", 4, 11);
        REQUIRE_FALSE_MESSAGE(r.ok(), bad);
        CHECK(format_diagnostic(r.error()) ==
              std::string("manifest.toml:4:11: error: expected a UTC date-time such as "
                          "2026-11-29T08:00:00Z, got '") +
                  bad + "'");
    }
    CHECK(parse_utc("2024-02-29T23:59:59Z", "m", 1, 1).ok());
}
