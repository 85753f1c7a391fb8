// Running another program (no shell) with an optional deadline: how it ended, and its output.
#pragma once

#include "base/result.hpp"

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

enum class ChildOutput {
    inherit, // the child writes to our stdout and stderr
    capture, // its stdout and stderr, interleaved, end up in ProcessResult::output
};

struct ProcessOptions {
    ChildOutput output = ChildOutput::inherit;
    std::size_t max_output_bytes = 64 * 1024; // captured bytes kept; the rest is read and dropped
    // When set, the child runs in a process group of its own, and that whole group gets SIGKILL
    // at this steady-clock time, and also as soon as the child itself has ended: nothing it
    // started outlives the call. (A child in its own group cannot read the terminal, so a
    // program that asks for a password runs without a deadline.)
    std::optional<std::chrono::steady_clock::time_point> deadline;
};

struct ProcessResult {
    int exit_code = -1;     // 0..255 when the child exited, else -1
    int signal = 0;         // the signal that ended it, else 0
    bool timed_out = false; // the deadline passed first: killed with its process group
    std::string output;     // with ChildOutput::capture
    bool exited() const { return exit_code >= 0; }
    // "exited with status 1", "was killed by signal 9", "did not finish before its deadline".
    std::string how_it_ended() const;
};

// Starts argv[0] (found on PATH when it has no '/') with argv and this process's environment,
// and waits for it (EINTR-safe) until it ends or options.deadline passes.
// Returns how it ended (a non-zero status, a signal or the deadline are results, not errors),
// or the Diagnostic at argv[0] when it could not be started or waited for.
Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options = {});

} // namespace affiche
