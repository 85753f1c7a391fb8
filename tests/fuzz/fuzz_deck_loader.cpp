// libFuzzer harness: load_deck on a content folder whose slide file (and deck.toml) are the input.
// The input is one slide file, or deck.toml, a line "%%", then the slide file.
#include "deck/deck_loader.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// A content folder made once per process and removed at exit, with the fixture deck's images and
// fonts so that the slides can name real files.
class ContentDir {
  public:
    ContentDir() {
        std::string pattern = (fs::temp_directory_path() / "affiche-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data())) std::abort();
        dir_ = pattern;
        const fs::path source(AFFICHE_SOURCE_DIR);
        const fs::path fixtures = source / "tests" / "fixtures" / "basic";
        for (const char* sub : {"images", "fonts"})
            fs::copy(fixtures / sub, fs::path(dir_) / sub, fs::copy_options::recursive);
        fs::copy(source / "images", fs::path(dir_) / "images", fs::copy_options::skip_existing);
        fs::create_directories(fs::path(dir_) / "slides");
    }
    ~ContentDir() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    ContentDir(const ContentDir&) = delete;
    ContentDir& operator=(const ContentDir&) = delete;
    const std::string& path() const { return dir_; }

  private:
    std::string dir_;
};

const std::string& content_dir() {
    static const ContentDir dir;
    return dir.path();
}

void write_or_remove(const fs::path& path, const std::string_view* content) {
    std::error_code ec;
    if (!content) {
        fs::remove(path, ec);
        return;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content->data(), static_cast<std::streamsize>(content->size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const fs::path slides = fs::path(content_dir()) / "slides";
    std::string_view deck;
    std::string_view slide = input;
    const std::size_t split = input.find("\n%%\n");
    if (split != std::string_view::npos) {
        deck = input.substr(0, split);
        slide = input.substr(split + 4);
    }
    write_or_remove(slides / "deck.toml", split != std::string_view::npos ? &deck : nullptr);
    write_or_remove(slides / "10-fuzz.toml", &slide);
    const affiche::LoadResult result = affiche::load_deck(content_dir());
    // A deck comes back only without errors, and then it has something to show.
    if (result.deck && affiche::has_errors(result.diagnostics)) std::abort();
    for (const auto& d : result.diagnostics)
        (void)affiche::format_diagnostic(d);
    return 0;
}
