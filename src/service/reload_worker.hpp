// One background load at a time, the latest request winning, and no exception escaping the worker.
#pragma once

#include "base/unique_fd.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace affiche {

// What the exception being handled says, for a log line: "out of memory", e.what(), ...
// Call only inside a catch block.
std::string describe_current_exception();

// Runs load(dir) on a worker thread, one at a time. A request made while a load runs is
// remembered (the latest one only) and started when the running one is taken; that running load's
// result is then dropped, since it is already out of date. Any exception thrown by load becomes
// failure(dir, description) on the worker; the thread never ends the process. R must be movable.
template <class R> class LatestOnlyWorker {
  public:
    using Load = std::function<R(const std::string&)>;
    using Failure = std::function<R(const std::string&, const std::string&)>;

    LatestOnlyWorker(Load load, Failure failure)
        : load_(std::move(load)), failure_(std::move(failure)),
          event_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}
    ~LatestOnlyWorker() {
        if (worker_.joinable()) worker_.join();
    }
    LatestOnlyWorker(const LatestOnlyWorker&) = delete;
    LatestOnlyWorker& operator=(const LatestOnlyWorker&) = delete;

    // Readable (for poll) when a result is waiting.
    int fd() const { return event_fd_.get(); }

    void request(const std::string& dir) {
        std::lock_guard lock(mutex_);
        if (running_) {
            queued_ = dir;
            return;
        }
        start(dir);
    }

    // The finished load, if any (non-blocking). Starts a remembered request.
    std::optional<R> take() {
        std::uint64_t count = 0;
        [[maybe_unused]] const auto n = read(event_fd_.get(), &count, sizeof count);
        std::lock_guard lock(mutex_);
        std::optional<R> out = std::move(result_);
        result_.reset();
        if (!running_ && queued_) {
            const std::string dir = *queued_;
            queued_.reset();
            start(dir);
            // A result superseded by a newer request is dropped: the newer one is what counts.
            out.reset();
        }
        return out;
    }

    bool busy() const {
        std::lock_guard lock(mutex_);
        return running_ || queued_.has_value();
    }

  private:
    void start(const std::string& dir) {
        // Called with mutex_ held and no load running.
        if (worker_.joinable()) worker_.join();
        running_ = true;
        worker_ = std::thread([this, dir] { finish(run(dir)); });
    }

    std::optional<R> run(const std::string& dir) noexcept {
        try {
            return load_(dir);
        } catch (...) {
            try {
                return failure_(dir, describe_current_exception());
            } catch (...) {
                return std::nullopt; // out of memory even for the message: nothing to report
            }
        }
    }

    void finish(std::optional<R> r) noexcept {
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(r);
            running_ = false;
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = write(event_fd_.get(), &one, sizeof one);
    }

    Load load_;
    Failure failure_;
    UniqueFd event_fd_;
    std::thread worker_;
    mutable std::mutex mutex_;
    bool running_ = false;
    std::optional<R> result_;
    std::optional<std::string> queued_;
};

} // namespace affiche
