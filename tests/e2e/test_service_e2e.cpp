// End to end, as a service: the real player headless, edited, swapped, deleted and signalled
// while it plays; its status file, log, screenshot and sd_notify messages checked from outside.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <SDL.h>
#include <SDL_image.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int start_timeout_ms = 10'000; // the first frame, under ASan on a busy machine
constexpr int reload_budget_ms = 2'000;  // the issue's "a valid edit shows within 2 s"
constexpr int poll_step_ms = 20;

long ms_since(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

// Polls cond every poll_step_ms until it holds or timeout_ms pass; true if it held.
bool wait_for(const std::function<bool()>& cond, int timeout_ms) {
    const auto start = Clock::now();
    for (;;) {
        if (cond()) return true;
        if (ms_since(start) >= timeout_ms) return cond();
        std::this_thread::sleep_for(std::chrono::milliseconds(poll_step_ms));
    }
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_text(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE_MESSAGE(out.good(), p.string());
}

int count_of(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + needle.size())) {
        ++n;
    }
    return n;
}

// A unique folder under the temp directory, removed at the end.
struct TempDir {
    fs::path dir;
    explicit TempDir(const std::string& tag) {
        static int counter = 0;
        dir = fs::temp_directory_path() / ("affiche-svc-" + tag + "-" + std::to_string(getpid()) +
                                           "-" + std::to_string(++counter));
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

const fs::path fixture = fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic";

// A copy of the fixture deck (3 slides: texte, liste, image-seule) with duration_s per slide.
void make_deck(const fs::path& to, int duration_s) {
    fs::copy(fixture, to, fs::copy_options::recursive);
    const fs::path deck_toml = to / "slides" / "deck.toml";
    std::string t = read_text(deck_toml);
    const std::string from = "duration = 5\n";
    const auto at = t.find(from);
    REQUIRE(at != std::string::npos);
    t.replace(at, from.size(), "duration = " + std::to_string(duration_s) + "\n");
    write_text(deck_toml, t);
}

// The first slide file with its first slide's id and title replaced.
std::string texte_file(const std::string& id, const std::string& title) {
    return "[[slide]]\nid = \"" + id + "\"\ntitle = \"" + title +
           "\"\nbody = \"Un paragraphe.\"\n\n"
           "[[slide]]\nid = \"liste\"\ntitle = \"Des puces\"\nbullets = [\"Un\", \"Deux\"]\n"
           "image = \"rond.svg\"\nimage_position = \"right\"\n";
}

// One value of the status file's pretty JSON: the text after "key": up to the comma or end of
// line, quotes removed. Keys are unique in the file except inside arrays, which are not asked for.
std::string json_field(const std::string& json, const std::string& key) {
    const std::string k = "\"" + key + "\": ";
    const auto at = json.find(k);
    if (at == std::string::npos) return "";
    const auto from = at + k.size();
    auto end = json.find('\n', from);
    std::string v = json.substr(from, end == std::string::npos ? std::string::npos : end - from);
    if (!v.empty() && v.back() == ',') v.pop_back();
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
}

// The player, started with posix_spawn; stdout and stderr go to a log file. Killed at the end if
// a test left it running.
class Player {
  public:
    Player(const std::vector<std::string>& args, const fs::path& log,
           const std::map<std::string, std::string>& env = {})
        : log_(log) {
        std::vector<std::string> argv_s{AFFICHE_BIN};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        // Our environment without the systemd variables (the tests set them when they mean to),
        // plus a headless SDL and what the test asks for.
        std::map<std::string, std::string> vars;
        for (char** e = environ; *e; ++e) {
            const std::string kv = *e;
            const auto eq = kv.find('=');
            if (eq == std::string::npos) continue;
            const std::string name = kv.substr(0, eq);
            if (name == "NOTIFY_SOCKET" || name.rfind("WATCHDOG_", 0) == 0) continue;
            vars[name] = kv.substr(eq + 1);
        }
        vars["SDL_VIDEODRIVER"] = "offscreen";
        vars["SDL_RENDER_DRIVER"] = "software";
        // SDL 2.26 otherwise pushes the software renderer's frames through an OpenGL context
        // (Mesa llvmpipe): 100 MB and half a second more, and a leak inside Mesa that LeakSanitizer
        // reports at exit, which would make every clean exit of the ASan build exit 1.
        vars["SDL_FRAMEBUFFER_ACCELERATION"] = "0";
        for (const auto& [k, v] : env)
            vars[k] = v;
        std::vector<std::string> env_s;
        for (const auto& [k, v] : vars)
            env_s.push_back(k + "=" + v);

        std::vector<char*> argv;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<char*> envp;
        for (auto& e : env_s)
            envp.push_back(e.data());
        envp.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        posix_spawn_file_actions_adddup2(&actions, 2, 1);
        const int rc = posix_spawn(&pid_, AFFICHE_BIN, &actions, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        REQUIRE_MESSAGE(rc == 0, "posix_spawn: " << std::strerror(rc));
    }
    ~Player() {
        if (running()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    pid_t pid() const { return pid_; }
    std::string log() const { return read_text(log_); }
    void signal(int sig) const { REQUIRE(kill(pid_, sig) == 0); }

    // True while the process has not exited (reaps it when it has).
    bool running() {
        if (exited_) return false;
        int status = 0;
        const pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == 0) return true;
        exited_ = true;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    // The exit code once the player has exited within timeout_ms, else -1.
    int wait_exit(int timeout_ms) {
        wait_for([this] { return !running(); }, timeout_ms);
        return exited_ ? exit_code_ : -1;
    }
    // SIGTERM, then the exit code (0 expected) within timeout_ms.
    int stop(int timeout_ms = 5000) {
        signal(SIGTERM);
        return wait_exit(timeout_ms);
    }

  private:
    fs::path log_;
    pid_t pid_ = -1;
    bool exited_ = false;
    int exit_code_ = -1;
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
        const auto start = Clock::now();
        const std::string first = field("slide_id") + "@" + field("slide_since");
        while (ms_since(start) < ms) {
            seen.insert(field("slide_id") + "@" + field("slide_since"));
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        seen.erase(first);
        return static_cast<int>(seen.size());
    }
};

// affiche with args, run to the end (at most 30 s): exit code and output.
std::pair<int, std::string> run_once(const std::vector<std::string>& args, const fs::path& log) {
    Player p(args, log);
    const int code = p.wait_exit(30'000);
    return {code, p.log()};
}

// PNG bytes for a w x h RGB image whose pixel data is cut short (keep bytes of the IDAT kept).
std::string png_bytes(std::uint32_t w, std::uint32_t h, bool with_data) {
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
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& bytes) {
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

} // namespace

TEST_CASE("service e2e: the status file names what is on screen") {
    TempDir t("status");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    const std::string j = s.json();
    INFO(j);
    CHECK(json_field(j, "version").find('.') != std::string::npos);
    CHECK(json_field(j, "content_dir") == (t.dir / "deck").string());
    CHECK(json_field(j, "revision").size() == 16);
    CHECK(json_field(j, "renderer") == "software");
    CHECK(json_field(j, "width") == "640");
    CHECK(json_field(j, "height") == "360");
    CHECK(json_field(j, "slide_count") == "3");
    const std::set<std::string> ids{"texte", "liste", "image-seule"};
    CHECK(ids.count(json_field(j, "slide_id")) == 1);
    CHECK(json_field(j, "started").size() == 20); // 2026-11-28T12:00:00Z
    CHECK(json_field(j, "started").back() == 'Z');
    CHECK(json_field(j, "at") == "null"); // no reload yet
    CHECK(json_field(j, "ok") == "true");
    CHECK(j.find("\"problems\": []") != std::string::npos);
    // Every slide shows in turn, each reported with its index.
    std::set<std::string> seen;
    wait_for(
        [&] {
            seen.insert(s.field("slide_index") + ":" + s.field("slide_id"));
            return seen.size() >= 3;
        },
        8000);
    CHECK(seen == std::set<std::string>{"0:texte", "1:liste", "2:image-seule"});
    CHECK(std::stoi(s.field("uptime_s")) >= 1);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a valid edit is on screen within 2 s") {
    TempDir t("edit");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");

    const auto edited = Clock::now();
    write_text(t.dir / "deck" / "slides" / "10-texte.toml",
               texte_file("texte-v2", "Nouveau titre"));
    // Validated and adopted: the status file names the new revision, the reload went well.
    const bool adopted = wait_for(
        [&] {
            return s.field("revision") != rev0 && s.field("ok") == "true" &&
                   s.field("at") != "null";
        },
        reload_budget_ms);
    const long adopted_ms = ms_since(edited);
    INFO(s.player->log());
    INFO(s.json());
    MESSAGE("edit to the new revision in the status file: " << adopted_ms << " ms");
    CHECK(adopted);
    const std::string rev1 = s.field("revision");
    CHECK(count_of(s.player->log(), "slides changed (revision " + rev1 + "): 3 slides") == 1);
    // The new deck's slide comes round (3 slides of 1 s, shown from the next slide).
    CHECK(wait_for([&] { return s.field("slide_id") == "texte-v2"; }, 6000));
    CHECK(s.player->running());
    CHECK(s.player->stop() == 0);
    CHECK(s.player->log().find("reloads=1 ") != std::string::npos);
}

TEST_CASE("service e2e: an invalid edit is refused, logged once, and the old deck plays on") {
    TempDir t("invalid");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");
    const fs::path file = t.dir / "deck" / "slides" / "10-texte.toml";
    const std::string good = read_text(file);

    write_text(file, "[[slide]]\nid = \"texte\"\ntitle = \"never closed\n");
    const bool refused = wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms);
    INFO(s.player->log());
    INFO(s.json());
    REQUIRE(refused);
    const std::string j = s.json();
    // The error names the file, line and column.
    CHECK(j.find("slides/10-texte.toml:3:") != std::string::npos);
    CHECK(s.player->log().find("slides/10-texte.toml:3:") != std::string::npos);
    CHECK(s.player->log().find("still showing the last good deck") != std::string::npos);
    CHECK(s.field("revision") == rev0);
    // The player keeps going through the old deck.
    CHECK(s.player->running());
    CHECK(s.slide_changes_over(2500) >= 1);
    CHECK(s.field("slide_count") == "3");
    // A forced reload of the same broken file: refused again, the same error not logged again.
    s.player->signal(SIGHUP);
    CHECK(wait_for(
        [&] { return count_of(s.player->log(), "still showing the last good deck") == 2; }, 2000));
    CHECK(count_of(s.player->log(), "slides/10-texte.toml:3:") == 1);

    // Fixed: accepted again.
    write_text(file, good);
    CHECK(wait_for([&] { return s.field("ok") == "true"; }, reload_budget_ms));
    CHECK(s.json().find("\"errors\": []") != std::string::npos);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a burst of 100 writes gives one reload") {
    TempDir t("burst");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    const fs::path file = t.dir / "deck" / "slides" / "10-texte.toml";
    for (int i = 1; i <= 100; ++i)
        write_text(file, texte_file("texte", "Version " + std::to_string(i)));
    REQUIRE(wait_for([&] { return s.player->log().find("slides changed") != std::string::npos; },
                     reload_budget_ms));
    // Longer than the debounce and a reload: a second one would have come by now.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    REQUIRE(s.player->stop() == 0);
    const std::string log = s.player->log();
    INFO(log);
    CHECK(count_of(log, "slides changed") == 1);
    CHECK(log.find("reloads=1 ") != std::string::npos);
    CHECK(log.find("error") == std::string::npos);
}

TEST_CASE("service e2e: a content symlink swapped by rename is followed") {
    TempDir t("symlink");
    make_deck(t.dir / "v1", 1);
    make_deck(t.dir / "v2", 1);
    write_text(t.dir / "v2" / "slides" / "10-texte.toml", texte_file("texte-v2", "Version deux"));
    fs::create_directory_symlink("v1", t.dir / "current");
    Session s(t.dir, t.dir / "current");
    s.require_started();
    const std::string rev1 = s.field("revision");

    // The atomic deploy: ln -s v2 tmp && mv -T tmp current.
    REQUIRE(symlink("v2", (t.dir / "tmp").c_str()) == 0);
    REQUIRE(rename((t.dir / "tmp").c_str(), (t.dir / "current").c_str()) == 0);
    CHECK(wait_for([&] { return s.field("revision") != rev1; }, reload_budget_ms));
    INFO(s.player->log());
    const std::string rev2 = s.field("revision");
    CHECK(s.field("ok") == "true");
    CHECK(wait_for([&] { return s.field("slide_id") == "texte-v2"; }, 6000));
    CHECK(count_of(s.player->log(), "slides changed") == 1);

    // Now the watches follow v2, not v1.
    write_text(t.dir / "v2" / "slides" / "10-texte.toml", texte_file("texte-v3", "Version trois"));
    CHECK(wait_for([&] { return s.field("revision") != rev2; }, reload_budget_ms));
    CHECK(count_of(s.player->log(), "slides changed") == 2);
    write_text(t.dir / "v1" / "slides" / "10-texte.toml", texte_file("texte-v1", "Plus suivi"));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(count_of(s.player->log(), "slides changed") == 2);
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: the content folder deleted, then restored") {
    TempDir t("deleted");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    const std::string rev0 = s.field("revision");

    fs::remove_all(t.dir / "deck");
    const bool failed = wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms);
    INFO(s.player->log());
    INFO(s.json());
    CHECK(failed);
    CHECK(s.json().find("no slides/ folder") != std::string::npos);
    // Still playing the deck from memory, images included.
    CHECK(s.player->running());
    CHECK(s.slide_changes_over(3000) >= 2);
    CHECK(s.field("revision") == rev0);

    make_deck(t.dir / "deck", 1); // same content, copied file by file
    CHECK(wait_for([&] { return s.field("ok") == "true"; }, reload_budget_ms));
    CHECK(wait_for([&] { return s.field("revision") == rev0; }, reload_budget_ms));
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("cannot compose") == std::string::npos);
    CHECK(log.find("cannot open") == std::string::npos);
}

TEST_CASE("service e2e: signals: HUP reloads, USR1 saves the screen, TERM exits 0") {
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("signals");
    make_deck(t.dir / "deck", 1);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    INFO(s.player->log());

    SUBCASE("SIGHUP with nothing changed reloads") {
        const std::string rev0 = s.field("revision");
        REQUIRE(s.field("at") == "null");
        s.player->signal(SIGHUP);
        CHECK(wait_for([&] { return s.field("at") != "null"; }, reload_budget_ms));
        CHECK(s.field("ok") == "true");
        CHECK(wait_for(
            [&] {
                return s.player->log().find("slides changed (revision " + rev0) !=
                       std::string::npos;
            },
            reload_budget_ms));
        CHECK(s.field("revision") == rev0);
    }
    SUBCASE("SIGUSR1 saves a 640x360 PNG of the screen beside the status file") {
        const fs::path shot = s.run_dir / "screenshot.png";
        REQUIRE_FALSE(fs::exists(shot));
        // Past the first slide's fade-in from black (crossfades between slides keep the
        // background: every slide has the same one).
        const std::string first = s.field("slide_id");
        REQUIRE(wait_for([&] { return s.field("slide_id") != first; }, 5000));
        // Seven shots 100 ms apart span more than one 0.5 s crossfade of the 1 s slides: old and
        // new slide share the background, so a right crossfade leaves the corner exactly at it.
        std::vector<std::string> corners;
        for (int shot_n = 1; shot_n <= 7; ++shot_n) {
            s.player->signal(SIGUSR1);
            REQUIRE(wait_for(
                [&] {
                    return count_of(s.player->log(), "screenshot saved to " + shot.string()) ==
                           shot_n;
                },
                reload_budget_ms));
            CHECK(png_size(read_text(shot)) == std::pair<std::uint32_t, std::uint32_t>{640, 360});
            SDL_Surface* raw = IMG_Load(shot.c_str());
            REQUIRE_MESSAGE(raw != nullptr, IMG_GetError());
            SDL_Surface* px = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
            SDL_FreeSurface(raw);
            REQUIRE(px != nullptr);
            CHECK(px->w == 640);
            CHECK(px->h == 360);
            char hex[8];
            std::snprintf(hex, sizeof hex, "%06x",
                          static_cast<const Uint32*>(px->pixels)[0] & 0xFFFFFFu);
            corners.emplace_back(hex);
            SDL_FreeSurface(px);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        INFO("corner pixel of each shot: " << [&] {
            std::string all;
            for (const auto& c : corners)
                all += c + " ";
            return all;
        }());
        // The theme's background, not black (never drawn) nor darkened by the crossfade.
        CHECK(std::count(corners.begin(), corners.end(), "102030") == 7);
    }
    const auto stopped = Clock::now();
    CHECK(s.player->stop(2000) == 0);
    CHECK(ms_since(stopped) < 2000);
    CHECK(s.player->log().find("stats: frames=") != std::string::npos);
}

TEST_CASE("service e2e: sd_notify: READY after the first frame, WATCHDOG every half interval") {
#ifndef AFFICHE_HAVE_SYSTEMD
    MESSAGE("built without libsystemd: the player sends no notifications");
    return;
#else
    TempDir t("notify");
    make_deck(t.dir / "deck", 600); // one static slide: nothing but the watchdog wakes the loop
    const fs::path sock_path = t.dir / "notify.sock";
    const int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(sock >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(sock_path.string().size() < sizeof addr.sun_path);
    std::strcpy(addr.sun_path, sock_path.c_str());
    REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    struct Closer {
        int fd;
        ~Closer() { close(fd); }
    } closer{sock};

    // Every notification line received within ms, with its arrival time (ms since the call).
    auto receive = [&](int ms) {
        std::vector<std::pair<long, std::string>> lines;
        const auto start = Clock::now();
        for (long left = ms; left > 0; left = ms - ms_since(start)) {
            pollfd p{sock, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            char buf[4096];
            const ssize_t n = recv(sock, buf, sizeof buf, 0);
            if (n <= 0) continue;
            std::istringstream in(std::string(buf, static_cast<std::size_t>(n)));
            for (std::string line; std::getline(in, line);)
                lines.emplace_back(ms_since(start), line);
        }
        return lines;
    };

    SUBCASE("WATCHDOG_USEC=400000: READY=1, then WATCHDOG=1 about every 200 ms") {
        Session s(t.dir, t.dir / "deck",
                  {{"NOTIFY_SOCKET", sock_path.string()}, {"WATCHDOG_USEC", "400000"}});
        bool ready = false;
        std::vector<std::pair<long, std::string>> before;
        const auto start = Clock::now();
        while (!ready && ms_since(start) < start_timeout_ms) {
            for (auto& l : receive(100)) {
                before.push_back(l);
                if (l.second == "READY=1") ready = true;
            }
        }
        INFO(s.player->log());
        REQUIRE(ready);
        bool status_seen = false;
        for (const auto& l : before)
            status_seen |= l.second.rfind("STATUS=slide 1/3: texte", 0) == 0;
        CHECK(status_seen);
        const auto lines = receive(2000);
        std::vector<long> pings;
        for (const auto& l : lines) {
            if (l.second == "WATCHDOG=1") pings.push_back(l.first);
        }
        MESSAGE(pings.size() << " watchdog pings in 2 s");
        CHECK(pings.size() >= 5);
        CHECK(pings.size() <= 14); // about 10: not a busy loop either
        long longest = pings.empty() ? 2000 : pings.front();
        for (std::size_t i = 1; i < pings.size(); ++i)
            longest = std::max(longest, pings[i] - pings[i - 1]);
        CHECK(longest < 400); // systemd would kill it after WatchdogSec = 400 ms of silence
        CHECK(s.player->stop() == 0);
        bool stopping = false;
        for (const auto& l : receive(300))
            stopping |= l.second == "STOPPING=1";
        CHECK(stopping);
    }
    SUBCASE("WATCHDOG_PID naming another process: READY=1 but no watchdog pings") {
        Session s(t.dir, t.dir / "deck",
                  {{"NOTIFY_SOCKET", sock_path.string()},
                   {"WATCHDOG_USEC", "400000"},
                   {"WATCHDOG_PID", "1"}});
        bool ready = false;
        const auto start = Clock::now();
        while (!ready && ms_since(start) < start_timeout_ms) {
            for (auto& l : receive(100))
                ready |= l.second == "READY=1";
        }
        REQUIRE(ready);
        int pings = 0;
        for (const auto& l : receive(1000))
            pings += l.second == "WATCHDOG=1";
        CHECK(pings == 0);
        CHECK(s.player->stop() == 0);
    }
#endif
}

TEST_CASE("service e2e: a status file that cannot be written: logged once, slides go on") {
    TempDir t("unwritable");
    make_deck(t.dir / "deck", 1);
    write_text(t.dir / "not-a-folder", "a regular file\n");
    const fs::path status = t.dir / "not-a-folder" / "status.json";
    const fs::path log = t.dir / "player.log";
    Player p({"--size", "640x360", "--status", status.string(), (t.dir / "deck").string()}, log);
    // Let it play three 1-second slides and fail a status write at each.
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    INFO(p.log());
    REQUIRE(p.running());
    // A screenshot goes beside the status file, which cannot be: an error, and still playing.
    p.signal(SIGUSR1);
    CHECK(wait_for([&] { return p.log().find("screenshot") != std::string::npos; }, 2000));
    CHECK(p.running());
    CHECK(p.stop() == 0);
    const std::string out = p.log();
    CHECK(count_of(out, status.string() + ": Not a directory") == 1);
    const auto at = out.find("fades=");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(out.substr(at + 6)) >= 2); // at least two slide changes in 3 s
}

TEST_CASE("service e2e: a corrupt or enormous image is refused, at start and while playing") {
    TempDir t("images");
    make_deck(t.dir / "deck", 1);
    const fs::path deck = t.dir / "deck";
    const std::string slide =
        "[[slide]]\nid = \"photo\"\ntitle = \"Photo\"\nimage = \"photo.png\"\n";

    SUBCASE("a PNG with a good header and cut-short data: cannot be decoded") {
        write_text(deck / "images" / "photo.png", png_bytes(64, 64, true));
        write_text(deck / "slides" / "30-photo.toml", slide);
        const auto [code, out] = run_once({"--check", deck.string()}, t.dir / "check.log");
        INFO(out);
        CHECK(code == 1);
        CHECK(out.find("slides/30-photo.toml:4:9: error:") != std::string::npos); // at `image`
        CHECK(out.find("image 'photo.png' cannot be decoded") != std::string::npos);
        // The player refuses to start on it too (it decodes everything before the first frame).
        const auto [pcode, pout] =
            run_once({"--size", "640x360", deck.string()}, t.dir / "play.log");
        CHECK(pcode == 1);
        CHECK(pout.find("cannot be decoded") != std::string::npos);
    }
    SUBCASE("a PNG header claiming 30000x30000 in a tiny file: refused by its size") {
        write_text(deck / "images" / "photo.png", png_bytes(30000, 30000, false));
        write_text(deck / "slides" / "30-photo.toml", slide);
        const auto [code, out] = run_once({"--check", deck.string()}, t.dir / "check.log");
        INFO(out);
        CHECK(code == 1);
        CHECK(out.find("slides/30-photo.toml:4:") != std::string::npos);
        CHECK(out.find("30000x30000") != std::string::npos);
    }
    SUBCASE("either one arriving while playing: the reload is refused, the old deck plays on") {
        Session s(t.dir, deck);
        s.require_started();
        const std::string rev0 = s.field("revision");
        write_text(deck / "images" / "photo.png", png_bytes(64, 64, true));
        write_text(deck / "slides" / "30-photo.toml", slide);
        CHECK(wait_for([&] { return s.field("ok") == "false"; }, reload_budget_ms));
        INFO(s.player->log());
        CHECK(s.json().find("cannot be decoded") != std::string::npos);
        write_text(deck / "images" / "photo.png", png_bytes(30000, 30000, false));
        CHECK(wait_for([&] { return s.json().find("30000x30000") != std::string::npos; },
                       reload_budget_ms));
        CHECK(s.field("ok") == "false");
        CHECK(s.field("revision") == rev0);
        CHECK(s.field("slide_count") == "3");
        CHECK(s.slide_changes_over(2000) >= 1);
        CHECK(s.player->stop() == 0);
    }
}

TEST_CASE(
    "service e2e: a broken font file falls back to the system font, logged and in the status") {
    TempDir t("font");
    make_deck(t.dir / "deck", 1);
    const fs::path deck = t.dir / "deck";
    const fs::path system_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    REQUIRE(fs::exists(system_font));
    fs::copy_file(system_font, deck / "fonts" / "x.ttf");
    const fs::path deck_toml = deck / "slides" / "deck.toml";
    std::string d = read_text(deck_toml);
    const auto at = d.find("font = \"\"");
    REQUIRE(at != std::string::npos);
    d.replace(at, 9, "font = \"x.ttf\"");
    write_text(deck_toml, d);
    const std::string garbage(3000, '\x5a');

    SUBCASE("--check warns: the deck plays, in a system font") {
        write_text(deck / "fonts" / "x.ttf", garbage);
        const auto [code, out] = run_once({"--check", deck.string()}, t.dir / "check.log");
        INFO(out);
        CHECK(code == 0);
        CHECK(out.find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(out.find("using " + system_font.string()) != std::string::npos);
        CHECK(out.find("0 errors, 1 warning") != std::string::npos);
    }
    SUBCASE("started with it: plays on the system font, the problem in the log and status") {
        write_text(deck / "fonts" / "x.ttf", garbage);
        Session s(t.dir, deck);
        s.require_started();
        INFO(s.player->log());
        const std::string j = s.json();
        CHECK(j.find("\"problems\": []") == std::string::npos);
        CHECK(j.find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(j.find("using " + system_font.string()) != std::string::npos);
        CHECK(s.slide_changes_over(2500) >= 1);
        CHECK(s.player->stop() == 0);
        CHECK(count_of(s.player->log(), "cannot open font") == 1);
    }
    SUBCASE("broken while playing: the reload is taken, with the system font and the problem") {
        Session s(t.dir, deck);
        s.require_started();
        INFO(s.player->log());
        CHECK(s.json().find("\"problems\": []") != std::string::npos);
        const std::string rev0 = s.field("revision");
        write_text(deck / "fonts" / "x.ttf", garbage);
        // The deck validates (fonts are not part of validation) and takes over at the next
        // slide; its font cache cannot open the bytes it read and falls back.
        CHECK(wait_for([&] { return s.field("revision") != rev0; }, reload_budget_ms));
        CHECK(s.field("ok") == "true");
        CHECK(s.json().find("fonts/x.ttf: warning: cannot open font") != std::string::npos);
        CHECK(s.slide_changes_over(2500) >= 1);
        // The font repaired: the problem goes away with the next reload.
        fs::copy_file(system_font, deck / "fonts" / "x.ttf", fs::copy_options::overwrite_existing);
        CHECK(wait_for([&] { return s.json().find("\"problems\": []") != std::string::npos; },
                       reload_budget_ms));
        CHECK(s.player->stop() == 0);
    }
}

TEST_CASE("service e2e: slides out of schedule are skipped, the first one included") {
    TempDir t("schedule");
    make_deck(t.dir / "deck", 1);
    const fs::path file = t.dir / "deck" / "slides" / "10-texte.toml";
    std::string text = read_text(file);
    const std::string id = "id = \"texte\"\n";
    REQUIRE(text.find(id) != std::string::npos);
    text.replace(text.find(id), id.size(), id + "until = 2000-01-01\n"); // long past
    write_text(file, text);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    std::set<std::string> seen;
    const auto start = Clock::now();
    while (ms_since(start) < 4000) {
        seen.insert(s.field("slide_id"));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK(seen == std::set<std::string>{"liste", "image-seule"});
    CHECK(s.player->stop() == 0);
}

TEST_CASE("service e2e: a fake clock runs the player across a closing time: screen off, then on") {
    TempDir t("screen");
    make_deck(t.dir / "deck", 1);
    const fs::path deck_toml = t.dir / "deck" / "slides" / "deck.toml";
    // Closed from 12:00 to 12:30 on Monday 2026-12-21; no CEC or DPMS here: a black frame.
    write_text(deck_toml, read_text(deck_toml) +
                              "\n[opening_hours]\nmon = [\"08:00-12:00\", \"12:30-18:00\"]\n"
                              "\n[screen]\ncec = false\ndpms = false\n");
    // 300 times faster from 11:40 (UTC): closing after ~4 s, opening 6 s later.
    Session s(t.dir, t.dir / "deck",
              {{"TZ", "UTC"}, {"AFFICHE_FAKE_CLOCK", "2026-12-21 11:40x300"}});
    s.require_started();
    INFO(s.player->log());
    CHECK(s.field("on") == "true");
    CHECK(s.field("reason") == "open until 12:00");
    CHECK(s.field("next_change") == "2026-12-21T12:00:00Z");
    REQUIRE(wait_for([&] { return s.field("on") == "false"; }, 15'000));
    const std::string off = s.json();
    CHECK(json_field(off, "off_by") == "black frame");
    CHECK(json_field(off, "next_change") == "2026-12-21T12:30:00Z");
    CHECK(json_field(off, "now").rfind("2026-12-21T12:0", 0) == 0); // the fake clock's time
    // Off: no slide changes while the slides are 1 s long.
    const std::string slide_at_off = s.field("slide_since");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    if (s.field("on") == "false") CHECK(s.field("slide_since") == slide_at_off);
    REQUIRE(wait_for([&] { return s.field("on") == "true"; }, 15'000));
    CHECK(s.field("reason") == "open until 18:00");
    CHECK(s.field("off_by") == "");
    CHECK(s.slide_changes_over(2500) >= 1); // playing again
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("screen off (black frame)") != std::string::npos);
    CHECK(log.find("screen on: open until 18:00") != std::string::npos);
}

// ---- Edits seen at once (issue 11): the --windowed preview and the full screen ----

namespace {

// A screenshot's pixels as 0xRRGGBB, row by row.
struct Shot {
    int w = 0, h = 0;
    std::vector<std::uint32_t> px;
    std::uint32_t at(int x, int y) const {
        return px[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
                  static_cast<std::size_t>(x)];
    }
};

// Asks the player for its n-th screenshot (SIGUSR1) and reads it.
Shot take_shot(Session& s, int n) {
    const fs::path shot = s.run_dir / "screenshot.png";
    s.player->signal(SIGUSR1);
    REQUIRE(wait_for(
        [&] { return count_of(s.player->log(), "screenshot saved to " + shot.string()) == n; },
        5000));
    SDL_Surface* raw = IMG_Load(shot.c_str());
    REQUIRE_MESSAGE(raw != nullptr, IMG_GetError());
    SDL_Surface* conv = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    REQUIRE(conv != nullptr);
    Shot out{conv->w, conv->h, {}};
    for (int y = 0; y < conv->h; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(
            static_cast<const std::uint8_t*>(conv->pixels) + y * conv->pitch);
        for (int x = 0; x < conv->w; ++x)
            out.px.push_back(row[x] & 0xFFFFFFu);
    }
    SDL_FreeSurface(conv);
    // Kept for a look by hand when a test fails: AFFICHE_KEEP_SHOTS=folder.
    if (const char* keep = std::getenv("AFFICHE_KEEP_SHOTS"))
        fs::copy_file(shot, fs::path(keep) / ("shot-" + std::to_string(n) + ".png"),
                      fs::copy_options::overwrite_existing);
    return out;
}

// Pixels that differ between two shots within rows [y0, y1).
int differing(const Shot& a, const Shot& b, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = 0; x < a.w; ++x)
            n += a.at(x, y) != b.at(x, y);
    }
    return n;
}

const std::string image_slide_edited = "[[slide]]\nid = \"image-seule\"\nimage = \"rond.svg\"\n"
                                       "image_position = \"full\"\ntitle = \"Image retouchée\"\n";

} // namespace

TEST_CASE("live edit e2e: windowed: a valid edit shows at once, on the edited slide") {
    TempDir t("live-valid");
    make_deck(t.dir / "deck", 30); // no slide boundary during the test
    Session s(t.dir, t.dir / "deck", {}, {"--windowed"});
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    const auto edited = Clock::now();
    write_text(t.dir / "deck" / "slides" / "20-image.toml", image_slide_edited);
    const bool shown = wait_for([&] { return s.field("slide_id") == "image-seule"; }, 5000);
    MESSAGE("edit to the edited slide on screen: " << ms_since(edited) << " ms (aim: < 1000)");
    INFO(s.player->log());
    INFO(s.json());
    CHECK(shown);
    CHECK(s.field("slide_index") == "2");
    CHECK(s.field("revision") != rev0);
    CHECK(s.field("pending_revision") == "null"); // taken at once, nothing waits
    CHECK(s.player->stop() == 0);
    CHECK(s.player->log().find("reloads=1 ") != std::string::npos);
}

TEST_CASE("live edit e2e: windowed: an invalid edit shows its errors over the slide until fixed") {
    REQUIRE(SDL_Init(0) == 0);
    TempDir t("live-invalid");
    make_deck(t.dir / "deck", 30);
    Session s(t.dir, t.dir / "deck", {}, {"--windowed"});
    s.require_started();
    INFO(s.player->log());
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // past the fade-in from black
    const Shot clean = take_shot(s, 1);
    REQUIRE(clean.w == 640);
    const fs::path file = t.dir / "deck" / "slides" / "10-texte.toml";
    const std::string good = read_text(file);

    write_text(file, "[[slide]]\nid = \"texte\"\ntitle = \"never closed\n");
    REQUIRE(wait_for([&] { return s.field("ok") == "false"; }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the next pass draws it
    const Shot broken = take_shot(s, 2);
    // The panel across the top: its red stripe at the left edge (margin 3 % of 360 px = 10 px),
    // and the text over the slide's top third changed.
    CHECK(broken.at(11, 20) == 0xE04F3Cu);
    CHECK(clean.at(11, 20) != 0xE04F3Cu);
    CHECK(differing(clean, broken, 10, 120) > 640 * 110 / 2);
    CHECK(s.field("slide_id") == "texte"); // still the last good slide under it

    write_text(file, good);
    REQUIRE(wait_for([&] { return s.field("ok") == "true"; }, 5000));
    std::this_thread::sleep_for(std::chrono::milliseconds(1200)); // the crossfade is over
    const Shot fixed = take_shot(s, 3);
    CHECK(fixed.at(11, 20) == clean.at(11, 20));
    CHECK(differing(clean, fixed, 0, 300) == 0); // the slide as it was, the clock row aside
    CHECK(s.player->stop() == 0);
}

TEST_CASE("live edit e2e: full screen: an edit of the slide on screen crossfades to it at once") {
    TempDir t("live-onscreen");
    make_deck(t.dir / "deck", 30);
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    write_text(t.dir / "deck" / "slides" / "10-texte.toml", texte_file("texte", "Titre corrigé"));
    // Long before the 30 s slide ends: the new version of the same slide.
    const bool taken = wait_for([&] { return s.field("revision") != rev0; }, 5000);
    INFO(s.player->log());
    CHECK(taken);
    CHECK(s.field("slide_id") == "texte");
    CHECK(s.field("pending_revision") == "null");
    CHECK(s.player->stop() == 0);
    const std::string log = s.player->log();
    CHECK(log.find("reloads=1 ") != std::string::npos);
    CHECK(log.find("fades=1 ") != std::string::npos); // a crossfade, not a cut
}

TEST_CASE("live edit e2e: full screen: an edit of another slide waits for the slide boundary") {
    TempDir t("live-boundary");
    make_deck(t.dir / "deck", 10); // room for a slow validation before the first boundary
    Session s(t.dir, t.dir / "deck");
    s.require_started();
    REQUIRE(s.field("slide_id") == "texte");
    const std::string rev0 = s.field("revision");
    write_text(t.dir / "deck" / "slides" / "20-image.toml", image_slide_edited);
    // Validated and waiting: the status file tells the two revisions apart.
    const bool waiting = wait_for([&] { return s.field("pending_revision") != "null"; }, 7000);
    INFO(s.player->log());
    INFO(s.json());
    REQUIRE(waiting);
    const std::string rev1 = s.field("pending_revision");
    CHECK(rev1 != rev0);
    CHECK(s.field("revision") == rev0);
    CHECK(s.field("slide_id") == "texte");
    CHECK(s.field("ok") == "true");
    // At the boundary: the next slide, from the new deck.
    CHECK(wait_for([&] { return s.field("revision") == rev1; }, 12000));
    CHECK(s.field("slide_id") == "liste");
    CHECK(s.field("pending_revision") == "null");
    CHECK(s.player->stop() == 0);
}
