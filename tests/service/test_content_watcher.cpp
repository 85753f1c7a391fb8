// Tests for ContentWatcher: real folders, real inotify, symlink swaps by rename.
#include "service/content_watcher.hpp"

#include "deck/content_files.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// Waits (poll, at most timeout_ms) for a relevant change. inotify queues events while the
// file system call runs, so a change made before this call is already readable.
bool changed(ContentWatcher& watcher, int timeout_ms = 2000) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left < 0) return false;
        pollfd p{watcher.fd(), POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left)) <= 0) return false;
        if (watcher.drain()) return true;
    }
}

// For "not seen": the events are already queued, so a short wait is enough to read them all.
bool unchanged(ContentWatcher& watcher) {
    return !changed(watcher, 150);
}

void make_content(const TempDir& t, const std::string& name) {
    for (const char* sub : {"slides", "images", "fonts"})
        fs::create_directories(t.path(name + "/" + sub));
}

} // namespace

TEST_CASE("service: content watcher sees slide writes and ignores editor leftovers") {
    TempDir t("watch");
    make_content(t, "deck");
    ContentWatcher watcher(t.path("deck"));
    REQUIRE(watcher.fd() >= 0);
    CHECK(unchanged(watcher));

    t.write("deck/slides/x.toml", "title = 'a'\n");
    CHECK(changed(watcher));
    CHECK(unchanged(watcher)); // drained: nothing left

    t.write("deck/slides/.hidden.toml", "x");
    CHECK(unchanged(watcher));
    t.write("deck/slides/x.toml~", "x");
    CHECK(unchanged(watcher));
    t.write("deck/slides/.x.toml.swp", "x");
    CHECK(unchanged(watcher));
    t.write("deck/images/.DS_Store", "x");
    CHECK(unchanged(watcher));
    t.write("deck/README", "not part of the deck"); // top level: only the three folders count
    CHECK(unchanged(watcher));

    t.write("deck/images/logo.png", "png");
    CHECK(changed(watcher));
    t.write("deck/fonts/a.ttf", "ttf");
    CHECK(changed(watcher));
    fs::remove(t.path("deck/fonts/a.ttf"));
    CHECK(changed(watcher));
}

TEST_CASE("service: content watcher sees a rename into slides/") {
    TempDir t("watch");
    make_content(t, "deck");
    t.write("incoming/new.toml", "title = 'b'\n"); // outside the content folder
    t.write("deck/slides/.y.toml.tmp", "title = 'c'\n");
    ContentWatcher watcher(t.path("deck"));

    fs::rename(t.path("incoming/new.toml"), t.path("deck/slides/new.toml"));
    CHECK(changed(watcher));
    // An editor's save: write a hidden temp file, rename it over the real name.
    fs::rename(t.path("deck/slides/.y.toml.tmp"), t.path("deck/slides/y.toml"));
    CHECK(changed(watcher));
    fs::rename(t.path("deck/slides/y.toml"), t.path("incoming/y.toml")); // moved out
    CHECK(changed(watcher));
}

TEST_CASE("service: content watcher follows a symlink swapped by rename") {
    TempDir t("watch");
    make_content(t, "v1");
    make_content(t, "v2");
    REQUIRE(symlink(t.path("v1").c_str(), t.path("current").c_str()) == 0);
    ContentWatcher watcher(t.path("current"));

    t.write("v1/slides/a.toml", "x");
    CHECK(changed(watcher));

    // ln -s v2 tmp && mv -T tmp current
    REQUIRE(symlink(t.path("v2").c_str(), t.path("current.tmp").c_str()) == 0);
    REQUIRE(std::rename(t.path("current.tmp").c_str(), t.path("current").c_str()) == 0);
    CHECK(changed(watcher));

    t.write("v2/slides/b.toml", "x");
    CHECK(changed(watcher));
    t.write("v2/images/b.png", "x");
    CHECK(changed(watcher));
    t.write("v1/slides/a.toml", "old target");
    CHECK(unchanged(watcher));
    t.write("v1/images/a.png", "old target");
    CHECK(unchanged(watcher));

    // And back again, relative link this time.
    REQUIRE(symlink("v1", t.path("current.tmp").c_str()) == 0);
    REQUIRE(std::rename(t.path("current.tmp").c_str(), t.path("current").c_str()) == 0);
    CHECK(changed(watcher));
    t.write("v1/slides/a.toml", "current again");
    CHECK(changed(watcher));
    t.write("v2/slides/b.toml", "old again");
    CHECK(unchanged(watcher));
}

