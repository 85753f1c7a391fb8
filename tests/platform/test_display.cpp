// Tests for the PNG read-back of a renderer: encode_png's bytes, and save_png through the atomic
// file writer (a missing folder is a Diagnostic at the path, and no temporary file stays).
#include "platform/display.hpp"

#include "base/file_read.hpp"
#include "support/temp_dir.hpp"
#include "support/test_surfaces.hpp"

#include <SDL_image.h>
#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::TempDir;

namespace {

// A software renderer drawing into a surface: no video subsystem needed.
struct SurfaceRenderer {
    SurfacePtr surface = testing::test_surface(64, 48, false);
    RendererPtr renderer{SDL_CreateSoftwareRenderer(surface.get())};
};

Size decoded_size(const std::string& bytes) {
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    SurfacePtr s(IMG_Load_RW(rw, 1));
    return s ? Size{s->w, s->h} : Size{};
}

} // namespace

TEST_CASE("display: encode_png reads the render target back as PNG bytes") {
    SurfaceRenderer r;
    REQUIRE(r.renderer);
    const auto png = encode_png(r.renderer.get(), {64, 48});
    REQUIRE(png.ok());
    CHECK(decoded_size(*png) == Size{64, 48});
}

TEST_CASE("display: save_png writes the file whole, and says where and why it cannot") {
    SurfaceRenderer r;
    REQUIRE(r.renderer);
    TempDir tmp("save-png");
    const std::string path = tmp.path("slide.png");
    const auto saved = save_png(r.renderer.get(), {64, 48}, path);
    REQUIRE(saved.ok());
    const FileBytes file = read_regular_file(path, 1 << 20);
    REQUIRE(file.ok());
    CHECK(decoded_size(file.bytes) == Size{64, 48});
    CHECK_FALSE(std::filesystem::exists(path + ".tmp"));

    const std::string nowhere = tmp.path("missing/slide.png");
    const auto refused = save_png(r.renderer.get(), {64, 48}, nowhere);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().loc.path == nowhere);
    CHECK(refused.error().message == "cannot write the PNG: No such file or directory");
    CHECK(refused.error().hint == "creating " + nowhere + ".tmp");
}
