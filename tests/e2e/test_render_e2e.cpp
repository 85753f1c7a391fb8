// End to end: runs `affiche --render` headless on the fixture deck and inspects the PNGs.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

Run run_affiche(const std::string& args) {
    return run_shell(std::string(AFFICHE_BIN) + " " + args);
}

std::vector<fs::path> pngs_in(const fs::path& dir) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() == ".png") out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

struct Pixels {
    std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)> s{nullptr, SDL_FreeSurface};
    Uint32 at(int x, int y) const {
        return static_cast<const Uint32*>(s->pixels)[y * (s->pitch / 4) + x] & 0xFFFFFF;
    }
};

Pixels load(const fs::path& p) {
    Pixels px;
    SDL_Surface* raw = IMG_Load(p.string().c_str());
    REQUIRE_MESSAGE(raw != nullptr, p.string());
    px.s.reset(SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0));
    SDL_FreeSurface(raw);
    REQUIRE(px.s != nullptr);
    return px;
}

constexpr Uint32 background = 0x102030; // the fixture's theme.background
constexpr Uint32 white_text = 0xFFFFFF; // the fixture's theme.text

// Renders the fixture at w x h and checks every slide's PNG.
void check_render(int w, int h) {
    const TempDir t("e2e-" + std::to_string(w) + "x" + std::to_string(h));
    const fs::path out = t.dir() / "out";
    const Run r = run_affiche("--render " + out.string() + " --size " + std::to_string(w) + "x" +
                              std::to_string(h) + " " + AFFICHE_SOURCE_DIR "/tests/fixtures/basic");
    INFO(r.output);
    REQUIRE(r.code == 0);
    const auto files = pngs_in(out);
    REQUIRE(files.size() == 3); // three enabled slides; the disabled one is not rendered
    CHECK(files[0].filename() == "01-texte.png");
    CHECK(files[1].filename() == "02-liste.png");
    CHECK(files[2].filename() == "03-image-seule.png");
    const int mx = static_cast<int>(0.05 * w + 0.5);
    const int my = static_cast<int>(0.05 * h + 0.5);
    for (const auto& f : files) {
        INFO(f.string());
        const Pixels px = load(f);
        REQUIRE(px.s->w == w);
        REQUIRE(px.s->h == h);
        long outside = 0;
        long text_inside = 0;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const bool inside = x >= mx && x < w - mx && y >= my && y < h - my;
                const Uint32 c = px.at(x, y);
                if (!inside && c != background) ++outside;
                if (inside && c == white_text) ++text_inside;
            }
        }
        CHECK(outside == 0); // nothing is drawn outside the safe area
        if (f.filename() != "03-image-seule.png") CHECK(text_inside > 500); // body text is there
    }
}

} // namespace

TEST_CASE("e2e: render writes one PNG per enabled slide, everything inside the safe area") {
    REQUIRE(SDL_Init(0) == 0);
    check_render(1280, 720);
    check_render(1920, 1080);
    check_render(1080, 1920);
    check_render(3840, 2160);
}

TEST_CASE("e2e: a deck with errors is refused by --render and --check with file:line:col") {
    const TempDir t("e2e-bad");
    const fs::path deck = t.dir() / "deck";
    fs::create_directories(deck / "slides");
    fs::create_directories(deck / "images");
    {
        std::FILE* f = std::fopen((deck / "slides" / "10-bad.toml").string().c_str(), "w");
        REQUIRE(f != nullptr);
        std::fputs("[[slide]]\ntitle = \"Bonjour\"\nduraton = 5\n", f);
        std::fclose(f);
    }
    const Run check = run_affiche("--check " + deck.string());
    INFO(check.output);
    CHECK(check.code == 1);
    CHECK(check.output.find("slides/10-bad.toml:3:1: error:") != std::string::npos);
    CHECK(check.output.find("duration") != std::string::npos); // the did-you-mean hint
    const Run render = run_affiche("--render " + (deck / "out").string() + " " + deck.string());
    INFO(render.output);
    CHECK(render.code == 1);
    CHECK(render.output.find("slides/10-bad.toml:3:1: error:") != std::string::npos);
    // Nothing is rendered from a refused deck, whatever the files would have been called.
    CHECK((!fs::exists(deck / "out") || pngs_in(deck / "out").empty()));
}

