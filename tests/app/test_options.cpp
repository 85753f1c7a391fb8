// Tests for the command line: defaults, every option, and the usage errors for bad values.
#include "app/options.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace affiche;

namespace {

Options parsed(const std::vector<std::string>& args) {
    auto r = parse_options(args);
    const auto* error = std::get_if<UsageError>(&r);
    INFO((error ? error->message : std::string()));
    REQUIRE(std::holds_alternative<Options>(r));
    return std::get<Options>(r);
}

// The usage error's message, or "(parsed)" when the arguments were accepted.
std::string error_of(const std::vector<std::string>& args) {
    auto r = parse_options(args);
    if (const auto* e = std::get_if<UsageError>(&r)) return e->message;
    return "(parsed)";
}

} // namespace

TEST_CASE("options: no arguments: play the default folder full screen") {
    const Options o = parsed({});
    CHECK(o.mode == Mode::play);
    CHECK(o.content_dir.empty());
    CHECK(o.render_dir.empty());
    CHECK(o.status_file.empty());
    CHECK_FALSE(o.windowed);
    CHECK_FALSE(o.size);
    CHECK(o.clock == "10:30");
    CHECK(o.exit_after_s == 0);
    CHECK(o.rotate == 0);
}

TEST_CASE("options: modes and switches") {
    CHECK(parsed({"--help"}).mode == Mode::help);
    CHECK(parsed({"-h"}).mode == Mode::help);
    CHECK(parsed({"--version"}).mode == Mode::version);
    CHECK(parsed({"--check"}).mode == Mode::check);
    const Options w = parsed({"--windowed"});
    CHECK(w.windowed);
    CHECK(w.mode == Mode::play);
    const Options r = parsed({"--render", "/tmp/out", "deck"});
    CHECK(r.mode == Mode::render);
    CHECK(r.render_dir == "/tmp/out");
    CHECK(r.content_dir == "deck");
}

TEST_CASE("options: every option with a value") {
    const Options o =
        parsed({"--size", "1280x720", "--status", "/run/affiche/status.json", "--clock", "08:05",
                "--exit-after", "2.5", "--rotate", "270", "/srv/contenu"});
    CHECK(o.size == Size{1280, 720});
    CHECK(o.status_file == "/run/affiche/status.json");
    CHECK(o.clock == "08:05");
    CHECK(o.exit_after_s == doctest::Approx(2.5));
    CHECK(o.rotate == 270);
    CHECK(o.content_dir == "/srv/contenu");
    CHECK(o.mode == Mode::play);
    for (const char* degrees : {"0", "90", "180", "270"}) {
        CHECK(parsed({"--rotate", degrees}).rotate == std::stoi(degrees));
    }
    CHECK(parsed({"--clock", "23:59"}).clock == "23:59");
    CHECK(parsed({"--clock", "00:00"}).clock == "00:00");
    CHECK(parsed({"--exit-after", "1"}).exit_after_s == doctest::Approx(1.0));
}

TEST_CASE("options: bad values are usage errors that name the option") {
    CHECK(error_of({"--size", "10x10"}) == "--size: '10x10' is not WIDTHxHEIGHT (16 to 16384)");
    CHECK(error_of({"--size", "1920"}).find("--size: '1920'") == 0);
    CHECK(error_of({"--rotate", "45"}) == "--rotate needs 0, 90, 180 or 270");
    CHECK(error_of({"--rotate", "-90"}) == "--rotate needs 0, 90, 180 or 270");
    for (const char* clock : {"24:00", "12:60", "1230", "9:30", "ab:cd", ""}) {
        INFO(clock);
        CHECK(error_of({"--clock", clock}) == "--clock needs a time as HH:MM");
    }
    for (const char* seconds : {"0", "-1", "abc", "2s", "nan", "inf", ""}) {
        INFO(seconds);
        CHECK(error_of({"--exit-after", seconds}) == "--exit-after needs a number of seconds");
    }
}

TEST_CASE("options: an option missing its value is a usage error") {
    CHECK(error_of({"--render"}) == "--render needs an output folder");
    CHECK(error_of({"--size"}) == "--size needs WIDTHxHEIGHT, e.g. 1920x1080");
    CHECK(error_of({"--status"}) == "--status needs a file name");
    CHECK(error_of({"--metrics"}) ==
          "--metrics needs a file name (e.g. /run/affiche/affiche.prom)");
    CHECK(parsed({"--metrics", "/run/affiche/affiche.prom"}).metrics_file ==
          "/run/affiche/affiche.prom");
    CHECK(error_of({"--notice"}) == "--notice needs a file name");
    CHECK(parsed({"--notice", "/run/affiche-firstboot/errors.txt"}).notice_file ==
          "/run/affiche-firstboot/errors.txt");
    CHECK(error_of({"--clock-sync"}) == "--clock-sync needs a file name");
    const Options synced =
        parsed({"--clock-sync", "/run/systemd/timesync/synchronized", "--clock", "09:15"});
    CHECK(synced.clock_sync_file == "/run/systemd/timesync/synchronized");
    CHECK(synced.clock == "09:15");
    CHECK(error_of({"--clock"}) == "--clock needs a time as HH:MM");
    CHECK(error_of({"--exit-after"}) == "--exit-after needs a number of seconds");
    CHECK(error_of({"--rotate"}) == "--rotate needs 0, 90, 180 or 270");
    // The value is the next argument, even one that looks like an option.
    const Options o = parsed({"--render", "--check"});
    CHECK(o.render_dir == "--check");
    CHECK(o.mode == Mode::render);
}

