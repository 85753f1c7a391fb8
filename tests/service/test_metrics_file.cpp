// Tests of the Prometheus textfile writer shared by the player and the sync.
#include "service/metrics_file.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace affiche;

TEST_CASE("metrics text: HELP, TYPE, labels escaped, numbers exact") {
    const std::string text = to_prometheus_text({
        {"affiche_up", "1 while the player runs", "gauge", 1, {}},
        {"affiche_deck_revision_info", "The deck", "gauge", 1, {{"revision", "a\"b\\c\nd"}}},
        {"x_total", "count", "counter", 1764403200, {{"a", "1"}, {"b", "2"}}},
        {"x_ratio", "ratio", "gauge", 0.25, {}},
    });
    CHECK(text == "# HELP affiche_up 1 while the player runs\n"
                  "# TYPE affiche_up gauge\n"
                  "affiche_up 1\n"
                  "# HELP affiche_deck_revision_info The deck\n"
                  "# TYPE affiche_deck_revision_info gauge\n"
                  "affiche_deck_revision_info{revision=\"a\\\"b\\\\c\\nd\"} 1\n"
                  "# HELP x_total count\n"
                  "# TYPE x_total counter\n"
                  "x_total{a=\"1\",b=\"2\"} 1764403200\n"
                  "# HELP x_ratio ratio\n"
                  "# TYPE x_ratio gauge\n"
                  "x_ratio 0.25\n");
}

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
