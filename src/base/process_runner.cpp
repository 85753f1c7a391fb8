// posix_spawn (or fork), a pipe for the output, a pidfd to wait on both with a deadline, and
// SIGKILL to the process group at it.
#include "base/process_runner.hpp"

#include "base/unique_fd.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace affiche {

namespace {

using Clock = std::chrono::steady_clock;

Diagnostic os_error(const std::string& program, const std::string& what, int error) {
    return failure({program, 0, 0}, what + ": " + std::strerror(error));
}

// A descriptor that becomes readable when the child ends (Linux >= 5.3); invalid elsewhere, and
// then the wait polls every 20 ms instead.
UniqueFd open_pidfd(pid_t pid) {
#ifdef SYS_pidfd_open
    return UniqueFd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#else
    (void)pid;
    return UniqueFd();
#endif
}

// Whether path names a regular file we may execute; errno-style error otherwise.
int executable_error(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return errno;
    if (!S_ISREG(st.st_mode)) return EACCES;
    return ::access(path.c_str(), X_OK) == 0 ? 0 : errno;
}

// The file execvp would run for name (PATH searched when it has no '/'), or the error it would
// give. Found before spawning because posix_spawn cannot always say that exec failed: under
// qemu-user (the arm64 package's tests) its child is a fork, and a missing program only exits 127.
Result<std::string> find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) {
        const int error = executable_error(name);
        if (error != 0) return os_error(name, "cannot run", error);
        return name;
    }
    const char* path_env = std::getenv("PATH");
    const std::string path = path_env != nullptr ? path_env : "/bin:/usr/bin";
    int error = ENOENT;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find(':', start);
        if (end == std::string::npos) end = path.size();
        const std::string dir = end > start ? path.substr(start, end - start) : ".";
        std::string candidate = dir;
        candidate.append("/").append(name);
        const int e = executable_error(candidate);
        if (e == 0) return candidate;
        if (e == EACCES) error = EACCES; // like execvp: a file found but not runnable
        start = end + 1;
    }
    return os_error(name, "cannot run", error);
}

// Spawn attributes: default signal handling and an empty mask in the child (an ignored SIGPIPE
// or a blocked SIGTERM of ours must not be inherited), its own process group on request.
class SpawnAttributes {
  public:
    explicit SpawnAttributes(bool own_group) {
        ::posix_spawnattr_init(&attr_);
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD})
            sigaddset(&defaults, s);
        ::posix_spawnattr_setsigmask(&attr_, &none);
        ::posix_spawnattr_setsigdefault(&attr_, &defaults);
        short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
        if (own_group) {
            flags |= POSIX_SPAWN_SETPGROUP;
            ::posix_spawnattr_setpgroup(&attr_, 0);
        }
        ::posix_spawnattr_setflags(&attr_, flags);
    }
    ~SpawnAttributes() { ::posix_spawnattr_destroy(&attr_); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;
    const posix_spawnattr_t* get() const { return &attr_; }

  private:
    posix_spawnattr_t attr_;
};

class FileActions {
  public:
    FileActions() { ::posix_spawn_file_actions_init(&actions_); }
    ~FileActions() { ::posix_spawn_file_actions_destroy(&actions_); }
    FileActions(const FileActions&) = delete;
    FileActions& operator=(const FileActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

  private:
    posix_spawn_file_actions_t actions_;
};

// Milliseconds until deadline for poll(): -1 = none, at least 0; capped at cap_ms when >= 0.
int poll_timeout(const std::optional<Clock::time_point>& deadline, int cap_ms) {
    long long ms = -1;
    if (deadline) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
        ms = std::max<long long>(0, left.count());
    }
    if (cap_ms >= 0 && (ms < 0 || ms > cap_ms)) ms = cap_ms;
    return static_cast<int>(std::min<long long>(ms, 60'000));
}

// Reads what the pipe holds; false at end of file (or on an error other than EINTR/EAGAIN).
bool read_some(int fd, std::string& out, std::size_t max) {
    char buf[4096];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    if (n == 0) return false;
    const std::size_t keep = std::min(static_cast<std::size_t>(n), max - std::min(max, out.size()));
    out.append(buf, keep);
    return true;
}

// Whether the child has ended, without reaping it (the zombie keeps its process group id taken
// until the group is killed). Sets error on a failure other than EINTR.
bool has_ended(pid_t pid, int& error) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
        if (errno != EINTR) error = errno;
        return false;
    }
    return info.si_pid == pid;
}

} // namespace

