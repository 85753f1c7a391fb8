// Doubling waits after failed logins, per address, with a bounded memory of addresses.
#include "studio/login_limiter.hpp"

#include <algorithm>

namespace affiche {

std::int64_t LoginLimiter::wait_seconds(const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    const auto it = records_.find(address);
    if (it == records_.end()) return 0;
    return std::max<std::int64_t>(0, it->second.next_try - now);
}

void LoginLimiter::failed(const std::string& address, std::int64_t now) {
    std::lock_guard lock(mutex_);
    if (records_.size() >= max_login_addresses && !records_.count(address)) {
        const auto oldest =
            std::min_element(records_.begin(), records_.end(),
                             [](auto& a, auto& b) { return a.second.last < b.second.last; });
        records_.erase(oldest);
    }
    Record& r = records_[address];
    r.failures = std::min(r.failures + 1, 64);
    r.last = now;
    const int over = r.failures - free_login_failures;
    if (over > 0) {
        const std::int64_t wait =
            over >= 10 ? max_login_wait_seconds : std::int64_t{1} << (over - 1);
        r.next_try = now + std::min(wait, max_login_wait_seconds);
    }
}

void LoginLimiter::succeeded(const std::string& address) {
    std::lock_guard lock(mutex_);
    records_.erase(address);
}

} // namespace affiche
