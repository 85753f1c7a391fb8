// Command-line parsing, with no side effects: the caller decides what to print and exit with.
#include "app/options.hpp"

#include "app/thumbnail_plan.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

namespace affiche {

std::optional<Size> parse_size(const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos) return std::nullopt;
    Size s;
    const char* b = text.data();
    const char* e = b + text.size();
    auto r1 = std::from_chars(b, b + x, s.w);
    auto r2 = std::from_chars(b + x + 1, e, s.h);
    if (r1.ec != std::errc{} || r1.ptr != b + x || r2.ec != std::errc{} || r2.ptr != e) {
        return std::nullopt;
    }
    if (s.w < 16 || s.h < 16 || s.w > 16384 || s.h > 16384) return std::nullopt;
    return s;
}

namespace {

bool valid_clock(const std::string& t) {
    return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
           std::isdigit(static_cast<unsigned char>(t[1])) &&
           std::isdigit(static_cast<unsigned char>(t[3])) &&
           std::isdigit(static_cast<unsigned char>(t[4])) &&
           (t[0] - '0') * 10 + (t[1] - '0') < 24 && t[3] < '6';
}

// A whole positive, finite number of seconds ("2s", "nan" and "inf" are not).
std::optional<double> parse_seconds(const std::string& text) {
    double s = 0;
    const char* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, s);
    if (r.ec != std::errc{} || r.ptr != end || !std::isfinite(s) || s <= 0) return std::nullopt;
    return s;
}

// The options, and the message when one's value is missing (the same as for a bad value where
// that says enough).
constexpr OptionSpec player_options[] = {
    {"--help"},
    {"-h"},
    {"--version"},
    {"--check"},
    {"--schedule"},
    {"--windowed"},
    {"--render", true, "--render needs an output folder"},
    {"--size", true, "--size needs WIDTHxHEIGHT, e.g. 1920x1080"},
    {"--status", true, "--status needs a file name"},
    {"--metrics", true, "--metrics needs a file name (e.g. /run/affiche/affiche.prom)"},
    {"--thumbnail", true, "--thumbnail needs a file name ending in .jpg, .jpeg or .png"},
    {"--notice", true, "--notice needs a file name"},
    {"--clock-sync", true, "--clock-sync needs a file name"},
    {"--clock", true, "--clock needs a time as HH:MM"},
    {"--exit-after", true, "--exit-after needs a number of seconds"},
    {"--rotate", true, "--rotate needs 0, 90, 180 or 270"},
    {"--at", true, "--at needs a local date and time as \"YYYY-MM-DD HH:MM\""},
    {"--from", true, "--from needs a date as YYYY-MM-DD"},
    {"--days", true, "--days needs a number of days from 1 to 366"},
};

// Switches that take no value; false when a is not one.
bool apply_switch(Options& o, const std::string& a) {
    if (a == "--help" || a == "-h") {
        o.mode = Mode::help;
    } else if (a == "--version") {
        o.mode = Mode::version;
    } else if (a == "--check") {
        o.mode = Mode::check;
    } else if (a == "--schedule") {
        o.mode = Mode::schedule;
    } else if (a == "--windowed") {
        o.windowed = true;
    } else {
        return false;
    }
    return true;
}

std::optional<UsageError> apply_schedule_valued(Options& o, const std::string& a,
                                                const std::string& v) {
    if (a == "--at") {
        o.at = parse_local_stamp(v);
        if (!o.at) return UsageError{"--at needs a local date and time as \"YYYY-MM-DD HH:MM\""};
    } else if (a == "--from") {
        o.schedule_from = parse_local_stamp(v);
        if (!o.schedule_from) return UsageError{"--from needs a date as YYYY-MM-DD"};
    } else if (a == "--days") {
        int days = 0;
        const auto r = std::from_chars(v.data(), v.data() + v.size(), days);
        if (r.ec != std::errc{} || r.ptr != v.data() + v.size() || days < 1 || days > 366) {
            return UsageError{"--days needs a number of days from 1 to 366"};
        }
        o.schedule_days = days;
    }
    return std::nullopt;
}

