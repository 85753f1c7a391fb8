// End to end, as a service: --thumbnail seen through real inotify. The file is replaced by rename
// (IN_MOVED_TO, never written in place) once per slide change, each time a whole image at most
// 480 px wide and 60 KB; a static slide never rewrites it; nothing is written while the schedule
// keeps the screen off, a reload adopted then included.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <SDL.h>
#include <SDL_image.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <climits>
#include <string>
#include <vector>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_bytes = 60 * 1024;

// inotify on one folder: what happened to the file called name (its own events, not its temp's).
class FolderWatch {
  public:
    FolderWatch(const fs::path& dir, std::string name)
        : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), dir_(dir), name_(std::move(name)) {
        REQUIRE(fd_ >= 0);
        REQUIRE(inotify_add_watch(fd_, dir.c_str(),
                                  IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE) >= 0);
    }
    ~FolderWatch() { close(fd_); }
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    // Reads the events that arrived (waiting at most wait_ms for the first); each IN_MOVED_TO
    // of the file has its bytes read at once and kept in `replaced`.
    void drain(int wait_ms = 0) {
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, wait_ms) <= 0) return;
        alignas(inotify_event) char buf[16 * (sizeof(inotify_event) + NAME_MAX + 1)];
        for (;;) {
            const ssize_t n = read(fd_, buf, sizeof buf);
            if (n <= 0) return;
            for (ssize_t at = 0; at < n;) {
                const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
                if (e->len == 0 || name_ != e->name) continue;
                if (e->mask & IN_MOVED_TO) {
                    replaced.push_back(read_text(dir_ / name_));
                } else {
                    written_in_place.push_back(e->mask);
                }
            }
        }
    }
    // Waits until the file was replaced count times in all, at most timeout_ms.
    bool wait_replaced(std::size_t count, int timeout_ms) {
        return wait_for(
            [&] {
                drain(20);
                return replaced.size() >= count;
            },
            timeout_ms);
    }

    std::vector<std::string> replaced;           // the file's bytes at each IN_MOVED_TO
    std::vector<std::uint32_t> written_in_place; // IN_CREATE / IN_MODIFY / IN_CLOSE_WRITE on it

  private:
    int fd_;
    fs::path dir_;
    std::string name_;
};

// The decoded image's size, {0, 0} when SDL_image cannot read the bytes.
std::pair<int, int> image_size(const std::string& bytes) {
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    SDL_Surface* s = IMG_Load_RW(rw, 1);
    if (!s) return {0, 0};
    const std::pair<int, int> size{s->w, s->h};
    SDL_FreeSurface(s);
    return size;
}

// Each thumbnail whole, of the format asked, and within its limits.
void check_images(const std::vector<std::string>& images, std::pair<int, int> expected, bool jpeg) {
    for (const std::string& bytes : images) {
        INFO(bytes.size() << " bytes");
        CHECK(bytes.size() <= max_bytes);
        if (jpeg) {
            CHECK(bytes.compare(0, 3, "\xff\xd8\xff") == 0);
        } else {
            CHECK(bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        }
        CHECK(image_size(bytes) == expected);
    }
}

// The event trace's lines, "<wall ms> <kind> <what> [<detail>]", as "<kind> <what>".
std::vector<std::string> trace_events(const fs::path& trace) {
    std::vector<std::string> events;
    const std::string text = read_text(trace);
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(at, end - at);
        at = end + 1;
        const auto kind = line.find(' ');
        if (kind == std::string::npos) continue;
        const auto what_end = line.find(' ', line.find(' ', kind + 1) + 1);
        events.push_back(line.substr(
            kind + 1, what_end == std::string::npos ? std::string::npos : what_end - kind - 1));
    }
    return events;
}

bool starts(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// In trace order: every thumbnail follows a slide shown with no other thumbnail in between (one
// per slide change, never on a static slide). Returns the number of thumbnails.
int check_one_per_slide(const std::vector<std::string>& events) {
    int thumbnails = 0;
    bool slide_since_last = false;
    for (const std::string& e : events) {
        if (starts(e, "slide ")) slide_since_last = true;
        if (starts(e, "thumbnail ")) {
            INFO("thumbnail number " << thumbnails + 1);
            CHECK(slide_since_last);
            slide_since_last = false;
            ++thumbnails;
        }
    }
    return thumbnails;
}

// The number after "name=" in the player's exit stats line, -1 when absent.
long stat_of(const std::string& log, const std::string& name) {
    const auto at = log.find(" " + name + "=");
    return at == std::string::npos ? -1 : std::stol(log.substr(at + name.size() + 2));
}

} // namespace

