// Tests of publish: sequence, signatures both ways, refusals that write nothing, never
// overwriting, pruning, expiry.
#include "sync/publish.hpp"
#include "sync/sync_config.hpp"

#include "service/revision.hpp"
#include "sync/sha256.hpp"
#include "sync/trusted_keys.hpp"
#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

using namespace affiche;
using affiche::testing::make_minisign_keys;
using affiche::testing::no_minisign;
using affiche::testing::read_text;
using affiche::testing::run_shell;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string fixture = std::string(AFFICHE_SOURCE_DIR) + "/tests/fixtures/basic";
constexpr std::int64_t now = 1795935600; // 2026-11-29T07:00:00Z

// A temp folder with a copy of the fixture deck in deck/ and a minisign -W key pair.
struct Site {
    TempDir tmp{"publish"};
    Site() {
        fs::copy(fixture, tmp.path("deck"), fs::copy_options::recursive);
        make_minisign_keys(tmp.path("k.pub"), tmp.path("k.key"));
    }
    PublishOptions options() const {
        PublishOptions o;
        o.content_dir = tmp.path("deck");
        o.site_dir = tmp.path("site");
        o.secret_key = tmp.path("k.key");
        o.now = now;
        return o;
    }
    // Every file of the site with its bytes, to show that nothing changed.
    std::map<std::string, std::string> files() const {
        std::map<std::string, std::string> out;
        if (!fs::exists(tmp.path("site"))) return out;
        for (const auto& e : fs::directory_iterator(tmp.path("site")))
            out[e.path().filename().string()] = read_text(e.path().string());
        return out;
    }
    void edit_deck(const std::string& extra) {
        tmp.write("deck/slides/deck.toml", read_text(tmp.path("deck/slides/deck.toml")) + extra);
    }
};

PublishReport publish_ok(const PublishOptions& o) {
    auto r = publish(o);
    REQUIRE_MESSAGE(r.ok(), format_diagnostic(r.error()));
    return *r;
}

} // namespace

TEST_CASE("publish writes an archive, a manifest and a signature minisign accepts" *
          no_minisign()) {
    Site site;
    const PublishReport r = publish_ok(site.options());
    const Manifest& m = r.manifest;
    CHECK(m.sequence == 1);
    CHECK(m.revision == deck_revision(site.tmp.path("deck")));
    CHECK(m.archive == "deck-" + m.revision + ".tar.zst");
    CHECK(m.created == now);
    CHECK(m.expires == now + 30 * 86400);
    CHECK(m.size == fs::file_size(r.archive_path));
    CHECK(m.sha256 == *sha256_file(r.archive_path));
    auto read_back = read_manifest(r.manifest_path);
    REQUIRE(read_back.ok());
    CHECK(format_manifest(*read_back) == format_manifest(m));
    CHECK(run_shell("minisign -Vm " + r.manifest_path + " -p " + site.tmp.path("k.pub")).code == 0);
    auto keys = read_trusted_keys(site.tmp.path("k.pub"));
    REQUIRE(keys.ok());
    auto v = verify_file(r.manifest_path, *keys);
    REQUIRE(v.ok());
    CHECK(check_trusted_comment(m, v->trusted_comment, "sig").ok());
    CHECK(v->trusted_comment == "affiche-manifest sequence:1 revision:" + m.revision);
    // Only the three files: no temporary file left behind.
    CHECK(site.files().size() == 3);
}

TEST_CASE("the sequence goes up by one each time, the same deck again reuses its archive" *
          no_minisign()) {
    Site site;
    const PublishReport first = publish_ok(site.options());
    site.edit_deck("\n# second edit\n");
    const PublishReport second = publish_ok(site.options());
    CHECK(second.manifest.sequence == 2);
    CHECK(second.manifest.revision != first.manifest.revision);
    CHECK(fs::exists(first.archive_path));
    site.tmp.write("deck/slides/deck.toml",
                   read_text(fixture + "/slides/deck.toml")); // back to the first deck
    const PublishReport third = publish_ok(site.options());
    CHECK(third.manifest.sequence == 3);
    CHECK(third.manifest.revision == first.manifest.revision);
    CHECK(third.archive_reused);
    CHECK(third.manifest.sha256 == first.manifest.sha256);
}

TEST_CASE("an invalid deck is refused and nothing is written" * no_minisign()) {
    Site site;
    publish_ok(site.options());
    const auto before = site.files();
    site.edit_deck("\n[deck\n");
    std::vector<std::string> seen;
    PublishOptions o = site.options();
    o.on_diagnostic = [&](const Diagnostic& d) { seen.push_back(format_diagnostic(d)); };
    auto r = publish(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "the deck has 1 error: nothing was published");
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].starts_with(site.tmp.path("deck/slides/deck.toml") + ":"));
    CHECK(site.files() == before);
    SUBCASE("a missing image too, and into a site that does not exist yet") {
        site.tmp.write("deck/slides/deck.toml", read_text(fixture + "/slides/deck.toml"));
        fs::remove(site.tmp.path("deck/images/rond.svg"));
        o.site_dir = site.tmp.path("new-site");
        CHECK_FALSE(publish(o).ok());
        CHECK_FALSE(fs::exists(o.site_dir));
    }
}

