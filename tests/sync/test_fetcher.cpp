// Tests of the fetcher on file:// URLs (real files; the HTTP faults run against nginx in
// tests/sync/sync_e2e.sh): size bound counted while receiving, download to a file, clear errors.
#include "sync/fetcher.hpp"
#include "sync/pull.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;

TEST_CASE("fetcher: a file:// URL into memory and into a new file") {
    testing::TempDir tmp("fetch");
    tmp.write("site/manifest.toml", "format = 1\n");
    auto mem = fetch({"file://" + tmp.path("site/manifest.toml"), "", 100, ""}, {});
    REQUIRE(mem.ok());
    CHECK(mem->body == "format = 1\n");
    CHECK(mem->body_bytes == 11);
    CHECK_FALSE(mem->not_modified);
    auto disk = fetch({"file://" + tmp.path("site/manifest.toml"), "", 100, tmp.path("copy")}, {});
    REQUIRE(disk.ok());
    CHECK(disk->body.empty());
    CHECK(std::filesystem::file_size(tmp.path("copy")) == 11);
    // Never over an existing file (O_EXCL): a download lands only in a fresh temporary folder.
    CHECK_FALSE(
        fetch({"file://" + tmp.path("site/manifest.toml"), "", 100, tmp.path("copy")}, {}).ok());
}

TEST_CASE("fetcher: one byte over the bound is refused while receiving") {
    testing::TempDir tmp("fetch");
    tmp.write("archive.tar.zst", std::string(1001, 'x'));
    auto over = fetch({"file://" + tmp.path("archive.tar.zst"), "", 1000, ""}, {});
    REQUIRE_FALSE(over.ok());
    CHECK(format_diagnostic(over.error()).find("larger than the allowed 1000 bytes") !=
          std::string::npos);
    CHECK(fetch({"file://" + tmp.path("archive.tar.zst"), "", 1001, ""}, {}).ok());
}

TEST_CASE("fetcher: missing file and unsupported scheme are one-line errors naming the URL") {
    testing::TempDir tmp("fetch");
    const std::string url = "file://" + tmp.path("nothing.toml");
    auto missing = fetch({url, "", 100, ""}, {});
    REQUIRE_FALSE(missing.ok());
    CHECK(format_diagnostic(missing.error()) == url + ": error: no such file");
    auto ftp = fetch({"ftp://example.org/manifest.toml", "", 100, ""}, {});
    REQUIRE_FALSE(ftp.ok());
    CHECK(ftp.error().message == "the URL must start with https://, http:// or file://");
}

TEST_CASE("fetcher: sibling and manifest URLs") {
    CHECK(sibling_url("https://h/a/manifest.toml", "deck-1.tar.zst") ==
          "https://h/a/deck-1.tar.zst");
    CHECK(manifest_url_of("https://h/site") == "https://h/site/manifest.toml");
    CHECK(manifest_url_of("https://h/site/") == "https://h/site/manifest.toml");
    CHECK(manifest_url_of("file:///media/usb/salle-1.toml") == "file:///media/usb/salle-1.toml");
}
