// Tests of the fetcher on file:// URLs (real files; the HTTP faults run against nginx in
// tests/sync/sync_e2e.sh): size bound counted while receiving, download to a file, clear errors.
#include "sync/fetcher.hpp"
#include "sync/pull.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

#include <sys/stat.h>

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

TEST_CASE("fetcher: only well-formed, short entity tags are validators") {
    CHECK(valid_etag("\"6560a1b2-1c8\""));
    CHECK(valid_etag("W/\"abc\""));
    CHECK(valid_etag("\"\""));
    CHECK_FALSE(valid_etag("*"));
    CHECK_FALSE(valid_etag(""));
    CHECK_FALSE(valid_etag("6560a1b2-1c8")); // unquoted
    CHECK_FALSE(valid_etag("\"a\"b\""));
    CHECK_FALSE(valid_etag("\"a b\""));
    CHECK_FALSE(valid_etag("\"a\r\nX-Injected: 1\""));
    CHECK_FALSE(valid_etag("\"" + std::string(4096, 'a') + "\""));
    CHECK(valid_etag("\"" + std::string(max_etag_bytes - 2, 'a') + "\""));
    CHECK_FALSE(valid_etag("\"" + std::string(max_etag_bytes - 1, 'a') + "\""));
}

TEST_CASE("fetcher: a file:// source that is a FIFO, a folder or a link is refused at once") {
    testing::TempDir tmp("fetch");
    const std::string fifo = tmp.path("manifest.toml");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0); // no writer: a blocking open would hang for ever
    auto r = fetch({"file://" + fifo, "", 100, ""}, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "is a FIFO (named pipe), not a regular file");
    std::filesystem::create_directory(tmp.path("folder.toml"));
    auto folder = fetch({"file://" + tmp.path("folder.toml"), "", 100, ""}, {});
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message == "is a folder, not a file");
    tmp.write("real.toml", "format = 1\n");
    std::filesystem::create_symlink(tmp.path("real.toml"), tmp.path("link.toml"));
    auto link = fetch({"file://" + tmp.path("link.toml"), "", 100, ""}, {});
    REQUIRE_FALSE(link.ok());
    CHECK(link.error().message.find("symbolic link") != std::string::npos);
    // Percent-escapes are decoded, as libcurl did.
    tmp.write("with space.toml", "x");
    auto escaped = fetch({"file://" + tmp.path("with%20space.toml"), "", 100, ""}, {});
    REQUIRE(escaped.ok());
    CHECK(escaped->body == "x");
}