TEST_CASE("options: --thumbnail FILE: a JPEG or PNG file name") {
    CHECK(parsed({"--thumbnail", "/run/affiche/thumbnail.jpg"}).thumbnail_file ==
          "/run/affiche/thumbnail.jpg");
    CHECK(parsed({"--thumbnail", "t.PNG"}).thumbnail_file == "t.PNG");
    CHECK(parsed({}).thumbnail_file.empty()); // none by default
    CHECK(error_of({"--thumbnail"}) ==
          "--thumbnail needs a file name ending in .jpg, .jpeg or .png");
    CHECK(error_of({"--thumbnail", "/run/affiche/thumbnail.gif"}) ==
          "--thumbnail: '/run/affiche/thumbnail.gif' must end in .jpg, .jpeg or .png");
    CHECK(error_of({"--thumbnail", "/run/affiche"}) ==
          "--thumbnail: '/run/affiche' must end in .jpg, .jpeg or .png");
}

TEST_CASE("options: unknown options and a second content folder are usage errors") {
    CHECK(error_of({"--frobnicate"}) == "unknown option '--frobnicate'");
    CHECK(error_of({"-x"}) == "unknown option '-x'");
    CHECK(error_of({"deck", "--fullscreen"}) == "unknown option '--fullscreen'");
    CHECK(error_of({"un", "deux"}) == "only one content folder can be given ('un' and 'deux')");
}

TEST_CASE("options: parse_size") {
    CHECK(parse_size("1920x1080") == Size{1920, 1080});
    CHECK(parse_size("16x16") == Size{16, 16});
    CHECK(parse_size("16384x16384") == Size{16384, 16384});
    for (const char* bad : {"15x16", "16x15", "16385x100", "100x16385", "10x10", "1920X1080",
                            "1920*1080", " 1920x1080", "1920x1080 ", "1920x1080x2", "-16x16",
                            "x1080", "1920x", "x", "", "axb", "99999999999x100"}) {
        INFO(bad);
        CHECK_FALSE(parse_size(bad));
    }
}

TEST_CASE("options: the usage text names every option") {
    const std::string usage = usage_text();
    for (const char* option :
         {"--check", "--render OUT_DIR", "--size WxH", "--windowed", "--rotate DEGREES",
          "--status FILE", "--metrics FILE", "--thumbnail FILE", "--clock HH:MM",
          "--exit-after SECONDS", "--help", "--version"}) {
        INFO(option);
        CHECK(usage.find(option) != std::string::npos);
    }
}

TEST_CASE("options: --render --at, --schedule --from --days") {
    Options o = parsed({"--render", "out", "--at", "2026-12-24 09:05", "deck"});
    CHECK(o.mode == Mode::render);
    REQUIRE(o.at);
    CHECK(o.at->day == day_from_civil({2026, 12, 24}));
    CHECK(o.at->second == 9 * 3600 + 5 * 60);
    CHECK(o.clock == "09:05"); // the clock shows the rendered moment
    o = parsed({"--render", "out", "--clock", "11:00", "--at", "2026-12-24T09:05"});
    CHECK(o.clock == "11:00"); // unless told otherwise
    o = parsed({"--schedule", "deck"});
    CHECK(o.mode == Mode::schedule);
    CHECK_FALSE(o.schedule_from);
    CHECK(o.schedule_days == 7);
    o = parsed({"--schedule", "--from", "2026-12-21", "--days", "14", "deck"});
    REQUIRE(o.schedule_from);
    CHECK(o.schedule_from->day == day_from_civil({2026, 12, 21}));
    CHECK(o.schedule_days == 14);
}

TEST_CASE("options: schedule options refuse bad values and the wrong mode") {
    CHECK(error_of({"--render", "out", "--at", "2026-12-24 25:00"}).find("--at needs") == 0);
    CHECK(error_of({"--render", "out", "--at", "24/12/2026 09:00"}).find("--at needs") == 0);
    CHECK(error_of({"--render", "out", "--at"}).find("--at needs") == 0);
    CHECK(error_of({"--at", "2026-12-24 09:00"}) == "--at goes with --render");
    CHECK(error_of({"--days", "3"}) == "--from and --days go with --schedule");
    CHECK(error_of({"--check", "--from", "2026-12-01"}) == "--from and --days go with --schedule");
    CHECK(error_of({"--schedule", "--days", "0"}).find("--days needs") == 0);
    CHECK(error_of({"--schedule", "--days", "367"}).find("--days needs") == 0);
    CHECK(error_of({"--schedule", "--days", "7x"}).find("--days needs") == 0);
    CHECK(error_of({"--schedule", "--from", "2026-02-30"}).find("--from needs") == 0);
}
