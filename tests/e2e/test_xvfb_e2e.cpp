// End to end on a real X server (Xvfb, Mesa llvmpipe): the X11 window path, the renderer choice,
// and the GLES2 renderer (the Pi's) frame by frame against the software renderer's --render PNGs.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support/json_field.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"
#include "support/wait_for.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

constexpr int width = 640, height = 360; // px: the X screen and the --render size
constexpr int start_timeout_ms = 20'000; // first frame: ASan, llvmpipe, a busy shared machine

// Skips the test (CTest SKIP_RETURN_CODE 77) when a tool it needs is not installed.
void need_tool(const std::string& name) {
    if (have_program(name)) return;
    std::fprintf(stderr, "%s is not installed: test skipped\n", name.c_str());
    std::exit(77);
}

// This environment without SDL, systemd and display variables, plus extra ("NAME=value").
std::vector<std::string> child_env(const std::vector<std::string>& extra) {
    std::map<std::string, std::string> set;
    for (const auto& kv : extra)
        set[kv.substr(0, kv.find('='))] = kv.substr(kv.find('=') + 1);
    return child_environment(
        {"SDL_*", "DISPLAY", "WAYLAND_DISPLAY", "NOTIFY_SOCKET", "WATCHDOG_*", "ASAN_OPTIONS"},
        set);
}

// An X server of width x height at 24 bits on a display number it picks itself (-displayfd).
class Xvfb {
  public:
    explicit Xvfb(const fs::path& log) {
        need_tool("Xvfb");
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
        server_.emplace(std::vector<std::string>{"Xvfb", "-displayfd", "3", "-screen", "0", screen,
                                                 "-nolisten", "tcp", "-noreset"},
                        child_env({}), log, fds[1]);
        close(fds[1]);
        std::string number;
        char c = 0;
        pollfd p{fds[0], POLLIN, 0};
        while (poll(&p, 1, 10'000) > 0 && read(fds[0], &c, 1) == 1 && c != '\n')
            number += c;
        close(fds[0]);
        INFO(read_text(log));
        REQUIRE_MESSAGE(!number.empty(), "Xvfb gave no display number");
        display_ = ":" + number;
    }
    const std::string& display() const { return display_; }

  private:
    std::optional<Process> server_;
    std::string display_;
};

struct Image {
    int w = 0, h = 0;
    std::vector<std::uint8_t> rgb; // w * h * 3 bytes, rows top to bottom
};

Image load_png(const fs::path& p) {
    SDL_Surface* raw = IMG_Load(p.c_str());
    REQUIRE_MESSAGE(raw != nullptr, p.string() << ": " << IMG_GetError());
    SDL_Surface* s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGB24, 0);
    SDL_FreeSurface(raw);
    REQUIRE(s != nullptr);
    Image im{s->w, s->h, {}};
    const auto* px = static_cast<const std::uint8_t*>(s->pixels);
    for (int y = 0; y < s->h; ++y)
        im.rgb.insert(im.rgb.end(), px + y * s->pitch, px + y * s->pitch + s->w * 3);
    SDL_FreeSurface(s);
    return im;
}

// Mean absolute difference per channel (0-255), and the share of channels further than 24 apart.
struct Diff {
    double mean = 0, far_share = 0;
};

Diff diff(const Image& a, const Image& b) {
    REQUIRE(a.rgb.size() == b.rgb.size());
    double sum = 0;
    std::size_t far = 0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i) {
        const int d = std::abs(int(a.rgb[i]) - int(b.rgb[i]));
        sum += d;
        far += d > 24;
    }
    const double n = static_cast<double>(a.rgb.size());
    return {sum / n, static_cast<double>(far) / n};
}

// "Same picture" between renderers: GL and software blending may round differently by a few
// levels, and anti-aliased edges by more, on few pixels.
bool close_enough(const Diff& d) {
    return d.mean <= 1.5 && d.far_share <= 0.005;
}

// The alpha that best explains shot as from + alpha * (to - from) (least squares), and the mean
// absolute residual per channel that is left.
struct Fit {
    double alpha = 0, residual = 1e9;
};