TEST_CASE("thumbnail e2e: replaced by rename at each slide change, whole, <= 480 px and 60 KB") {
    TempDir t("thumb");
    make_deck(t.dir() / "deck", 1); // 1 s slides, 0.5 s fades
    fs::create_directories(t.dir() / "run");
    FolderWatch watch(t.dir() / "run", "thumbnail.jpg");
    const fs::path trace = t.dir() / "trace.txt";
    Session s(t.dir(), t.dir() / "deck", {{"AFFICHE_TRACE", trace.string()}},
              {"--size", "1920x1080", "--thumbnail", (t.dir() / "run" / "thumbnail.jpg").string()});
    s.require_started();
    INFO(s.player->log());
    REQUIRE(watch.wait_replaced(4, 30'000));
    CHECK(s.player->stop() == 0);
    watch.drain();
    CHECK(watch.written_in_place.empty()); // only its temp file is ever written
    check_images(watch.replaced, {480, 270}, true);
    const std::vector<std::string> events = trace_events(trace);
    const int thumbnails = check_one_per_slide(events);
    CHECK(thumbnails == static_cast<int>(watch.replaced.size()));
    // The last slide may have stopped mid-fade; every other one has its thumbnail.
    int slides = 0;
    for (const std::string& e : events)
        slides += starts(e, "slide ") ? 1 : 0;
    CHECK(thumbnails >= slides - 1);
    CHECK(stat_of(s.player->log(), "thumbnails") == thumbnails);
    CHECK_FALSE(fs::exists(t.dir() / "run" / "thumbnail.jpg.tmp"));
}

TEST_CASE("thumbnail e2e: a slide alone in its deck is written once (PNG), not at each redraw") {
    TempDir t("thumbstatic");
    make_deck(t.dir() / "deck", 1);
    // One 1 s slide: at the end of each second it is shown again (no fade into itself), a whole
    // frame redrawn so its progress bar starts again, but not a slide change.
    fs::remove(t.dir() / "deck" / "slides" / "20-image.toml");
    write_text(t.dir() / "deck" / "slides" / "10-texte.toml",
               "[[slide]]\nid = \"seule\"\ntitle = \"Seule\"\nbody = \"Un paragraphe.\"\n");
    fs::create_directories(t.dir() / "run");
    FolderWatch watch(t.dir() / "run", "thumbnail.png");
    Session s(t.dir(), t.dir() / "deck", {},
              {"--exit-after", "4", "--thumbnail", (t.dir() / "run" / "thumbnail.png").string()});
    s.require_started();
    INFO(s.player->log());
    REQUIRE(s.player->wait_exit(20'000) == 0);
    watch.drain();
    CHECK(watch.replaced.size() == 1);
    CHECK(watch.written_in_place.empty());
    check_images(watch.replaced, {480, 270}, false); // the session's 640x360 screen
    const std::string log = s.player->log();
    CHECK(stat_of(log, "thumbnails") == 1);
    // Frames were drawn after the first fade (the slide again, its progress bar): each one a
    // chance to write the thumbnail again, not taken.
    CHECK(stat_of(log, "frames") > stat_of(log, "fade_frames") + 2);
}

TEST_CASE("thumbnail e2e: nothing written while the schedule keeps the screen off") {
    TempDir t("thumboff");
    // The fake clock runs 300 times faster: 300 s slides change about once a real second.
    make_deck(t.dir() / "deck", 300);
    const fs::path deck_toml = t.dir() / "deck" / "slides" / "deck.toml";
    // Closed from 12:00 to 13:00 on Monday 2026-12-21 (12 real seconds); a black frame.
    write_text(deck_toml, read_text(deck_toml) +
                              "\n[opening_hours]\nmon = [\"08:00-12:00\", \"13:00-18:00\"]\n"
                              "\n[screen]\ncec = false\ndpms = false\n");
    fs::create_directories(t.dir() / "run");
    FolderWatch watch(t.dir() / "run", "thumbnail.jpg");
    const fs::path trace = t.dir() / "trace.txt";
    Session s(t.dir(), t.dir() / "deck",
              {{"TZ", "UTC"},
               {"AFFICHE_FAKE_CLOCK", "2026-12-21 11:40x300"},
               {"AFFICHE_TRACE", trace.string()}},
              {"--thumbnail", (t.dir() / "run" / "thumbnail.jpg").string()});
    s.require_started();
    INFO(s.player->log());
    REQUIRE(wait_for(
        [&] {
            watch.drain();
            return s.field("on") == "false";
        },
        20'000));
    const std::size_t before_off = watch.replaced.size();
    CHECK(before_off >= 1);
    // An edit while off: the new deck is adopted at once (no slide boundary to wait for), and
    // its first slide is composed, but not thumbnailed.
    const fs::path texte = t.dir() / "deck" / "slides" / "10-texte.toml";
    write_text(texte, texte_file("texte", "Changé pendant la fermeture"));
    REQUIRE(wait_for(
        [&] {
            watch.drain();
            return read_text(trace).find(" reload ok") != std::string::npos;
        },
        10'000));
    REQUIRE(s.field("on") == "false"); // the reload came while off (12 real seconds of it)
    REQUIRE(wait_for(
        [&] {
            watch.drain();
            return s.field("on") == "true";
        },
        30'000));
    REQUIRE(watch.wait_replaced(before_off + 1, 15'000)); // on again: the next slide's
    CHECK(s.player->stop() == 0);
    watch.drain();
    check_images(watch.replaced, {480, 270}, true);
    const std::vector<std::string> events = trace_events(trace);
    CHECK(check_one_per_slide(events) == static_cast<int>(watch.replaced.size()));
    // In the trace's order: none between "screen off" and "screen on"; one after.
    bool off = false, reload_while_off = false;
    int after_on = 0;
    for (const std::string& e : events) {
        if (e == "screen off") off = true;
        if (e == "screen on") off = false;
        if (off && e == "reload ok") reload_while_off = true;
        if (starts(e, "thumbnail ")) {
            CHECK_FALSE(off);
            if (reload_while_off && !off) ++after_on;
        }
    }
    CHECK(reload_while_off);
    CHECK(after_on >= 1);
}