// An option that takes a value.
std::optional<UsageError> apply_valued(Options& o, const std::string& a, const std::string& v) {
    if (a == "--render") {
        o.mode = Mode::render;
        o.render_dir = v;
    } else if (a == "--size") {
        o.size = parse_size(v);
        if (!o.size) return UsageError{"--size: '" + v + "' is not WIDTHxHEIGHT (16 to 16384)"};
    } else if (a == "--status") {
        o.status_file = v;
    } else if (a == "--metrics") {
        o.metrics_file = v;
    } else if (a == "--thumbnail") {
        if (!thumbnail_format(v)) {
            return UsageError{"--thumbnail: '" + v + "' must end in .jpg, .jpeg or .png"};
        }
        o.thumbnail_file = v;
    } else if (a == "--notice") {
        o.notice_file = v;
    } else if (a == "--clock-sync") {
        o.clock_sync_file = v;
    } else if (a == "--clock") {
        if (!valid_clock(v)) return UsageError{"--clock needs a time as HH:MM"};
        o.clock = v;
    } else if (a == "--exit-after") {
        const std::optional<double> s = parse_seconds(v);
        if (!s) return UsageError{"--exit-after needs a number of seconds"};
        o.exit_after_s = *s;
    } else if (a == "--rotate") {
        if (v != "0" && v != "90" && v != "180" && v != "270") {
            return UsageError{"--rotate needs 0, 90, 180 or 270"};
        }
        o.rotate = std::stoi(v);
    } else {
        return apply_schedule_valued(o, a, v);
    }
    return std::nullopt;
}

// The options that name a moment or a span: --at, --from, --days.
std::optional<UsageError> check_schedule_options(Options& o, bool clock_given) {
    if (o.at && o.mode != Mode::render) return UsageError{"--at goes with --render"};
    if ((o.schedule_from || o.schedule_days != 7) && o.mode != Mode::schedule) {
        return UsageError{"--from and --days go with --schedule"};
    }
    // The clock overlay shows the rendered moment unless --clock says otherwise.
    if (o.at && !clock_given) o.clock = format_hhmm(o.at->second);
    return std::nullopt;
}

} // namespace

std::variant<Options, UsageError> parse_options(const std::vector<std::string>& args) {
    auto split = split_command_line(args, player_options);
    if (auto* error = std::get_if<UsageError>(&split)) return *error;
    const CommandLine& line = std::get<CommandLine>(split);
    Options o;
    for (const auto& [name, value] : line.options) {
        if (apply_switch(o, name)) continue;
        if (auto error = apply_valued(o, name, value)) return *error;
    }
    if (line.positional.size() > 1) {
        return UsageError{"only one content folder can be given ('" + line.positional[0] +
                          "' and '" + line.positional[1] + "')"};
    }
    if (!line.positional.empty()) o.content_dir = line.positional[0];
    if (auto error = check_schedule_options(o, line.has("--clock"))) return *error;
    return o;
}

std::string usage_text() {
    return "usage: affiche [OPTIONS] [CONTENT_DIR]\n"
           "\n"
           "Plays the slides of CONTENT_DIR (slides/, images/, fonts/) full screen, in a loop.\n"
           "Without CONTENT_DIR: the current folder if it has slides/, else the installed deck.\n"
           "\n"
           "  --check              validate the deck, print errors and warnings; exit 0 if no "
           "error\n"
           "  --render OUT_DIR     write one PNG per slide (no display needed), then exit\n"
           "  --at \"DATE HH:MM\"    with --render: only the slides on screen at that local time\n"
           "                       (prints \"screen off\" and writes nothing when it is off)\n"
           "  --schedule           print when the screen goes on and off and which slides play\n"
           "  --from DATE          with --schedule: the first day (default today), YYYY-MM-DD\n"
           "  --days N             with --schedule: how many days (default 7)\n"
           "  --size WxH           window or render size (default: the display's mode; 1920x1080\n"
           "                       for --render)\n"
           "  --windowed           play in a window instead of full screen\n"
           "  --rotate DEGREES     turn the picture 90, 180 or 270 degrees clockwise (a TV hung\n"
           "                       in portrait); --render uses --size as the upright size\n"
           "  --status FILE        keep a JSON status file up to date (SIGUSR1: screenshot beside "
           "it)\n"
           "  --thumbnail FILE     keep a small picture of the slide on screen in FILE (.jpg or\n"
           "                       .png; at most 480 px wide and 60 KB), rewritten at each slide\n"
           "                       change, never while the screen is off\n"
           "  --metrics FILE       keep Prometheus metrics in FILE (node_exporter textfile)\n"
           "  --notice FILE        show FILE's lines in a panel over the slides, the first as its\n"
           "                       heading (the Pi image's affiche.toml errors)\n"
           "  --clock-sync FILE    never switch the screen off by schedule until FILE exists\n"
           "                       (/run/systemd/timesync/synchronized: the clock is right)\n"
           "  --clock HH:MM        the time --render shows on the clock (default 10:30)\n"
           "  --exit-after SECONDS stop playing after this long (tests, benchmarks)\n"
           "  --help, --version\n"
           "\n"
           "Keys: right/left next/previous slide, space pause, q or Escape quit.\n"
           "Signals: TERM/INT quit, HUP reload the deck, USR1 save a screenshot.\n";
}

} // namespace affiche
