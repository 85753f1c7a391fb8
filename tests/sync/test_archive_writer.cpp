// Tests of the deck archive writer: deterministic bytes, and a round trip through the extractor.
#include "sync/archive_writer.hpp"
#include "sync/safe_extract.hpp"

#include "deck/content_files.hpp"
#include "service/revision.hpp"
#include "sync_test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <sys/stat.h>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string fixture = std::string(AFFICHE_SOURCE_DIR) + "/tests/fixtures/basic";

Result<PackReport> pack(const std::string& dir, const std::string& out,
                        const ArchiveCompression& c = best_compression()) {
    const ContentListing listing = list_content(dir);
    return write_deck_archive(dir, listing.folders, listing.files, out, c, 64 << 20);
}

} // namespace

TEST_CASE("zstd is available through libarchive here (Debian's libarchive links libzstd)") {
    CHECK(best_compression().suffix == ".tar.zst");
}

TEST_CASE("equal decks give byte-equal archives, whatever the files' times and modes") {
    TempDir tmp("pack");
    fs::copy(fixture, tmp.path("a"), fs::copy_options::recursive);
    fs::copy(fixture, tmp.path("b"), fs::copy_options::recursive);
    fs::last_write_time(tmp.path("b/slides/deck.toml"),
                        fs::file_time_type::clock::now() - std::chrono::hours(50));
    fs::permissions(tmp.path("b/slides/deck.toml"), fs::perms::owner_read | fs::perms::owner_write);
    for (const auto& c :
         {ArchiveCompression{".tar.zst", true}, ArchiveCompression{".tar.gz", false}}) {
        fs::remove(tmp.path("a.tar"));
        fs::remove(tmp.path("b.tar"));
        REQUIRE(pack(tmp.path("a"), tmp.path("a.tar"), c).ok());
        REQUIRE(pack(tmp.path("b"), tmp.path("b.tar"), c).ok());
        CHECK(testing::read_text(tmp.path("a.tar")) == testing::read_text(tmp.path("b.tar")));
    }
    tmp.write("b/slides/deck.toml", testing::read_text(tmp.path("b/slides/deck.toml")) + "\n");
    fs::remove(tmp.path("b.tar"));
    REQUIRE(pack(tmp.path("b"), tmp.path("b.tar")).ok());
    CHECK(testing::read_text(tmp.path("a.tar")) != testing::read_text(tmp.path("b.tar")));
}

TEST_CASE("an archive extracts to a deck of the same revision, with only the deck's files") {
    TempDir tmp("pack");
    fs::copy(fixture, tmp.path("deck"), fs::copy_options::recursive);
    tmp.write("deck/notes.txt", "not part of the deck");
    tmp.write("deck/slides/.deck.toml.swp", "editor leftover");
    auto packed = pack(tmp.path("deck"), tmp.path("d.tar.zst"));
    REQUIRE_MESSAGE(packed.ok(), format_diagnostic(packed.error()));
    CHECK(packed->files == list_content(tmp.path("deck")).files.size());
    fs::create_directories(tmp.path("out"));
    auto extracted = extract_archive(tmp.path("d.tar.zst"), tmp.path("out"), {});
    REQUIRE_MESSAGE(extracted.ok(), format_diagnostic(extracted.error()));
    CHECK(extracted->files == packed->files);
    CHECK(deck_revision(tmp.path("out")) == deck_revision(tmp.path("deck")));
    CHECK_FALSE(fs::exists(tmp.path("out/notes.txt")));
    CHECK_FALSE(fs::exists(tmp.path("out/slides/.deck.toml.swp")));
}

TEST_CASE("the writer never replaces a file and refuses a FIFO in the deck") {
    TempDir tmp("pack");
    fs::copy(fixture, tmp.path("deck"), fs::copy_options::recursive);
    tmp.write("exists.tar", "old");
    CHECK_FALSE(pack(tmp.path("deck"), tmp.path("exists.tar")).ok());
    CHECK(testing::read_text(tmp.path("exists.tar")) == "old");
    REQUIRE(::mkfifo(tmp.path("deck/images/pipe.png").c_str(), 0644) == 0);
    auto r = write_deck_archive(tmp.path("deck"), {}, {"images/pipe.png"}, tmp.path("p.tar"),
                                best_compression(), 1 << 20);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("FIFO") != std::string::npos);
}
