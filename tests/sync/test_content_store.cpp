// Tests of the content store: leftovers removed, install by rename, symlink swap, prune, rollback.
#include "sync/content_store.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <thread>

using namespace affiche;
namespace fs = std::filesystem;

namespace {

// A complete tree inside an incoming folder, as an extraction leaves it.
std::string extracted(const ContentStore& store, const std::string& marker) {
    auto incoming = store.make_incoming();
    REQUIRE(incoming.ok());
    const std::string tree = *incoming + "/deck";
    fs::create_directories(tree + "/slides");
    std::ofstream(tree + "/slides/deck.toml") << marker;
    return tree;
}

void install(const ContentStore& store, const std::string& revision) {
    const std::string tree = extracted(store, revision);
    REQUIRE(store.install(tree, revision, "d0").ok());
    fs::remove_all(fs::path(tree).parent_path()); // as the pull does with its incoming folder
    REQUIRE(store.swap_current(revision).ok());
    // Install order is the folders' modification time: keep two installs apart.
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

} // namespace

TEST_CASE("content store: install renames the tree and current follows the swap") {
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    CHECK(store.current_revision().empty());
    install(store, "aaaa");
    CHECK(store.current_revision() == "aaaa");
    CHECK(fs::read_symlink(tmp.path("current")) == "content/aaaa");
    CHECK(fs::exists(tmp.path("current/slides/deck.toml")));
    install(store, "bbbb");
    CHECK(store.current_revision() == "bbbb");
    CHECK(store.revisions() == std::vector<std::string>{"bbbb", "aaaa"});
}

TEST_CASE("content store: leftovers of a killed run are removed, revisions are kept") {
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    install(store, "aaaa");
    (void)extracted(store, "half");
    fs::create_directories(tmp.path("content/.trash-old/slides"));
    fs::create_symlink("content/aaaa", tmp.path(".current.tmp-123"));
    auto removed = store.remove_leftovers();
    REQUIRE(removed.ok());
    CHECK(*removed == 3);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(tmp.path("content"))) {
        names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"aaaa"});
    CHECK(fs::exists(tmp.path("digests/aaaa.sha256"))); // the archive digest it came from
    CHECK(store.current_revision() == "aaaa");
}

TEST_CASE("content store: prune keeps the newest N and the revision on screen") {
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    for (const char* r : {"r1", "r2", "r3", "r4"})
        install(store, r);
    REQUIRE(store.swap_current("r1").ok()); // an old one on screen (after a rollback)
    auto removed = store.prune(2);
    REQUIRE(removed.ok());
    CHECK(*removed == 1);
    CHECK(store.revisions() == std::vector<std::string>{"r4", "r3", "r1"});
    CHECK(store.current_revision() == "r1");
}

TEST_CASE("content store: rollback goes one installed revision back each time, then refuses") {
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    for (const char* r : {"r1", "r2", "r3"})
        install(store, r);
    auto back = store.rollback();
    REQUIRE(back.ok());
    CHECK(*back == "r2");
    CHECK(store.current_revision() == "r2");
    REQUIRE(store.rollback().ok());
    CHECK(store.current_revision() == "r1");
    auto none = store.rollback();
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("no older revision") != std::string::npos);
    CHECK(store.current_revision() == "r1");
}

TEST_CASE("content store: the same revision again keeps the installed copy") {
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    install(store, "aaaa");
    const std::string tree = extracted(store, "other bytes");
    REQUIRE(store.install(tree, "aaaa", "d0").ok());
    std::ifstream in(tmp.path("content/aaaa/slides/deck.toml"));
    std::string text;
    std::getline(in, text);
    CHECK(text == "aaaa");
}

TEST_CASE("content store: revision names are plain folder names") {
    CHECK(valid_revision_name("0123456789abcdef"));
    CHECK(valid_revision_name("v1.2_3-4"));
    CHECK_FALSE(valid_revision_name(""));
    CHECK_FALSE(valid_revision_name(".."));
    CHECK_FALSE(valid_revision_name(".hidden"));
    CHECK_FALSE(valid_revision_name("a/b"));
    CHECK_FALSE(valid_revision_name(std::string(129, 'a')));
    testing::TempDir tmp("store");
    ContentStore store(tmp.dir());
    REQUIRE(store.prepare().ok());
    CHECK_FALSE(store.install(extracted(store, "x"), "../evil", "d0").ok());
}
