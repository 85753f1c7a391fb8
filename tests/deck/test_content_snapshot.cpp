// Tests for ContentSnapshot: each file read once, held within a budget, digests kept.
#include "deck/content_snapshot.hpp"

#include "base/file_digest.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using affiche::testing::TempDir;

TEST_CASE("content snapshot: a held file is read once, later changes on disk are not seen") {
    TempDir t("snap");
    t.write("images/a.png", "first");
    ContentSnapshot snap(t.dir());
    const std::string path = t.path("images/a.png");
    const SnapshotRead one = snap.read(path, FileKind::image);
    REQUIRE(one.ok());
    t.write("images/a.png", "second, being copied");
    const SnapshotRead two = snap.read(path, FileKind::image);
    REQUIRE(two.ok());
    CHECK(two.bytes == one.bytes); // the same held bytes, not a second read
    CHECK(*snap.held(path) == "first");
    CHECK(snap.digest(path) == digest_of("first"));
    CHECK(snap.held_total() == 5);
}

TEST_CASE("content snapshot: TOML is parsed and dropped, files past the budget are not held") {
    TempDir t("snap");
    t.write("slides/10.toml", "title = 'a'\n");
    t.write("images/a.png", "12345");
    t.write("images/b.png", "67890");
    ContentSnapshot snap(t.dir(), 8); // bytes: room for one image only
    CHECK(snap.read(t.path("slides/10.toml"), FileKind::toml).ok());
    CHECK_FALSE(snap.held(t.path("slides/10.toml")));
    CHECK(snap.digest(t.path("slides/10.toml")) == digest_of("title = 'a'\n"));
    const SnapshotRead a = snap.read(t.path("images/a.png"), FileKind::image);
    const SnapshotRead b = snap.read(t.path("images/b.png"), FileKind::image);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*b.bytes == "67890"); // the caller still gets the bytes to check
    CHECK(snap.held(t.path("images/a.png")));
    CHECK_FALSE(snap.held(t.path("images/b.png")));
    CHECK(snap.held_total() == 5);
    CHECK(snap.digest(t.path("images/b.png")) == digest_of("67890"));
}

TEST_CASE("content snapshot: a failed read is remembered with its reason") {
    TempDir t("snap");
    ContentSnapshot snap(t.dir());
    const SnapshotRead r = snap.read(t.path("images/none.png"), FileKind::image);
    CHECK(r.problem == FileProblem::missing);
    CHECK(r.reason == "does not exist");
    CHECK_FALSE(r.bytes);
    CHECK(snap.digest(t.path("images/none.png")) == unreadable_digest());
    CHECK(max_bytes_for(FileKind::toml) == max_toml_bytes);
    CHECK(max_bytes_for(FileKind::image) == max_image_bytes);
    CHECK(max_bytes_for(FileKind::font) == max_font_bytes);
}
