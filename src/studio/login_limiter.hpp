// Slows password guessing: per client address, a wait that doubles with each failed login.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace affiche {

// Failures allowed without waiting, then 1 s, 2 s, 4 s ... up to max_login_wait_seconds.
inline constexpr int free_login_failures = 3;
inline constexpr std::int64_t max_login_wait_seconds = 300;
// Addresses remembered at most (the oldest forgotten first).
inline constexpr std::size_t max_login_addresses = 4096;

// Thread-safe. Times in Unix seconds, given by the caller.
class LoginLimiter {
  public:
    // Seconds address must still wait before its next try; 0 = may try now.
    std::int64_t wait_seconds(const std::string& address, std::int64_t now);
    void failed(const std::string& address, std::int64_t now);
    void succeeded(const std::string& address);

  private:
    struct Record {
        int failures = 0;
        std::int64_t next_try = 0;
        std::int64_t last = 0;
    };
    std::mutex mutex_;
    std::map<std::string, Record> records_;
};

} // namespace affiche