TEST_CASE("a different file under the archive's name is never overwritten" * no_minisign()) {
    Site site;
    const PublishReport first = publish_ok(site.options());
    site.edit_deck("\n# edit\n");
    const std::string rev = deck_revision(site.tmp.path("deck"));
    site.tmp.write("site/deck-" + rev + ".tar.zst", "someone else's bytes");
    const auto before = site.files();
    auto r = publish(site.options());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "a different archive of this revision is already published");
    CHECK(site.files() == before);
    CHECK(read_manifest(first.manifest_path)->sequence == 1);
}

TEST_CASE("keep prunes the oldest archives, never the current one" * no_minisign()) {
    Site site;
    PublishOptions o = site.options();
    o.keep = 2;
    std::vector<std::string> archives;
    for (int i = 0; i < 4; ++i) {
        site.edit_deck("\n# edit " + std::to_string(i) + "\n");
        const PublishReport r = publish_ok(o);
        archives.push_back(r.manifest.archive);
        // Distinct times even on a coarse clock: older publications are older files.
        fs::last_write_time(r.archive_path,
                            fs::file_time_type::clock::now() - std::chrono::minutes(10 - i));
    }
    CHECK_FALSE(fs::exists(site.tmp.path("site/" + archives[0])));
    CHECK_FALSE(fs::exists(site.tmp.path("site/" + archives[1])));
    CHECK(fs::exists(site.tmp.path("site/" + archives[2])));
    CHECK(fs::exists(site.tmp.path("site/" + archives[3])));
    CHECK(read_manifest(site.tmp.path("site/manifest.toml"))->sequence == 4);
}

TEST_CASE("expires is written as asked" * no_minisign()) {
    Site site;
    PublishOptions o = site.options();
    o.expires_in = *parse_duration_seconds("12h");
    const PublishReport r = publish_ok(o);
    CHECK(read_text(r.manifest_path).find("expires = 2026-11-29T19:00:00Z\n") != std::string::npos);
    o.expires_in = 0;
    site.edit_deck("\n# edit\n");
    auto refused = publish(o);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().message == "the expiry must be in the future");
}

TEST_CASE("without --key publish runs `minisign -Sm`, and its signature verifies here" *
          no_minisign()) {
    Site site;
    PublishOptions o = site.options();
    o.secret_key.clear();
    o.minisign_secret_key = site.tmp.path("k.key");
    const PublishReport r = publish_ok(o);
    auto keys = read_trusted_keys(site.tmp.path("k.pub"));
    REQUIRE(keys.ok());
    auto v = verify_file(r.manifest_path, *keys);
    REQUIRE_MESSAGE(v.ok(), format_diagnostic(v.error()));
    CHECK(v->trusted_comment == manifest_trusted_comment(r.manifest));
    CHECK(site.files().size() == 3);
    o.minisign_program = "/nonexistent/minisign";
    site.edit_deck("\n# edit\n");
    const auto before = site.files();
    CHECK_FALSE(publish(o).ok());
    CHECK(site.files() == before);
}

#ifdef AFFICHE_BIN
TEST_CASE("an image SDL_image cannot decode passes core's check, with the player's check it is "
          "refused" *
          no_minisign()) {
    Site site;
    // A PNG with a good header and cut-short data (the player's e2e test uses the same shape).
    auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                           static_cast<char>(v >> 8), static_cast<char>(v)};
    };
    site.tmp.write("deck/images/photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) +
                                                "IHDR" + be32(64) + be32(64) +
                                                std::string("\x08\x02\x00\x00\x00", 5) + be32(0) +
                                                be32(4000) + "IDAT" + std::string(40, '\x78'));
    site.tmp.write("deck/slides/30-photo.toml",
                   "[[slide]]\nid = \"photo\"\ntitle = \"Photo\"\nimage = \"photo.png\"\n");
    PublishOptions o = site.options();
    o.player_program = AFFICHE_BIN;
    auto r = publish(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.ends_with(" --check` refused the deck: nothing was published"));
    CHECK_FALSE(fs::exists(site.tmp.path("site")));
    o.player_program.clear(); // the documented gap: core alone reads only the header
    CHECK(publish(o).ok());
}
#endif

TEST_CASE("a deck past the screens' extraction limits is refused when publishing" * no_minisign()) {
    Site site;
    PublishOptions o = site.options();
    o.screen_limits.max_entries = 4; // the fixture has 3 folders and 4 files
    auto r = publish(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.starts_with("the deck is larger than a screen accepts (4 files"));
    CHECK_FALSE(fs::exists(site.tmp.path("site")));
    o.screen_limits = {};
    o.screen_limits.max_total_bytes = 100;
    CHECK_FALSE(publish(o).ok());
    CHECK_FALSE(fs::exists(site.tmp.path("site")));
}

TEST_CASE("publish and a default screen share one set of limits" * no_minisign()) {
    // The defaults publish checks are the ones a screen without [limits] applies.
    const ExtractLimits publish_side = PublishOptions{}.screen_limits;
    const ExtractLimits screen_side = SyncConfig{}.deck;
    CHECK(publish_side.max_archive_bytes == screen_side.max_archive_bytes);
    CHECK(publish_side.max_entries == screen_side.max_entries);
    CHECK(publish_side.max_total_bytes == screen_side.max_total_bytes);
    CHECK(publish_side.max_file_bytes == screen_side.max_file_bytes);
    // A deck over a screen's archive size is refused here, not on every screen.
    Site site;
    PublishOptions o = site.options();
    o.screen_limits.max_archive_bytes = 100;
    auto r = publish(o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("more than the 100 bytes a screen accepts") != std::string::npos);
    CHECK_FALSE(fs::exists(site.tmp.path("site")));
}