Fit blend_fit(const Image& from, const Image& to, const Image& shot) {
    double num = 0, den = 0;
    for (std::size_t i = 0; i < shot.rgb.size(); ++i) {
        const double d = double(to.rgb[i]) - double(from.rgb[i]);
        num += (double(shot.rgb[i]) - double(from.rgb[i])) * d;
        den += d * d;
    }
    Fit f;
    if (den == 0) return f;
    f.alpha = num / den;
    double res = 0;
    for (std::size_t i = 0; i < shot.rgb.size(); ++i) {
        const double want = from.rgb[i] + f.alpha * (double(to.rgb[i]) - double(from.rgb[i]));
        res += std::abs(double(shot.rgb[i]) - want);
    }
    f.residual = res / static_cast<double>(shot.rgb.size());
    return f;
}

const fs::path fixture = fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic";

// The fixture deck (3 slides) with duration_s slides, transition_s fades and no overlay that
// changes with time (clock, progress bar), so that each slide at rest has one exact picture.
void make_deck(const fs::path& to, int duration_s, double transition_s) {
    fs::copy(fixture, to, fs::copy_options::recursive);
    const fs::path toml = to / "slides" / "deck.toml";
    std::string t = read_text(toml);
    auto set = [&t](const std::string& from, const std::string& with) {
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), with);
    };
    set("duration = 5\n", "duration = " + std::to_string(duration_s) + "\n");
    set("transition_duration = 0.5\n",
        "transition_duration = " + std::to_string(transition_s) + "\n");
    t += "progress = false\nclock = false\nposition = false\n"; // [overlays] is the last table
    std::ofstream(toml, std::ios::trunc) << t;
}

