// Tests for the sd_notify wrappers: the watchdog interval from the environment, messages on a
// socket.
#include "service/notify.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

using namespace affiche;
using affiche::testing::TempDir;

namespace {

// Sets or unsets an environment variable for the scope, restoring the old value afterwards.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_.c_str(), old_->c_str(), 1);
        else
            unsetenv(name_.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::string name_;
    std::optional<std::string> old_;
};

} // namespace

TEST_CASE("service: watchdog interval is half of WATCHDOG_USEC") {
    const std::int64_t expected = notify_available() ? 1000 : 0;
    ScopedEnv usec("WATCHDOG_USEC", "2000000");
    {
        ScopedEnv pid("WATCHDOG_PID", nullptr);
        CHECK(watchdog_interval_ms() == expected);
    }
    {
        const std::string me = std::to_string(getpid());
        ScopedEnv pid("WATCHDOG_PID", me.c_str());
        CHECK(watchdog_interval_ms() == expected);
    }
    {
        const std::string other = std::to_string(getpid() + 1); // meant for another process
        ScopedEnv pid("WATCHDOG_PID", other.c_str());
        CHECK(watchdog_interval_ms() == 0);
    }
    {
        ScopedEnv pid("WATCHDOG_PID", nullptr);
        ScopedEnv off("WATCHDOG_USEC", nullptr);
        CHECK(watchdog_interval_ms() == 0);
    }
}

// Built without libsystemd every notification is a no-op: nothing to receive, so the test is
// skipped (and reported as skipped) rather than passing with no assertion.
TEST_CASE("service: notifications reach NOTIFY_SOCKET" * doctest::skip(!notify_available())) {
    TempDir t("notify");
    const std::string path = t.path("notify.sock");
    const int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(sock >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    REQUIRE(bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);
    ScopedEnv socket_env("NOTIFY_SOCKET", path.c_str());

    auto receive = [sock]() -> std::string {
        pollfd p{sock, POLLIN, 0};
        if (poll(&p, 1, 2000) <= 0) return "(nothing)";
        char buf[256];
        const ssize_t n = recv(sock, buf, sizeof buf, 0);
        return n < 0 ? "(error)" : std::string(buf, static_cast<std::size_t>(n));
    };
    notify_ready();
    CHECK(receive() == "READY=1");
    notify_status("slide 2/7\nfr");
    CHECK(receive() == "STATUS=slide 2/7 fr");
    notify_watchdog();
    CHECK(receive() == "WATCHDOG=1");
    notify_extend_timeout(5'000'000);
    CHECK(receive() == "EXTEND_TIMEOUT_USEC=5000000");
    notify_stopping();
    CHECK(receive() == "STOPPING=1");
    close(sock);
}
