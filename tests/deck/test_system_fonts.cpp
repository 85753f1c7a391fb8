// Tests for system_fonts: theme fonts a deck does not carry, found in real folders of real files.
#include "deck/deck_loader.hpp"
#include "deck/system_fonts.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace affiche;
namespace fs = std::filesystem;

namespace {

// A scratch folder with a deck's fonts/ and two stand-ins for system font folders.
class FontDirs : public testing::TempDir {
  public:
    FontDirs() : TempDir("fonts-test") {
        for (const char* sub : {"deck/slides", "deck/fonts", "noto", "dejavu"})
            fs::create_directories(dir() / sub);
    }
    std::vector<std::string> system_dirs() const { return {path("noto"), path("dejavu")}; }
    std::string find(std::string_view name) const {
        return system_font_for(path("deck/fonts"), name, system_dirs());
    }
};

} // namespace

TEST_CASE("system fonts: a font the deck lacks is taken from the first system folder holding it") {
    FontDirs t;
    t.write("dejavu/A.ttf", "a");
    CHECK(t.find("A.ttf") == t.path("dejavu/A.ttf"));
    t.write("noto/A.ttf", "a");
    CHECK(t.find("A.ttf") == t.path("noto/A.ttf")); // the folders' order decides
    CHECK(t.find("B.ttf").empty());                 // in no folder: the loader warns as before
}

TEST_CASE("system fonts: whatever the deck has under that name stays the deck's") {
    FontDirs t;
    t.write("noto/A.ttf", "a");
    t.write("deck/fonts/A.ttf", "own copy");
    CHECK(t.find("A.ttf").empty());
    fs::remove(t.path("deck/fonts/A.ttf"));
    // A broken link is still the deck's entry: the loader reports it rather than hiding it.
    fs::create_symlink(t.path("nowhere.ttf"), t.path("deck/fonts/A.ttf"));
    CHECK(t.find("A.ttf").empty());
    fs::remove(t.path("deck/fonts/A.ttf"));
    CHECK(t.find("A.ttf") == t.path("noto/A.ttf"));
}

TEST_CASE("system fonts: only plain file names, only regular files") {
    FontDirs t;
    fs::create_directories(t.path("noto/sub"));
    t.write("noto/sub/A.ttf", "a");
    t.write("A.ttf", "a"); // beside the system folders, reachable with ".."
    for (const char* name : {"sub/A.ttf", "../A.ttf", "..", ".", ""})
        CHECK_MESSAGE(t.find(name).empty(), name);
    CHECK(t.find("sub").empty()); // a folder is no font
}

TEST_CASE("system fonts: the shipped deck's Arabic fonts come from Debian's fonts-noto-core") {
    const std::string system = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
    // fonts-noto-core is a dependency of the package and in scripts/setup.sh's list.
    REQUIRE_MESSAGE(fs::is_regular_file(system), "install fonts-noto-core");
    FontDirs t;
    t.write("deck/slides/deck.toml", "[theme]\nfont_arabic = \"NotoSansArabic-Regular.ttf\"\n");
    t.write("deck/slides/10.toml", "[[slide]]\ntitle = \"a\"\n");
    const LoadResult result = load_deck(t.path("deck"));
    REQUIRE(result.deck.has_value());
    CHECK(result.diagnostics.empty()); // no "not found in fonts/" warning
    CHECK(result.deck->theme.font_arabic_path == system);

    // The shipped deck names it without carrying it.
    const LoadResult shipped = load_deck(AFFICHE_SOURCE_DIR);
    REQUIRE(shipped.deck.has_value());
    CHECK(shipped.deck->theme.font_arabic_path == system);
    CHECK(shipped.deck->theme.font_arabic_bold_path ==
          "/usr/share/fonts/truetype/noto/NotoSansArabic-Bold.ttf");
    CHECK_FALSE(fs::exists(std::string(AFFICHE_SOURCE_DIR) + "/fonts/NotoSansArabic-Regular.ttf"));
}