TEST_CASE("service: content watcher sees the folder deleted then recreated, twice") {
    TempDir t("watch");
    make_content(t, "deck");
    t.write("deck/slides/a.toml", "x");
    ContentWatcher watcher(t.path("deck"));
    for (int round = 0; round < 2; ++round) {
        CAPTURE(round);
        fs::remove_all(t.path("deck"));
        CHECK(changed(watcher));
        CHECK(unchanged(watcher));
        fs::create_directories(t.path("deck/slides"));
        CHECK(changed(watcher));
        t.write("deck/slides/a.toml", "x");
        CHECK(changed(watcher));
        fs::create_directories(t.path("deck/images")); // a subfolder appearing later
        CHECK(changed(watcher));
        t.write("deck/images/a.png", "x");
        CHECK(changed(watcher));
    }
}

TEST_CASE("service: content watcher sees a missing content folder appear") {
    TempDir t("watch");
    ContentWatcher watcher(t.path("later"));
    REQUIRE(watcher.fd() >= 0);
    t.write("other/slides/a.toml", "x"); // a sibling folder is not the content
    CHECK(unchanged(watcher));

    make_content(t, "staging");
    REQUIRE(symlink(t.path("staging").c_str(), t.path("later.tmp").c_str()) == 0);
    REQUIRE(std::rename(t.path("later.tmp").c_str(), t.path("later").c_str()) == 0);
    CHECK(changed(watcher));
    t.write("later/slides/a.toml", "x");
    CHECK(changed(watcher));
}

TEST_CASE("service: content watcher sees a plain folder created in place, with a trailing slash") {
    TempDir t("watch");
    ContentWatcher watcher(t.path("deck") + "/");
    fs::create_directory(t.path("deck"));
    CHECK(changed(watcher));
    fs::create_directory(t.path("deck/slides"));
    CHECK(changed(watcher));
    t.write("deck/slides/a.toml", "x");
    CHECK(changed(watcher));
}

TEST_CASE("service: content watcher survives a queue overflow and keeps watching") {
    std::ifstream limit_file("/proc/sys/fs/inotify/max_queued_events");
    long limit = 0;
    limit_file >> limit;
    if (limit <= 0 || limit > 50000) return; // cannot overflow it cheaply here
    TempDir t("watch");
    make_content(t, "deck");
    ContentWatcher watcher(t.path("deck"));
    // Each rename queues two events (moved from, moved to) that the kernel cannot merge.
    t.write("deck/slides/a.toml", "x");
    const std::string a = t.path("deck/slides/a.toml"), b = t.path("deck/slides/b.toml");
    bool renamed = true;
    for (long i = 0; i < limit / 2 + 100 && renamed; ++i)
        renamed = std::rename(i % 2 ? b.c_str() : a.c_str(), i % 2 ? a.c_str() : b.c_str()) == 0;
    REQUIRE(renamed);
    CHECK(changed(watcher));
    CHECK(unchanged(watcher));
    t.write("deck/slides/c.toml", "x");
    CHECK(changed(watcher));
}

TEST_CASE("service: content watcher sees subfolders of images/ and fonts/, not of slides/") {
    TempDir t("watch");
    make_content(t, "deck");
    fs::create_directories(t.path("deck/images/photos"));
    ContentWatcher watcher(t.path("deck"));
    CHECK(watcher.watch_count() == 6); // parent, deck, slides, images, images/photos, fonts

    t.write("deck/images/photos/p.png", "x");
    CHECK(changed(watcher));
    t.write("deck/images/photos/.p.png.swp", "x");
    CHECK(unchanged(watcher));

    // A folder appearing later is watched too, and so is one inside it.
    fs::create_directories(t.path("deck/fonts/extra"));
    CHECK(changed(watcher));
    CHECK(watcher.watch_count() == 7);
    t.write("deck/fonts/extra/a.ttf", "x");
    CHECK(changed(watcher));
    fs::create_directories(t.path("deck/fonts/extra/more"));
    CHECK(changed(watcher));
    t.write("deck/fonts/extra/more/b.ttf", "x");
    CHECK(changed(watcher));

    // slides/ is read flat: its subfolders are neither loaded nor watched.
    fs::create_directories(t.path("deck/slides/old"));
    CHECK(unchanged(watcher));
    t.write("deck/slides/old/a.toml", "x");
    CHECK(unchanged(watcher));

    fs::remove_all(t.path("deck/images/photos"));
    CHECK(changed(watcher));
    CHECK(watcher.watch_count() == 7); // images/photos gone, fonts/extra/more added
}

TEST_CASE("service: content watcher holds a bounded number of watches") {
    TempDir t("watch");
    make_content(t, "deck");
    for (std::size_t i = 0; i < max_content_folders + 20; ++i)
        fs::create_directories(t.path("deck/images/f" + std::to_string(i)));
    ContentWatcher watcher(t.path("deck"));
    CHECK(watcher.watch_count() == max_content_folders + 2); // + the parent and the deck
}
