// Reading the loop's clock, real or faked (started elsewhere, running faster) for tests and
// benches.
#include "app/loop_clock.hpp"

#include "base/local_time.hpp"
#include "platform/log.hpp"

#include <time.h>

#include <cmath>
#include <cstdlib>

namespace affiche {

namespace {
Millis to_ms(const timespec& t) {
    return static_cast<Millis>(t.tv_sec) * 1000 + t.tv_nsec / 1'000'000;
}

Millis read_ms(clockid_t id) {
    timespec t{};
    clock_gettime(id, &t);
    return to_ms(t);
}
} // namespace

std::optional<FakeClock> parse_fake_clock(const std::string& text) {
    FakeClock f;
    const std::size_t x = text.rfind('x');
    const std::string start = text.substr(0, x);
    if (x != std::string::npos) {
        char* end = nullptr;
        f.speed = std::strtod(text.c_str() + x + 1, &end);
        if (end == text.c_str() + x + 1 || *end != '\0' || !(f.speed > 0) || f.speed > 1e6)
            return std::nullopt;
    }
    if (!start.empty() && start.find_first_not_of("0123456789") == std::string::npos) {
        f.start_wall = std::strtoll(start.c_str(), nullptr, 10) * 1000;
        return f;
    }
    const std::optional<LocalStamp> local = parse_local_stamp(start);
    if (!local) return std::nullopt;
    f.start_wall = to_unix(local->day, local->second) * 1000;
    return f;
}

LoopClock LoopClock::from_environment() {
    const char* value = std::getenv("AFFICHE_FAKE_CLOCK");
    if (!value || !*value) return LoopClock();
    std::optional<FakeClock> fake = parse_fake_clock(value);
    if (!fake) {
        log_warning(std::string("AFFICHE_FAKE_CLOCK=") + value +
                    ": not START[xSPEED]; using the real clock");
        return LoopClock();
    }
    log_info(std::string("fake clock: ") + value);
    return LoopClock(fake);
}

LoopClock::LoopClock(std::optional<FakeClock> fake)
    : fake_(fake), origin_(read_ms(CLOCK_MONOTONIC)) {}

Millis LoopClock::loop_ms(Millis real_monotonic) const {
    if (!fake_) return real_monotonic;
    const double elapsed = static_cast<double>(real_monotonic - origin_) * fake_->speed;
    return origin_ + static_cast<Millis>(std::llround(elapsed));
}

LoopTime LoopClock::read() const {
    const Millis now = loop_ms(read_ms(CLOCK_MONOTONIC));
    if (!fake_) return {now, read_ms(CLOCK_REALTIME)};
    return {now, fake_->start_wall + (now - origin_)};
}

Millis LoopClock::monotonic_at(const LoopTime& t, Millis wall_ms) const {
    if (wall_ms == never) return never;
    return t.now + (wall_ms - t.wall);
}

Millis LoopClock::timeout_ms(Millis at) const {
    if (at == never) return never;
    const Millis left = at - loop_ms(read_ms(CLOCK_MONOTONIC));
    if (left <= 0) return 0;
    const double speed = fake_ ? fake_->speed : 1.0;
    return static_cast<Millis>(std::ceil(static_cast<double>(left) / speed));
}

} // namespace affiche
