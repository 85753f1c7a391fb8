// Test support: the one way tests start programs: spawned and watched (Process), or run to the end
// (run_program, over the programs' own base/process_runner).
#pragma once

#include "base/process_runner.hpp"
#include "support/wait_for.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

extern char** environ;

namespace affiche::testing {

// This process's environment ("NAME=value" strings) without the names in drop (a name ending in
// '*' drops every name with that prefix), with the variables of set added or replaced.
inline std::vector<std::string>
child_environment(const std::vector<std::string>& drop = {},
                  const std::map<std::string, std::string>& set = {}) {
    auto dropped = [&](const std::string& name) {
        for (const auto& d : drop) {
            if (!d.empty() && d.back() == '*' ? name.rfind(d.substr(0, d.size() - 1), 0) == 0
                                              : name == d)
                return true;
        }
        return false;
    };
    std::map<std::string, std::string> vars;
    for (char** e = environ; *e; ++e) {
        const std::string kv = *e;
        const auto eq = kv.find('=');
        if (eq == std::string::npos || dropped(kv.substr(0, eq))) continue;
        vars[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    for (const auto& [k, v] : set)
        vars[k] = v;
    std::vector<std::string> env;
    for (const auto& [k, v] : vars)
        env.push_back(k + "=" + v);
    return env;
}

// A program started from argv (argv[0] looked up in PATH) with exactly env; stdin is /dev/null,
// stdout and stderr go to log (inherited when log is empty, into output_fd when it is >= 0), and
// extra_fd becomes its descriptor 3. Killed (SIGKILL) at the end if still running.
class Process {
  public:
    Process(const std::vector<std::string>& argv_s, const std::vector<std::string>& env_s,
            const std::filesystem::path& log, int extra_fd = -1, int output_fd = -1) {
        std::vector<char*> argv, envp;
        for (const auto& a : argv_s)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        for (const auto& e : env_s)
            envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
        if (output_fd >= 0) {
            posix_spawn_file_actions_adddup2(&fa, output_fd, 1);
            posix_spawn_file_actions_adddup2(&fa, output_fd, 2);
        } else if (!log.empty()) {
            posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                             0644);
            posix_spawn_file_actions_adddup2(&fa, 1, 2);
        }
        if (extra_fd >= 0) posix_spawn_file_actions_adddup2(&fa, extra_fd, 3);
        const int rc = posix_spawnp(&pid_, argv[0], &fa, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&fa);
        REQUIRE_MESSAGE(rc == 0, argv_s[0] << ": " << std::strerror(rc));
    }
    ~Process() {
        if (running()) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    void signal(int sig) const { REQUIRE(kill(pid_, sig) == 0); }
    // True while the process has not exited (reaps it when it has).
    bool running() {
        if (exited_) return false;
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == 0) return true;
        exited_ = true;
        code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return false;
    }
    // The exit code once it has exited within timeout_ms, else -1.
    int wait_exit(int timeout_ms) {
        wait_for([this] { return !running(); }, timeout_ms);
        return exited_ ? code_ : -1;
    }
    // SIGTERM, then the exit code within timeout_ms (-1 if still running).
    int stop(int timeout_ms = 5000) {
        if (running()) signal(SIGTERM);
        return wait_exit(timeout_ms);
    }

  private:
    pid_t pid_ = -1;
    bool exited_ = false;
    int code_ = -1;
};

struct Run {
    int code = -1;      // the exit code, 128 + signal when killed, -1 when still running
    std::string output; // stdout and stderr together
};

// Runs argv to its end with exactly env (through env -i), at most timeout_ms (then killed with
// everything it started), its output captured: the programs' own runner (base/process_runner).
inline Run run_program(const std::vector<std::string>& argv,
                       const std::vector<std::string>& env = child_environment(),
                       int timeout_ms = 60'000) {
    std::vector<std::string> with_env{"env", "-i"};
    with_env.insert(with_env.end(), env.begin(), env.end());
    with_env.insert(with_env.end(), argv.begin(), argv.end());
    ProcessOptions options;
    options.output = ChildOutput::capture;
    options.max_output_bytes = 16u << 20;
    options.deadline = SteadyClock::now() + std::chrono::milliseconds(timeout_ms);
    const Result<ProcessResult> r = run_process(with_env, options);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : format_diagnostic(r.error())));
    Run run;
    run.output = r->output;
    if (r->exited()) run.code = r->exit_code;
    if (r->signal != 0 && !r->timed_out) run.code = 128 + r->signal;
    return run;
}

// command run by /bin/sh (for tests that need its quoting, redirections or `env -u`).
inline Run run_shell(const std::string& command, int timeout_ms = 60'000) {
    return run_program({"/bin/sh", "-c", command}, child_environment(), timeout_ms);
}

// Runs body in a forked child and returns its exit code (body's return value), or -1 when it is
// still running after timeout_ms (it is then killed): a test of "never blocks" fails instead of
// hanging the suite. body must not use doctest's assertions (they would count in the child only).
inline int run_in_child(const std::function<int()>& body, int timeout_ms) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) _exit(body());
    int status = 0;
    if (!wait_for([&] { return waitpid(child, &status, WNOHANG) == child; }, timeout_ms)) {
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// True when name is an executable in $PATH. Runs nothing and asserts nothing, so it also works
// in a test decorator, evaluated before any test runs (doctest::skip).
inline bool have_program(const std::string& name) {
    const char* env = std::getenv("PATH");
    const std::string path = env ? env : "/usr/bin:/bin";
    for (std::size_t from = 0; from <= path.size();) {
        const std::size_t colon = std::min(path.find(':', from), path.size());
        const std::string dir = path.substr(from, colon - from);
        if (!dir.empty() && access((dir + "/" + name).c_str(), X_OK) == 0) return true;
        from = colon + 1;
    }
    return false;
}

} // namespace affiche::testing