TEST_CASE("e2e: a PNG cut short (an upload still being copied) is an error, not a hang") {
    const TempDir t("e2e-cut-png");
    const fs::path deck = t.dir() / "deck";
    fs::create_directories(deck / "slides");
    fs::create_directories(deck / "images");
    const fs::path full = fs::path(AFFICHE_SOURCE_DIR) / "docs" / "screenshots" / "accueil.png";
    std::string bytes;
    {
        std::ifstream in(full, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    REQUIRE(bytes.size() > 200);
    {
        std::ofstream out(deck / "images" / "photo.png", std::ios::binary);
        out.write(bytes.data(), 60); // signature, IHDR and the start of the next chunk
        std::ofstream slide(deck / "slides" / "10-photo.toml");
        slide << "[[slide]]\ntitle = \"Photo\"\nimage = \"photo.png\"\n";
    }
    // libpng fed this through SDL_image used to loop for ever: timeout turns a hang into a failure.
    const Run check =
        run_shell("timeout 60 " + std::string(AFFICHE_BIN) + " --check " + deck.string());
    INFO(check.output);
    CHECK(check.code == 1);
    CHECK(
        check.output.find("slides/10-photo.toml:3:9: error: image 'photo.png' cannot be decoded") !=
        std::string::npos);
}

TEST_CASE("e2e: command line: --version, --help, and an unknown option is a usage error") {
    const Run v = run_affiche("--version");
    CHECK(v.code == 0);
    CHECK(v.output.find("affiche ") == 0);
    const Run h = run_affiche("--help");
    CHECK(h.code == 0);
    CHECK(h.output.find("--render OUT_DIR") != std::string::npos);
    const Run bad = run_affiche("--frobnicate");
    CHECK(bad.code == 2);
    CHECK(bad.output.find("unknown option '--frobnicate'") != std::string::npos);
}

TEST_CASE("e2e: the shipped deck checks clean: no error and no warning") {
    const Run r = run_affiche(std::string("--check ") + AFFICHE_SOURCE_DIR);
    INFO(r.output);
    CHECK(r.code == 0);
    CHECK(r.output.find("warning") == std::string::npos);
    CHECK(r.output.find("error") == std::string::npos);
}

TEST_CASE("e2e: --check warns of a slide whose text is much smaller than the deck's usual size") {
    // The fixture's fonts and theme; min_cap_height low enough that only the size jump warns.
    const TempDir t("e2e-sizes");
    const fs::path deck = t.dir();
    fs::create_directories(deck / "slides");
    fs::copy(fs::path(AFFICHE_SOURCE_DIR) / "tests/fixtures/basic/fonts", deck / "fonts");
    fs::create_directories(deck / "images");
    {
        std::FILE* f = std::fopen((deck / "slides" / "deck.toml").string().c_str(), "w");
        REQUIRE(f != nullptr);
        std::fputs("[theme]\nfont = \"\"\nfont_bold = \"\"\nmin_cap_height = 0.005\n", f);
        std::string slides;
        for (const char* id : {"a", "b", "c", "d"})
            slides += std::string("[[slide]]\nid = \"") + id + "\"\ntitle = \"Court\"\n" +
                      "body = \"Une phrase courte.\"\n";
        std::string dense;
        for (int i = 0; i < 40; ++i)
            dense += "Une phrase bien trop longue pour cet écran. ";
        slides += "[[slide]]\nid = \"dense\"\ntitle = \"Long\"\nbody = \"" + dense + "\"\n";
        std::FILE* g = std::fopen((deck / "slides" / "10-slides.toml").string().c_str(), "w");
        REQUIRE(g != nullptr);
        std::fputs(slides.c_str(), g);
        std::fclose(g);
        std::fclose(f);
    }
    const Run r = run_affiche("--check " + deck.string());
    INFO(r.output);
    CHECK(r.output.find("slide 'dense' has smaller text than the deck's other slides") !=
          std::string::npos);
    // One warning, for the dense slide only (the others are the usual size).
    std::size_t count = 0;
    for (auto at = r.output.find("has smaller text"); at != std::string::npos;
         at = r.output.find("has smaller text", at + 1))
        ++count;
    CHECK(count == 1);
    CHECK(r.output.find("too much text") == std::string::npos);
    fs::remove_all(deck);
}

namespace {

// A solid-colour image file written with SDL_image (PNG or JPEG).
void write_solid(const fs::path& path, int w, int h, Uint32 rgb, bool jpeg) {
    SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(s != nullptr);
    SDL_FillRect(s, nullptr, 0xFF000000u | rgb);
    const int rc =
        jpeg ? IMG_SaveJPG(s, path.string().c_str(), 95) : IMG_SavePNG(s, path.string().c_str());
    SDL_FreeSurface(s);
    REQUIRE(rc == 0);
}

// Within 24 of rgb on every channel (JPEG and WebP are lossy).
bool near(Uint32 c, Uint32 rgb) {
    for (int shift = 0; shift < 24; shift += 8) {
        const int a = static_cast<int>((c >> shift) & 0xFF);
        const int b = static_cast<int>((rgb >> shift) & 0xFF);
        if (std::abs(a - b) > 24) return false;
    }
    return true;
}

} // namespace

TEST_CASE("e2e: PNG, JPEG, WebP and an image over the texture limit are drawn, aspect kept") {
    REQUIRE(SDL_Init(0) == 0);
    const TempDir t("e2e-formats");
    const fs::path deck = t.dir() / "deck";
    fs::create_directories(deck / "slides");
    fs::create_directories(deck / "images");
    fs::create_directories(deck / "fonts");
    write_solid(deck / "images" / "rouge.png", 400, 200, 0xD02020, false);
    write_solid(deck / "images" / "bleu.jpg", 200, 200, 0x2040D0, true);
    fs::copy_file(AFFICHE_SOURCE_DIR "/tests/fixtures/formats/images/vert.webp",
                  deck / "images" / "vert.webp");
    // 6000 px wide: over the 4096 px texture limit of a Raspberry Pi, shrunk on the CPU first.
    write_solid(deck / "images" / "large.png", 6000, 1000, 0xE0C020, false);
    write_text(deck / "slides" / "10.toml",
               "[[slide]]\nid = \"png\"\nimage = \"rouge.png\"\nimage_position = \"full\"\n"
               "[[slide]]\nid = \"jpeg\"\nimage = \"bleu.jpg\"\nimage_position = \"full\"\n"
               "[[slide]]\nid = \"webp\"\nimage = \"vert.webp\"\nimage_position = \"full\"\n"
               "[[slide]]\nid = \"large\"\nimage = \"large.png\"\nimage_position = \"full\"\n");
    const fs::path out = deck / "out";
    const Run r = run_affiche("--render " + out.string() + " --size 1280x720 " + deck.string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    struct Expect {
        const char* file;
        Uint32 rgb;
        double aspect; // width / height of the image
    };
    const Expect expects[] = {{"01-png.png", 0xD02020, 2.0},
                              {"02-jpeg.png", 0x2040D0, 1.0},
                              {"03-webp.png", 0x20A040, 1.5},
                              {"04-large.png", 0xE0C020, 6.0}};
    for (const auto& e : expects) {
        INFO(e.file);
        const Pixels px = load(out / e.file);
        long n = 0;
        int x0 = px.s->w, y0 = px.s->h, x1 = -1, y1 = -1; // bounding box of the picture
        for (int y = 0; y < px.s->h; ++y) {
            for (int x = 0; x < px.s->w; ++x) {
                if (!near(px.at(x, y), e.rgb)) continue;
                ++n;
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
            }
        }
        CHECK(n > 20'000); // the picture is there, large
        REQUIRE(x1 > x0);
        const double aspect = static_cast<double>(x1 - x0 + 1) / (y1 - y0 + 1);
        CHECK(aspect == doctest::Approx(e.aspect).epsilon(0.02));
    }
}

namespace {

// The fixture deck with an announcement from 09:00 to 12:00 on 2026-12-21, in style.
fs::path announced_deck(const TempDir& t, const std::string& style) {
    const fs::path deck = t.dir() / "deck";
    fs::copy(fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic", deck,
             fs::copy_options::recursive);
    write_text(deck / "slides" / "announcement.toml",
               "[announcement]\ntext = \"Le Dr X a environ 30 minutes de retard\"\n"
               "from = 2026-12-21T09:00:00\nuntil = 2026-12-21T12:00:00\nstyle = \"" +
                   style + "\"\n");
    return deck;
}

// The PNGs `affiche --render --at when` writes for deck (in UTC), sorted.
std::vector<fs::path> render_at(const TempDir& t, const fs::path& deck, const std::string& when) {
    const fs::path out = t.dir() / ("out-" + when.substr(11, 2) + when.substr(14, 2));
    const Run r = run_shell("TZ=UTC " + std::string(AFFICHE_BIN) + " --render " + out.string() +
                            " --at '" + when + "' " + deck.string());
    INFO(r.output);
    REQUIRE(r.code == 0);
    return pngs_in(out);
}

// Pixels of the band's fill (the fixture's accent) in the lower half of a 1920x1080 render.
long band_pixels(const fs::path& png) {
    const Pixels px = load(png);
    long n = 0;
    for (int y = px.s->h / 2; y < px.s->h; ++y) {
        for (int x = 0; x < px.s->w; ++x)
            n += px.at(x, y) == 0xFFD080;
    }
    return n;
}

} // namespace

TEST_CASE("e2e: --render --at shows the announcement band before until, and not after") {
    REQUIRE(SDL_Init(0) == 0);
    const TempDir t("e2e-announcement");
    const fs::path deck = announced_deck(t, "band");
    const auto three_at = [&](const std::string& when) {
        const auto files = render_at(t, deck, when);
        REQUIRE(files.size() == 3);
        return files;
    };
    for (const auto& f : three_at("2026-12-21 08:59")) // before from
        CHECK(band_pixels(f) < 20'000);                // the progress bar and the current dot only
    for (const auto& f : three_at("2026-12-21 09:00")) {
        INFO(f.string());
        // A band across the safe area's width, about 80 px high at 1080p.
        CHECK(band_pixels(f) > 100'000);
    }
    for (const auto& f : three_at("2026-12-21 11:59"))
        CHECK(band_pixels(f) > 100'000);
    for (const auto& f : three_at("2026-12-21 12:00")) // until: gone
        CHECK(band_pixels(f) < 20'000);                // the progress bar and the current dot only
}

TEST_CASE("e2e: --render --at shows the announcement's own slide while it lasts") {
    const TempDir t("e2e-announcement-slide");
    const fs::path deck = announced_deck(t, "slide");
    const auto names_at = [&](const std::string& when) {
        std::vector<std::string> names;
        for (const auto& f : render_at(t, deck, when))
            names.push_back(f.filename().string());
        return names;
    };
    // Three slides, the announcement after the third (and last): rendered once.
    CHECK(names_at("2026-12-21 10:00") == std::vector<std::string>{"01-texte.png", "03-liste.png",
                                                                   "05-image-seule.png",
                                                                   "06-announcement.png"});
    CHECK(names_at("2026-12-21 12:00") ==
          std::vector<std::string>{"01-texte.png", "03-liste.png", "05-image-seule.png"});
}

TEST_CASE("e2e: --check warns when the announcement's until is past, refuses one more than 7 days "
          "ahead") {
    const TempDir t("e2e-announcement-check");
    const fs::path deck = announced_deck(t, "band");
    write_text(deck / "slides" / "announcement.toml",
               "[announcement]\ntext = \"Retard\"\nuntil = 2000-01-01T12:00:00\n");
    const Run old = run_affiche("--check " + deck.string());
    INFO(old.output);
    CHECK(old.code == 0);
    CHECK(old.output.find("slides/announcement.toml:3:9: warning: the announcement is not shown "
                          "any more") != std::string::npos);
    write_text(deck / "slides" / "announcement.toml",
               "[announcement]\ntext = \"Retard\"\nuntil = 2999-01-01T12:00:00\n");
    const Run far = run_affiche("--check " + deck.string());
    INFO(far.output);
    CHECK(far.code == 1);
    CHECK(far.output.find("slides/announcement.toml:3:9: error: 'until' (2999-01-01 12:00) is "
                          "more than 7 days after now") != std::string::npos);
}