// The software renderer's picture of each enabled slide, in play order (affiche --render).
std::vector<Image> render_reference(const fs::path& deck, const fs::path& out) {
    const fs::path log = out.string() + ".log";
    Process p({AFFICHE_BIN, "--render", out.string(), "--size",
               std::to_string(width) + "x" + std::to_string(height), deck.string()},
              child_env({"SDL_VIDEODRIVER=offscreen"}), log);
    INFO(read_text(log));
    REQUIRE(p.wait_exit(60'000) == 0);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(out))
        if (e.path().extension() == ".png") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Image> images;
    for (const auto& f : files)
        images.push_back(load_png(f));
    REQUIRE(images.size() == 3);
    return images;
}

// The player, full screen on the X server, with its status file and log in dir.
struct Session {
    fs::path status, log, shot;
    std::optional<Process> player;
    Session(const fs::path& dir, const fs::path& deck, const Xvfb& x,
            const std::vector<std::string>& env) {
        fs::create_directories(dir / "run");
        status = dir / "run" / "status.json";
        shot = dir / "run" / "screenshot.png"; // SIGUSR1 writes beside the status file
        log = dir / "player.log";
        std::vector<std::string> e{"DISPLAY=" + x.display(), "SDL_VIDEODRIVER=x11",
                                   // Mesa's and Xlib's own allocations are still held at exit:
                                   // leaks are the offscreen tests' and the soak's to find.
                                   "ASAN_OPTIONS=detect_leaks=0"};
        e.insert(e.end(), env.begin(), env.end());
        player.emplace(
            std::vector<std::string>{AFFICHE_BIN, "--status", status.string(), deck.string()},
            child_env(e), log);
        const bool up = wait_for([&] { return !field("slide_id").empty(); }, start_timeout_ms);
        INFO(read_text(log));
        REQUIRE(player->running());
        REQUIRE(up);
    }
    std::string field(const std::string& key) const { return json_field(read_text(status), key); }
    // Takes the n-th SIGUSR1 screenshot of this session (counted in the log) and keeps it as to.
    void screenshot(int n, const fs::path& to) {
        player->signal(SIGUSR1);
        const bool saved =
            wait_for([&] { return count_of(read_text(log), "screenshot saved to") >= n; }, 5000);
        INFO(read_text(log));
        REQUIRE(saved);
        fs::copy_file(shot, to, fs::copy_options::overwrite_existing);
    }
};

} // namespace

TEST_CASE("xvfb e2e: a real X11 window shows what --render draws, with the renderer chosen") {
    need_tool("Xvfb");
    need_tool("import"); // ImageMagick: reads the X server's root window
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("x11");
    make_deck(t.dir() / "deck", 60, 1.0);
    const std::vector<Image> want = render_reference(t.dir() / "deck", t.dir() / "render");
    Xvfb x(t.dir() / "xvfb.log");
    Session s(t.dir(), t.dir() / "deck", x, {}); // no SDL_RENDER_DRIVER: the player chooses
    INFO(read_text(s.log));
    CHECK(s.field("width") == std::to_string(width));
    CHECK(s.field("height") == std::to_string(height));
    // Xvfb's OpenGL is Mesa llvmpipe: the software renderer, said once in the log and the status.
    CHECK(s.field("renderer") == "software");
    CHECK(s.field("renderer_reason").find("a software rasterizer") != std::string::npos);
    CHECK(count_of(read_text(s.log), "software renderer (OpenGL is ") == 1);

    // What the X server shows, once the first slide's 1 s fade-in from black is over. The wait is
    // for the very bound checked: a grab late in the fade (mean 1.29) is "close enough" between
    // renderers, but not yet the near-exact picture the same software code draws.
    const fs::path root = t.dir() / "root.png";
    const std::vector<std::string> grab{"import", "-window", "root", root.string()};
    const std::vector<std::string> grab_env = child_env({"DISPLAY=" + x.display()});
    Diff d;
    const auto near_exact = [](const Diff& diff) {
        return diff.mean < 0.5 && diff.far_share <= 0.005;
    };
    const bool same = wait_for(
        [&] {
            if (run_program(grab, grab_env).code != 0) return false;
            d = diff(load_png(root), want[0]);
            return near_exact(d);
        },
        10'000);
    INFO("mean difference " << d.mean << ", share far apart " << d.far_share);
    CHECK(same);
    CHECK(near_exact(d)); // the same software drawing code on both sides
    CHECK(s.player->stop(5000) == 0);
}

TEST_CASE("xvfb e2e: the GLES2 renderer on Mesa shows the software renderer's frames, fades too") {
    need_tool("Xvfb");
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("gles2");
    make_deck(t.dir() / "deck", 2, 1.0);
    const std::vector<Image> want = render_reference(t.dir() / "deck", t.dir() / "render");
    Xvfb x(t.dir() / "xvfb.log");
    Session s(t.dir(), t.dir() / "deck", x, {"SDL_RENDER_DRIVER=opengles2"});
    INFO(read_text(s.log));
    REQUIRE(s.field("renderer") == "opengles2");
    CHECK(s.field("renderer_reason") == "SDL_RENDER_DRIVER=opengles2 set");
    // Past the first fade-in from black: from here every frame is a slide or a crossfade.
    const std::string first = s.field("slide_id");
    REQUIRE(wait_for([&] { return s.field("slide_id") != first; }, 10'000));

    // Shots as fast as they come for 7 s (more than two 2 s slides with their 1 s crossfades),
    // kept as files: comparing them is slow under ASan, and would thin out the shots.
    std::vector<fs::path> shots;
    const auto end = SteadyClock::now() + std::chrono::seconds(7);
    for (int n = 1; SteadyClock::now() < end; ++n) {
        shots.push_back(t.dir() / ("shot-" + std::to_string(n) + ".png"));
        s.screenshot(n, shots.back());
        std::this_thread::sleep_for(std::chrono::milliseconds(120)); // ~5 shots a fade
    }
    // Each is one slide at rest, or a blend of a slide and the next one.
    int fading = 0;
    std::set<int> rest_slides;
    for (const fs::path& p : shots) {
        const Image shot = load_png(p);
        REQUIRE(shot.w == width);
        REQUIRE(shot.h == height);
        int at_rest = -1;
        for (int i = 0; i < 3 && at_rest < 0; ++i)
            if (close_enough(diff(shot, want[i]))) at_rest = i;
        if (at_rest >= 0) {
            rest_slides.insert(at_rest);
            continue;
        }
        Fit best;
        for (int i = 0; i < 3; ++i) {
            const Fit f = blend_fit(want[i], want[(i + 1) % 3], shot);
            if (f.residual < best.residual) best = f;
        }
        INFO(p.filename().string() << ": alpha " << best.alpha << ", residual " << best.residual);
        CHECK(best.residual <= 2.5); // a crossfade of two slides, not some other picture
        CHECK(best.alpha > 0.0);
        CHECK(best.alpha < 1.0);
        ++fading;
    }
    MESSAGE("GLES2 shots: " << shots.size() << ", " << fading << " mid-fade, " << rest_slides.size()
                            << " different slides seen at rest");
    CHECK(fading >= 1);
    // A fade that completes ends at rest on the next slide: two slides seen at rest at least.
    CHECK(rest_slides.size() >= 2);
    CHECK(s.player->stop(5000) == 0);
    CHECK(read_text(s.log).find("stats: frames=") != std::string::npos);
}
