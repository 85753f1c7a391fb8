// The service e2e tests' player: a copy of the fixture deck, the real player spawned headless on
// it with a status file, and what the tests read back (status fields, log, screenshot sizes).
#pragma once

#include "support/json_field.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"
#include "support/wait_for.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace affiche::testing {

namespace fs = std::filesystem;

inline constexpr int start_timeout_ms = 10'000; // the first frame, under ASan on a busy machine
inline constexpr int reload_budget_ms = 2'000;  // the issue's "a valid edit shows within 2 s"

inline const fs::path basic_fixture = fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic";

// A copy of the fixture deck (3 slides: texte, liste, image-seule) with duration_s per slide.
inline void make_deck(const fs::path& to, int duration_s) {
    fs::copy(basic_fixture, to, fs::copy_options::recursive);
    const fs::path deck_toml = to / "slides" / "deck.toml";
    std::string t = read_text(deck_toml);
    const std::string from = "duration = 5\n";
    const auto at = t.find(from);
    REQUIRE(at != std::string::npos);
    t.replace(at, from.size(), "duration = " + std::to_string(duration_s) + "\n");
    write_text(deck_toml, t);
}

// The first slide file with its first slide's id and title replaced.
inline std::string texte_file(const std::string& id, const std::string& title) {
    return "[[slide]]\nid = \"" + id + "\"\ntitle = \"" + title +
           "\"\nbody = \"Un paragraphe.\"\n\n"
           "[[slide]]\nid = \"liste\"\ntitle = \"Des puces\"\nbullets = [\"Un\", \"Deux\"]\n"
           "image = \"rond.svg\"\nimage_position = \"right\"\n";
}

// The player's environment: ours without the systemd variables (the tests set them when they
// mean to), plus a headless SDL and what the test asks for.
inline std::vector<std::string> player_environment(const std::map<std::string, std::string>& env) {
    std::map<std::string, std::string> set{
        {"SDL_VIDEODRIVER", "offscreen"},
        {"SDL_RENDER_DRIVER", "software"},
        // SDL 2.26 otherwise pushes the software renderer's frames through an OpenGL context
        // (Mesa llvmpipe): 100 MB and half a second more, and a leak inside Mesa that
        // LeakSanitizer reports at exit, which would make every clean exit of the ASan build
        // exit 1.
        {"SDL_FRAMEBUFFER_ACCELERATION", "0"}};
    for (const auto& [k, v] : env)
        set[k] = v;
    return child_environment({"NOTIFY_SOCKET", "WATCHDOG_*"}, set);
}

// The player with args; stdout and stderr go to the log file. Killed at the end if a test left
// it running.
class Player : public Process {
  public:
    Player(const std::vector<std::string>& args, const fs::path& log,
           const std::map<std::string, std::string>& env = {})
        : Process(with_binary(args), player_environment(env), log), log_(log) {}
    std::string log() const { return read_text(log_); }

  private:
    static std::vector<std::string> with_binary(const std::vector<std::string>& args) {
        std::vector<std::string> argv{AFFICHE_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        return argv;
    }
    fs::path log_;
};

// A player on content_dir with a status file under dir/run/; waits for the first status file.
struct Session {
    fs::path run_dir, status, log;
    std::unique_ptr<Player> player;

    Session(const fs::path& dir, const fs::path& content_dir,
            const std::map<std::string, std::string>& env = {}, std::vector<std::string> extra = {})
        : run_dir(dir / "run"), status(run_dir / "status.json"), log(dir / "player.log") {
        fs::create_directories(run_dir);
        std::vector<std::string> args{"--size", "640x360", "--status", status.string()};
        args.insert(args.end(), extra.begin(), extra.end());
        args.push_back(content_dir.string());
        player = std::make_unique<Player>(args, log, env);
    }
    std::string json() const { return read_text(status); }
    std::string field(const std::string& key) const { return json_field(json(), key); }
    void require_started() {
        const bool up =
            wait_for([this] { return !field("slide_id").empty() && !field("revision").empty(); },
                     start_timeout_ms);
        INFO(player->log());
        REQUIRE(player->running());
        REQUIRE(up);
    }
    // Distinct (slide_id, slide_since) pairs seen in the status file over ms milliseconds.
    int slide_changes_over(int ms) const {
        std::set<std::string> seen;
        const auto start = SteadyClock::now();
        const std::string first = field("slide_id") + "@" + field("slide_since");
        while (ms_since(start) < ms) {
            seen.insert(field("slide_id") + "@" + field("slide_since"));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        seen.erase(first);
        return static_cast<int>(seen.size());
    }
};

// affiche with args, in the player's environment, run to the end (at most 30 s): exit code and
// output.
inline std::pair<int, std::string> run_once(const std::vector<std::string>& args) {
    std::vector<std::string> argv{AFFICHE_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    const Run r = run_program(argv, player_environment({}), 30'000);
    return {r.code, r.output};
}

// PNG bytes for a w x h RGB image whose pixel data is cut short (keep bytes of the IDAT kept).
inline std::string png_bytes(std::uint32_t w, std::uint32_t h, bool with_data) {
    auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                           static_cast<char>(v >> 8), static_cast<char>(v)};
    };
    std::string ihdr = "IHDR" + be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5);
    // The CRC is not checked by the header reader; libpng does check it, and fails either way.
    std::string out = std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + ihdr + be32(0);
    if (with_data) out += be32(4000) + "IDAT" + std::string(40, '\x78'); // says 4000 bytes, has 40
    return out;
}

// Big-endian width and height from a PNG's IHDR.
inline std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& bytes) {
    if (bytes.size() < 24 || bytes.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) != 0)
        return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

} // namespace affiche::testing
