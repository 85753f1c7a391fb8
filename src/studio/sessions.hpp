// Logged-in editors: random session ids with their CSRF token, expiring after idle time.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace affiche {

// A working day without a request ends a session (seconds).
inline constexpr std::int64_t session_idle_seconds = 10 * 3600;
// Past this many sessions the least recently used goes (a login flood cannot fill memory).
inline constexpr std::size_t max_sessions = 256;

struct Session {
    std::string csrf;           // sent back in X-CSRF-Token by state-changing calls
    std::int64_t last_seen = 0; // Unix seconds
};

// Thread-safe. Times are Unix seconds given by the caller (tests inject them).
class SessionStore {
  public:
    // A new session; returns its id (the cookie's value).
    std::string create(std::int64_t now);
    // The session with this id when it has not been idle too long; refreshes its idle time.
    std::optional<Session> touch(const std::string& id, std::int64_t now);
    void remove(const std::string& id);
    std::size_t size();

  private:
    std::mutex mutex_;
    std::map<std::string, Session> sessions_;
};

// A random token of 32 bytes, hex (libsodium's generator).
std::string random_token();

// Compares secrets in constant time.
bool same_secret(const std::string& a, const std::string& b);

} // namespace affiche
