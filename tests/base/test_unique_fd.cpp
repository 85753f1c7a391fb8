// UniqueFd closes its descriptor exactly once, and moves hand it over.
#include "base/unique_fd.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>

#include <utility>

using namespace affiche;

namespace {
bool is_open(int fd) {
    return fcntl(fd, F_GETFD) != -1;
}
} // namespace

TEST_CASE("UniqueFd closes at scope end and after a move") {
    int raw = -1;
    {
        UniqueFd a(open("/dev/null", O_RDONLY | O_CLOEXEC));
        raw = a.get();
        REQUIRE(is_open(raw));
        UniqueFd b = std::move(a);
        CHECK_FALSE(a.valid());
        CHECK(b.get() == raw);
        CHECK(is_open(raw));
    }
    CHECK_FALSE(is_open(raw));
}

TEST_CASE("UniqueFd::release gives the descriptor up without closing it") {
    UniqueFd a(open("/dev/null", O_RDONLY | O_CLOEXEC));
    const int raw = a.release();
    CHECK_FALSE(a.valid());
    CHECK(is_open(raw));
    ::close(raw);
}
