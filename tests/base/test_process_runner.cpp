// run_process: exit status, captured output, signals, and the deadline that kills a whole group.
#include "base/process_runner.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/time.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>

using namespace affiche;
using namespace std::chrono_literals;

namespace {

ProcessOptions capture(std::optional<std::chrono::steady_clock::duration> timeout = {}) {
    ProcessOptions o;
    o.output = ChildOutput::capture;
    if (timeout) o.deadline = std::chrono::steady_clock::now() + *timeout;
    return o;
}

// Whether pid has ended: no such process, or a zombie that its new parent (init, or a container's
// first process that may never reap) has not reaped yet.
bool ended(pid_t pid) {
    if (::kill(pid, 0) != 0 && errno == ESRCH) return true;
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const std::size_t paren = text.rfind(')');
    return paren != std::string::npos && text.compare(paren, 4, ") Z ") == 0;
}

// Waits (up to 10 s) for ended(pid): SIGKILL is delivered asynchronously.
bool gone(pid_t pid) {
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < until) {
        if (ended(pid)) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

void on_alarm(int) {}

} // namespace

TEST_CASE("process runner: exit status and captured stdout + stderr") {
    auto r = run_process({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"}, capture());
    REQUIRE(r.ok());
    CHECK(r->exited());
    CHECK(r->exit_code == 3);
    CHECK(r->output == "out\nerr\n");
    CHECK(r->how_it_ended() == "exited with status 3");
    auto found_on_path = run_process({"true"});
    REQUIRE(found_on_path.ok());
    CHECK(found_on_path->exit_code == 0);
}

TEST_CASE("process runner: a program that does not exist is the Diagnostic") {
    auto r = run_process({"/nonexistent/affiche-nothing"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().loc.path == "/nonexistent/affiche-nothing");
    CHECK(r.error().message == "cannot run: No such file or directory");
    CHECK_FALSE(run_process({}).ok());
}

TEST_CASE("process runner: a signal ends it") {
    auto r = run_process({"/bin/sh", "-c", "kill -TERM $$"});
    REQUIRE(r.ok());
    CHECK_FALSE(r->exited());
    CHECK(r->signal == SIGTERM);
    CHECK_FALSE(r->timed_out);
    CHECK(r->how_it_ended() == "was killed by signal 15");
}

TEST_CASE("process runner: the deadline kills the child and what it started") {
    // The shell prints its background sleep's pid, then waits for it: only the deadline ends it.
    const auto started = std::chrono::steady_clock::now();
    auto r = run_process({"/bin/sh", "-c", "sleep 60 & echo $!; wait"}, capture(300ms));
    REQUIRE(r.ok());
    CHECK(std::chrono::steady_clock::now() - started < 30s);
    CHECK(r->timed_out);
    CHECK_FALSE(r->exited());
    CHECK(r->signal == SIGKILL);
    CHECK(r->how_it_ended() == "did not finish before its deadline");
    const pid_t sleeper = std::stoi(r->output);
    CHECK(gone(sleeper));
}

TEST_CASE("process runner: with a deadline, nothing the child left behind outlives the call") {
    // The shell exits at once; its background sleep would hold the output pipe for 60 s.
    auto r = run_process({"/bin/sh", "-c", "sleep 60 & echo $!"}, capture(60s));
    REQUIRE(r.ok());
    CHECK(r->exit_code == 0);
    CHECK_FALSE(r->timed_out);
    CHECK(gone(std::stoi(r->output)));
}

TEST_CASE("process runner: output past the limit is read and dropped") {
    ProcessOptions o = capture();
    o.max_output_bytes = 1000;
    auto r = run_process({"head", "-c", "300000", "/dev/zero"}, o);
    REQUIRE(r.ok());
    CHECK(r->exit_code == 0); // not stopped by SIGPIPE: everything was read
    CHECK(r->output.size() == 1000);
}

TEST_CASE("process runner: signals arriving while it waits (EINTR) change nothing") {
    struct sigaction action {
    }, previous{};
    action.sa_handler = on_alarm; // no SA_RESTART: poll, read and waitpid see EINTR
    REQUIRE(::sigaction(SIGALRM, &action, &previous) == 0);
    itimerval every_ms{{0, 1000}, {0, 1000}}, off{};
    REQUIRE(::setitimer(ITIMER_REAL, &every_ms, nullptr) == 0);
    auto with_deadline = run_process({"/bin/sh", "-c", "sleep 0.2; echo done"}, capture(60s));
    auto without = run_process({"/bin/sh", "-c", "sleep 0.2; exit 4"});
    ::setitimer(ITIMER_REAL, &off, nullptr);
    ::sigaction(SIGALRM, &previous, nullptr);
    REQUIRE(with_deadline.ok());
    CHECK(with_deadline->exit_code == 0);
    CHECK(with_deadline->output == "done\n");
    REQUIRE(without.ok());
    CHECK(without->exit_code == 4);
}
