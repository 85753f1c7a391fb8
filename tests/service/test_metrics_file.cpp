// Tests of the Prometheus textfile (node_exporter) the player and the sync write.
#include "service/metrics_file.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace affiche;

TEST_CASE("metrics file: replaced whole, no temporary file left, disabled writes nothing") {
    testing::TempDir tmp("metrics");
    MetricsFile file(tmp.path("affiche.prom"));
    REQUIRE(file.write({{"affiche_up", "up", "gauge", 1, {}}}));
    REQUIRE(file.write({{"affiche_up", "up", "gauge", 0, {}}}));
    std::ifstream in(tmp.path("affiche.prom"));
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "# HELP affiche_up up\n# TYPE affiche_up gauge\naffiche_up 0\n");
    CHECK_FALSE(std::filesystem::exists(tmp.path("affiche.prom.tmp")));
    MetricsFile off("");
    CHECK_FALSE(off.enabled());
    CHECK(off.write({}));
    MetricsFile unwritable(tmp.path("missing/affiche.prom"));
    CHECK_FALSE(unwritable.write({{"affiche_up", "up", "gauge", 1, {}}}));
}
