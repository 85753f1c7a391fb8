// Tests for the event trace: lines appended whole, a disabled trace, a file that cannot be opened.
#include "service/event_trace.hpp"

#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using affiche::testing::read_text;
using affiche::testing::TempDir;

TEST_CASE("event trace: one line per event, appended after what the file held") {
    TempDir t("trace");
    t.write("trace.txt", "1 earlier run\n");
    EventTrace trace(t.path("trace.txt"));
    CHECK(trace.enabled());
    CHECK(trace.record(1'791'583'200'000, "slide", "accueil").ok());
    CHECK(trace.record(1'791'590'400'000, "screen", "off", "closed until 14:00").ok());
    CHECK(read_text(t.path("trace.txt")) == "1 earlier run\n"
                                            "1791583200000 slide accueil\n"
                                            "1791590400000 screen off closed until 14:00\n");
}

TEST_CASE("event trace: disabled, it writes nothing and never fails") {
    EventTrace trace("");
    CHECK_FALSE(trace.enabled());
    CHECK(trace.record(0, "slide", "a").ok());
}

TEST_CASE("event trace: a file that cannot be opened is an error naming it, at each record") {
    TempDir t("trace");
    const std::string path = t.path("no-such-folder/trace.txt");
    EventTrace trace(path);
    const Result<Done> r = trace.record(0, "slide", "a");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().loc.path == path);
    CHECK(r.error().message == "No such file or directory");
    CHECK_FALSE(trace.record(1, "reload", "ok").ok());
}
