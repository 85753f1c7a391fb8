// The command line: modes (play, check, render), the content folder and development switches.
#pragma once

#include "base/command_line.hpp"
#include "base/geometry.hpp"
#include "base/local_time.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace affiche {

enum class Mode { play, check, render, schedule, help, version };

struct Options {
    Mode mode = Mode::play;
    std::string content_dir;      // "" = not given
    std::string render_dir;       // --render OUT_DIR
    std::string status_file;      // --status FILE
    std::string metrics_file;     // --metrics FILE: Prometheus textfile
    std::string thumbnail_file;   // --thumbnail FILE: the slide on screen, small (.jpg or .png)
    std::string notice_file;      // --notice FILE: lines shown over the slides ("" = none)
    std::string clock_sync_file;  // --clock-sync FILE: never off by schedule until it exists
    bool windowed = false;        // --windowed
    std::optional<Size> size;     // --size WxH
    std::string clock = "10:30";  // --clock HH:MM: the time shown by --render
    double exit_after_s = 0;      // --exit-after SECONDS (benchmarks, tests); 0 = never
    int rotate = 0;               // --rotate 0|90|180|270: degrees clockwise, for a turned TV
    std::optional<LocalStamp> at; // --at "YYYY-MM-DD HH:MM": --render shows that moment
    std::optional<LocalStamp> schedule_from; // --from DATE for --schedule; none = today
    int schedule_days = 7;                   // --days N for --schedule (1..366)
};

// Returns the options, or the UsageError (exit 2) of the first unknown option, missing or bad
// value, or options that do not go together. Reads no file: a content folder is checked later.
std::variant<Options, UsageError> parse_options(const std::vector<std::string>& args);

// Parses "1920x1080"; nullopt unless both sides are 16..16384.
std::optional<Size> parse_size(const std::string& text);

std::string usage_text();

} // namespace affiche
