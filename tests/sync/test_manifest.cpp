// Tests of the manifest format: round trip, and each malformed field at its line and column.
#include "sync/manifest.hpp"

#include <doctest/doctest.h>

using namespace affiche;

namespace {

Manifest sample() {
    Manifest m;
    m.revision = "0123456789abcdef";
    m.sequence = 7;
    m.created = 1795935600; // 2026-11-29T07:00:00Z
    m.expires = m.created + 30 * 86400;
    m.archive = "deck-0123456789abcdef.tar.zst";
    m.size = 4242;
    m.sha256 = std::string(64, 'a');
    return m;
}

// The diagnostic for text with line `from` replaced by `to`.
std::string error_for(const std::string& from, const std::string& to) {
    std::string text = format_manifest(sample());
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    auto m = parse_manifest(text, "manifest.toml");
    REQUIRE_FALSE(m.ok());
    return format_diagnostic(m.error());
}

} // namespace

TEST_CASE("a manifest reads back as written") {
    const std::string text = format_manifest(sample());
    CHECK(text.find("created = 2026-11-29T07:00:00Z\n") != std::string::npos);
    CHECK(text.find("expires = 2026-12-29T07:00:00Z\n") != std::string::npos);
    auto m = parse_manifest(text, "manifest.toml");
    REQUIRE_MESSAGE(m.ok(), format_diagnostic(m.error()));
    CHECK(m->revision == "0123456789abcdef");
    CHECK(m->sequence == 7);
    CHECK(m->created == sample().created);
    CHECK(m->expires == sample().expires);
    CHECK(m->archive == sample().archive);
    CHECK(m->size == 4242);
    CHECK(m->sha256 == sample().sha256);
    CHECK(format_manifest(*m) == text);
}

TEST_CASE("UTC times round-trip across leap days and centuries") {
    for (std::int64_t t : {std::int64_t{0}, std::int64_t{951782400} /* 2000-02-29 */,
                           std::int64_t{4107542399} /* 2100-02-28T23:59:59 */}) {
        auto back = parse_utc(format_utc(t), "m", 1, 1);
        REQUIRE(back.ok());
        CHECK(*back == t);
    }
    CHECK(format_utc(951782400) == "2000-02-29T00:00:00Z");
    CHECK_FALSE(parse_utc("2026-02-29T00:00:00Z", "m", 1, 1).ok());
    CHECK_FALSE(parse_utc("2026-11-29T24:00:00Z", "m", 1, 1).ok());
    CHECK_FALSE(parse_utc("2026-11-29T08:00:00+01:00", "m", 1, 1).ok());
}

TEST_CASE("each malformed field is reported at its line and column") {
    CHECK(error_for("sequence = 7", "sequence = -1") ==
          "manifest.toml:4:12: error: 'sequence' must be an integer of at least 1");
    CHECK(error_for("sequence = 7", "sequence = \"7\"") ==
          "manifest.toml:4:12: error: 'sequence' must be an integer");
    CHECK(error_for("revision = \"0123456789abcdef\"", "revision = \"0123\"") ==
          "manifest.toml:3:12: error: 'revision' must be 16 lowercase hex digits");
    CHECK(error_for("archive = \"", "archive = \"../")
              .starts_with("manifest.toml:7:11: error: 'archive' must be a plain file name"));
    // Syntax errors are toml++'s, as for every TOML file (toml/toml_messages.hpp).
    CHECK(error_for("size = 4242", "size = 4242 junk") ==
          "manifest.toml:8:13: error: Error while parsing key-value pair: expected a comment or "
          "whitespace, saw 'j'");
    CHECK(error_for("size = 4242", "size = 99999999999999999999") ==
          "manifest.toml:8:28: error: Error while parsing decimal integer: "
          "'99999999999999999999' is not representable in 64 bits");
    CHECK(error_for("sha256 = ", "colour = 1\nsha256 = ")
              .starts_with("manifest.toml:9:1: error: unknown key 'colour' in the manifest"));
    CHECK(error_for("size = 4242", "size = 4242\nsize = 1") ==
          "manifest.toml:9:8: error: Error while parsing key-value pair: cannot redefine existing "
          "integer 'size'");
    CHECK(error_for("expires = 2026-12-29T07:00:00Z", "expires = 2026-11-29T07:00:00Z") ==
          "manifest.toml:6:11: error: 'expires' must be after 'created'");
    CHECK(error_for("format = 1", "format = 2")
              .starts_with("manifest.toml:2:10: error: manifest format 2 is not the one"));
    CHECK(error_for("created = 2026-11-29T07:00:00Z", "")
              .starts_with("manifest.toml: error: the manifest has no 'created'"));
    CHECK(error_for("archive = \"deck", "archive = \"de\\ck") ==
          "manifest.toml:7:15: error: Error while parsing string: unknown escape sequence '\\c'");
    CHECK(error_for("archive = \"deck", "archive = \"de\\tck")
              .starts_with("manifest.toml:7:11: error: 'archive' must be a plain file name"));
    CHECK(error_for("created = 2026-11-29T07:00:00Z", "created = 2026-11-29T08:00:00+01:00") ==
          "manifest.toml:5:11: error: 'created' must be a UTC date-time such as "
          "2026-11-29T08:00:00Z");
    CHECK(error_for("created = 2026-11-29T07:00:00Z", "created = 2026-11-29T07:00:00") ==
          "manifest.toml:5:11: error: 'created' must be a UTC date-time such as "
          "2026-11-29T08:00:00Z");
}

TEST_CASE("the trusted comment must agree with the manifest where it says something") {
    const Manifest m = sample();
    CHECK(check_trusted_comment(m, manifest_trusted_comment(m), "s").ok());
    CHECK(check_trusted_comment(m, "timestamp:1\tfile:manifest.toml\thashed", "s").ok());
    auto seq =
        check_trusted_comment(m, "affiche-manifest sequence:6 revision:0123456789abcdef", "s");
    REQUIRE_FALSE(seq.ok());
    CHECK(seq.error().message == "the signed sequence 6 differs from the manifest's 7");
    CHECK_FALSE(check_trusted_comment(m, "sequence:7 revision:ffffffffffffffff", "s").ok());
}

TEST_CASE("durations") {
    CHECK(*parse_duration_seconds("30d") == 30 * 86400);
    CHECK(*parse_duration_seconds("12h") == 12 * 3600);
    CHECK(*parse_duration_seconds("90m") == 5400);
    CHECK(*parse_duration_seconds("3600") == 3600);
    for (const char* bad : {"", "0", "-1d", "3w", "d", "99999999999d"})
        CHECK_FALSE(parse_duration_seconds(bad).ok());
}
