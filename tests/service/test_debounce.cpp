// Tests for Debouncer: bursts collapse to one reload, quiet_ms after the last change.
#include "service/debounce.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("service: debouncer fires once, 500 ms after the last of a burst") {
    Debouncer d;
    CHECK_FALSE(d.pending());
    CHECK(d.deadline() == never);
    CHECK_FALSE(d.due(0));

    // A loop ticking every ms; 100 changes, one every 3 ms from t=1000.
    int fired = 0;
    Millis fired_at = -1;
    for (Millis now = 0; now < 5000; ++now) {
        if (now >= 1000 && now < 1300 && (now - 1000) % 3 == 0) d.note(now);
        if (d.due(now)) {
            ++fired;
            fired_at = now;
            d.clear();
        }
    }
    const Millis last_note = 1000 + 99 * 3;
    CHECK(fired == 1);
    CHECK(fired_at == last_note + 500);
    CHECK_FALSE(d.pending());
}

TEST_CASE("service: debouncer deadline and clear") {
    Debouncer d(200);
    d.note(10'000);
    CHECK(d.pending());
    CHECK(d.deadline() == 10'200);
    CHECK_FALSE(d.due(10'199));
    CHECK(d.due(10'200));
    d.note(10'150); // pushes the deadline back
    CHECK(d.deadline() == 10'350);
    CHECK_FALSE(d.due(10'300));
    d.clear();
    CHECK_FALSE(d.due(20'000));
    CHECK(d.deadline() == never);

    Debouncer late(500);
    late.note(never - 10); // saturates, no overflow
    CHECK(late.deadline() == never);
}