std::string ProcessResult::how_it_ended() const {
    if (timed_out) return "did not finish before its deadline";
    if (exited()) return "exited with status " + std::to_string(exit_code);
    return "was killed by signal " + std::to_string(signal);
}

namespace {

// Waits for the started child pid (its output, if captured, on read_end) until it ends and the
// pipe closes, or the deadline passes; then reaps it. own_group: pid leads a process group that
// is killed at the deadline and once pid has ended.
Result<ProcessResult> wait_for_child(const std::string& program, pid_t pid, UniqueFd read_end,
                                     const ProcessOptions& options, bool own_group) {
    ProcessResult result;
    const UniqueFd pidfd = open_pidfd(pid);
    const auto kill_child = [&] { ::kill(own_group ? -pid : pid, SIGKILL); };
    bool ended = false;
    int error = 0;
    while (!ended || read_end.valid()) {
        if (!ended && has_ended(pid, error)) {
            ended = true;
            if (own_group) kill_child(); // its leftovers, while the zombie holds the group id
            continue;
        }
        if (error != 0) break;
        if (!ended && options.deadline && Clock::now() >= *options.deadline) {
            kill_child();
            result.timed_out = true;
            ended = true;
            continue;
        }
        pollfd fds[2];
        nfds_t n = 0;
        if (read_end.valid()) fds[n++] = {read_end.get(), POLLIN, 0};
        if (!ended && pidfd.valid()) fds[n++] = {pidfd.get(), POLLIN, 0};
        const int cap_ms = !ended && !pidfd.valid() ? 20 : -1;
        const int ready = ::poll(fds, n, ended ? -1 : poll_timeout(options.deadline, cap_ms));
        if (ready < 0 && errno != EINTR) {
            error = errno;
            break;
        }
        if (ready > 0 && read_end.valid() && fds[0].revents != 0 &&
            !read_some(read_end.get(), result.output, options.max_output_bytes))
            read_end.reset();
    }
    if (error != 0) kill_child(); // never leave it running unwatched
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return os_error(program, "cannot wait for it", errno);
    }
    if (error != 0) return os_error(program, "cannot wait for it", error);
    if (WIFEXITED(status) && !result.timed_out) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

} // namespace

Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options) {
    if (argv.empty() || argv[0].empty()) return failure({}, "no program to run");
    const std::string& program = argv[0];
    Result<std::string> file = find_program(program);
    if (!file.ok()) return file.error();
    const bool own_group = options.deadline.has_value();
    int pipe_fds[2] = {-1, -1};
    if (options.output == ChildOutput::capture && ::pipe2(pipe_fds, O_CLOEXEC) != 0)
        return os_error(program, "cannot make a pipe", errno);
    UniqueFd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
    FileActions actions;
    if (write_end.valid()) { // dup2 clears O_CLOEXEC on 1 and 2 only
        ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), 1);
        ::posix_spawn_file_actions_adddup2(actions.get(), write_end.get(), 2);
    }
    const SpawnAttributes attributes(own_group);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawn_error =
        ::posix_spawn(&pid, file->c_str(), actions.get(), attributes.get(), args.data(), environ);
    if (spawn_error != 0) return os_error(program, "cannot run", spawn_error);
    write_end.reset(); // the pipe ends when the child and what it started are gone
    return wait_for_child(program, pid, std::move(read_end), options, own_group);
}

Result<ProcessResult> run_forked(const std::string& what, const std::function<void()>& body,
                                 const ProcessOptions& options) {
    const bool own_group = options.deadline.has_value();
    int pipe_fds[2] = {-1, -1};
    if (options.output == ChildOutput::capture && ::pipe2(pipe_fds, O_CLOEXEC) != 0)
        return os_error(what, "cannot make a pipe", errno);
    UniqueFd read_end(pipe_fds[0]), write_end(pipe_fds[1]);
    std::fflush(nullptr); // else the child inherits unwritten stdio buffers and writes them again
    const pid_t pid = ::fork();
    if (pid < 0) return os_error(what, "cannot fork", errno);
    if (pid == 0) {
        if (own_group) ::setpgid(0, 0);
        if (write_end.valid()) ::dup2(write_end.get(), STDOUT_FILENO);
        body();
        ::_exit(0); // no atexit handlers, no destructors of the parent's objects
    }
    if (own_group) ::setpgid(pid, pid); // also here: no race with a kill before the child ran
    write_end.reset();
    return wait_for_child(what, pid, std::move(read_end), options, own_group);
}

} // namespace affiche
