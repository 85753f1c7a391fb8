// Session ids and CSRF tokens from libsodium's random generator; idle expiry; bounded count.
#include "studio/sessions.hpp"

#include <sodium.h>

#include <algorithm>

namespace affiche {

std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

bool same_secret(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string SessionStore::create(std::int64_t now) {
    std::lock_guard lock(mutex_);
    std::erase_if(sessions_, [now](const auto& kv) {
        return now - kv.second.last_seen > session_idle_seconds;
    });
    if (sessions_.size() >= max_sessions) {
        const auto oldest =
            std::min_element(sessions_.begin(), sessions_.end(), [](auto& a, auto& b) {
                return a.second.last_seen < b.second.last_seen;
            });
        sessions_.erase(oldest);
    }
    std::string id = random_token();
    sessions_[id] = Session{random_token(), now};
    return id;
}

std::optional<Session> SessionStore::touch(const std::string& id, std::int64_t now) {
    std::lock_guard lock(mutex_);
    const auto it = sessions_.find(id);
    if (it == sessions_.end()) return std::nullopt;
    if (now - it->second.last_seen > session_idle_seconds) {
        sessions_.erase(it);
        return std::nullopt;
    }
    it->second.last_seen = now;
    return it->second;
}

void SessionStore::remove(const std::string& id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(id);
}

std::size_t SessionStore::size() {
    std::lock_guard lock(mutex_);
    return sessions_.size();
}

} // namespace affiche
