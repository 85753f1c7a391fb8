// `affiche --check` as a child of affiche-sync: run through the process runner, verdict and
// first error line read back.
#include "sync/player_check.hpp"

#include <unistd.h>

#include <filesystem>
#include <string_view>

namespace affiche {

namespace {

// The first line holding ": error: " (only to show it; the exit status is the verdict).
std::string first_error_line(const std::string& output) {
    std::size_t start = 0;
    while (start < output.size()) {
        const std::size_t end = std::min(output.find('\n', start), output.size());
        const std::string_view line(output.data() + start, end - start);
        if (line.find(": error: ") != std::string_view::npos) return std::string(line);
        start = end + 1;
    }
    return "(no error line; run affiche --check on the deck)";
}

} // namespace

Result<PlayerVerdict>
run_player_check(const std::string& player, const std::string& content_dir, ChildOutput output,
                 std::optional<std::chrono::steady_clock::time_point> deadline) {
    ProcessOptions options;
    options.output = output;
    options.deadline = deadline;
    auto run = run_process({player, "--check", content_dir}, options);
    if (!run) return run.error();
    if (!run->exited()) {
        const std::string name = std::filesystem::path(player).filename().string();
        return failure({player, 0, 0}, "`" + name + " --check` " + run->how_it_ended());
    }
    PlayerVerdict verdict;
    verdict.accepted = run->exit_code == 0;
    if (!verdict.accepted && output == ChildOutput::capture)
        verdict.first_error = first_error_line(run->output);
    return verdict;
}

std::optional<std::string> player_beside_this_program() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return std::nullopt;
    const auto player = self.parent_path() / "affiche";
    if (::access(player.c_str(), X_OK) != 0) return std::nullopt;
    return player.string();
}

} // namespace affiche
