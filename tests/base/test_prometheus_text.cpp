// Tests of the one Prometheus text writer (player, sync, studio): HELP and TYPE once per name.
#include "base/prometheus_text.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("prometheus text: HELP, TYPE, labels escaped, numbers exact") {
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

TEST_CASE("prometheus text: a name's samples together, under one HELP and TYPE, in first order") {
    // Samples of two per-screen metrics given screen by screen, as a loop over screens makes them.
    const std::string text = to_prometheus_text({
        {"x_up_to_date", "up to date", "gauge", 1, {{"screen", "a"}}},
        {"x_last_report", "last report", "gauge", 1796000000, {{"screen", "a"}}},
        {"x_up_to_date", "up to date", "gauge", 0, {{"screen", "b\"2\""}}},
        {"x_last_report", "last report", "gauge", 1796000060, {{"screen", "b\"2\""}}},
        {"x_up_to_date", "up to date", "gauge", 1, {{"screen", "c"}}},
    });
    CHECK(text == "# HELP x_up_to_date up to date\n"
                  "# TYPE x_up_to_date gauge\n"
                  "x_up_to_date{screen=\"a\"} 1\n"
                  "x_up_to_date{screen=\"b\\\"2\\\"\"} 0\n"
                  "x_up_to_date{screen=\"c\"} 1\n"
                  "# HELP x_last_report last report\n"
                  "# TYPE x_last_report gauge\n"
                  "x_last_report{screen=\"a\"} 1796000000\n"
                  "x_last_report{screen=\"b\\\"2\\\"\"} 1796000060\n");
    CHECK(to_prometheus_text({}).empty());
}
