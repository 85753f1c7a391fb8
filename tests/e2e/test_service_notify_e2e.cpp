// End to end, as a service: sd_notify's READY, STATUS, WATCHDOG and STOPPING on a socket of the
// test's own, and no watchdog pings when WATCHDOG_PID names another process.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "e2e/player_session.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>

using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("service e2e: sd_notify: READY after the first frame, WATCHDOG every half interval") {
#ifndef AFFICHE_HAVE_SYSTEMD
    MESSAGE("built without libsystemd: the player sends no notifications");
    return;
#else
    TempDir t("notify");
    make_deck(t.dir() / "deck", 600); // one static slide: nothing but the watchdog wakes the loop
    const fs::path sock_path = t.dir() / "notify.sock";
    const int sock = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(sock >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(sock_path.string().size() < sizeof addr.sun_path);
    std::strcpy(addr.sun_path, sock_path.c_str());
    REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    struct Closer {
        int fd;
        ~Closer() { close(fd); }
    } closer{sock};

    // Every notification line received within ms, with its arrival time (ms since the call).
    auto receive = [&](int ms) {
        std::vector<std::pair<long, std::string>> lines;
        const auto start = SteadyClock::now();
        for (long left = ms; left > 0; left = ms - ms_since(start)) {
            pollfd p{sock, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
            char buf[4096];
            const ssize_t n = recv(sock, buf, sizeof buf, 0);
            if (n <= 0) continue;
            std::istringstream in(std::string(buf, static_cast<std::size_t>(n)));
            for (std::string line; std::getline(in, line);)
                lines.emplace_back(ms_since(start), line);
        }
        return lines;
    };

    SUBCASE("WATCHDOG_USEC=400000: READY=1, then WATCHDOG=1 about every 200 ms") {
        Session s(t.dir(), t.dir() / "deck",
                  {{"NOTIFY_SOCKET", sock_path.string()}, {"WATCHDOG_USEC", "400000"}});
        bool ready = false;
        std::vector<std::pair<long, std::string>> before;
        const auto start = SteadyClock::now();
        while (!ready && ms_since(start) < start_timeout_ms) {
            for (auto& l : receive(100)) {
                before.push_back(l);
                if (l.second == "READY=1") ready = true;
            }
        }
        INFO(s.player->log());
        REQUIRE(ready);
        bool status_seen = false;
        for (const auto& l : before)
            status_seen |= l.second.rfind("STATUS=slide 1/3: texte", 0) == 0;
        CHECK(status_seen);
        const auto lines = receive(2000);
        std::vector<long> pings;
        for (const auto& l : lines) {
            if (l.second == "WATCHDOG=1") pings.push_back(l.first);
        }
        MESSAGE(pings.size() << " watchdog pings in 2 s");
        CHECK(pings.size() >= 5);
        CHECK(pings.size() <= 14); // about 10: not a busy loop either
        long longest = pings.empty() ? 2000 : pings.front();
        for (std::size_t i = 1; i < pings.size(); ++i)
            longest = std::max(longest, pings[i] - pings[i - 1]);
        CHECK(longest < 400); // systemd would kill it after WatchdogSec = 400 ms of silence
        CHECK(s.player->stop() == 0);
        bool stopping = false;
        for (const auto& l : receive(300))
            stopping |= l.second == "STOPPING=1";
        CHECK(stopping);
    }
    SUBCASE("WATCHDOG_PID naming another process: READY=1 but no watchdog pings") {
        Session s(t.dir(), t.dir() / "deck",
                  {{"NOTIFY_SOCKET", sock_path.string()},
                   {"WATCHDOG_USEC", "400000"},
                   {"WATCHDOG_PID", "1"}});
        bool ready = false;
        const auto start = SteadyClock::now();
        while (!ready && ms_since(start) < start_timeout_ms) {
            for (auto& l : receive(100))
                ready |= l.second == "READY=1";
        }
        REQUIRE(ready);
        int pings = 0;
        for (const auto& l : receive(1000))
            pings += l.second == "WATCHDOG=1";
        CHECK(pings == 0);
        CHECK(s.player->stop() == 0);
    }
#endif
}
