// Tests for LatestOnlyWorker and DeckReloader's failure handling: a real worker thread, loads
// injected so a test can hold one running, throw from it, and see what comes out.
#include "service/reload_worker.hpp"

#include <doctest/doctest.h>

#include <poll.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <new>
#include <string>
#include <vector>

using namespace affiche;
namespace fs = std::filesystem;

namespace {

// Waits (at most 5 s) for a result to be readable, then takes it.
std::optional<std::string> wait_take(LatestOnlyWorker<std::string>& worker) {
    pollfd p{worker.fd(), POLLIN, 0};
    if (poll(&p, 1, 5000) != 1) return std::string("timed out");
    return worker.take();
}

std::string refused(const std::string& dir, const std::string& what) {
    return "refused " + dir + ": " + what;
}

// A load that blocks until released, recording each directory it was asked for.
class GatedLoad {
  public:
    std::string operator()(const std::string& dir) {
        std::unique_lock lock(mutex_);
        calls_.push_back(dir);
        started_.notify_all();
        released_.wait(lock, [&] { return open_; });
        return "loaded " + dir;
    }
    void wait_started(std::size_t n) {
        std::unique_lock lock(mutex_);
        started_.wait(lock, [&] { return calls_.size() >= n; });
    }
    void open() {
        std::lock_guard lock(mutex_);
        open_ = true;
        released_.notify_all();
    }
    std::vector<std::string> calls() {
        std::lock_guard lock(mutex_);
        return calls_;
    }

  private:
    std::mutex mutex_;
    std::condition_variable started_, released_;
    std::vector<std::string> calls_;
    bool open_ = false;
};

} // namespace

TEST_CASE("reload worker: a request during a load runs after it, the last request wins") {
    GatedLoad gate;
    LatestOnlyWorker<std::string> worker([&](const std::string& d) { return gate(d); }, refused);
    CHECK_FALSE(worker.busy());
    worker.request("a");
    gate.wait_started(1);
    CHECK(worker.busy());
    worker.request("b"); // remembered...
    worker.request("c"); // ...and replaced: only the latest change matters
    gate.open();
    // a's result is out of date (c was asked for since): dropped, and c starts.
    CHECK_FALSE(wait_take(worker).has_value());
    CHECK(worker.busy());
    CHECK(wait_take(worker) == std::optional<std::string>("loaded c"));
    CHECK_FALSE(worker.busy());
    CHECK(gate.calls() == std::vector<std::string>{"a", "c"});
}

TEST_CASE("reload worker: a finished load with nothing newer is handed over once") {
    LatestOnlyWorker<std::string> worker([](const std::string& d) { return "loaded " + d; },
                                         refused);
    worker.request("a");
    CHECK(wait_take(worker) == std::optional<std::string>("loaded a"));
    CHECK_FALSE(worker.take().has_value());
    worker.request("b");
    CHECK(wait_take(worker) == std::optional<std::string>("loaded b"));
}

TEST_CASE("reload worker: a file system error in the load becomes a refused result") {
    // A real filesystem_error: listing a folder that does not exist, without an error_code.
    LatestOnlyWorker<std::string> worker(
        [](const std::string& d) {
            fs::directory_iterator it(d);
            return std::string("listed");
        },
        refused);
    worker.request("/nonexistent/affiche-deck");
    const auto r = wait_take(worker);
    REQUIRE(r.has_value());
    CHECK(r->starts_with("refused /nonexistent/affiche-deck: file system error: "));
    CHECK(r->find("No such file or directory") != std::string::npos);
    // The worker is still usable afterwards.
    CHECK_FALSE(worker.busy());
}

TEST_CASE("reload worker: out of memory in the load becomes a refused result") {
    // Injected: a real allocation failure cannot be produced on demand under ASan.
    LatestOnlyWorker<std::string> worker(
        [](const std::string&) -> std::string { throw std::bad_alloc(); }, refused);
    worker.request("deck");
    CHECK(wait_take(worker) == std::optional<std::string>("refused deck: out of memory"));
}

TEST_CASE("reload worker: any other exception is described too") {
    LatestOnlyWorker<std::string> worker(
        [](const std::string& d) -> std::string {
            if (d == "int") throw 42;
            throw std::runtime_error("disk on fire");
        },
        refused);
    worker.request("int");
    CHECK(wait_take(worker) == std::optional<std::string>("refused int: unknown error"));
    worker.request("std");
    CHECK(wait_take(worker) == std::optional<std::string>("refused std: disk on fire"));
}
