// check_deck: the load, then the caller's extra checks, then the schedule warnings, in that order.
#include "schedule/deck_check.hpp"

#include "base/result.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::TempDir;

namespace {

constexpr UnixTime dec_20_2026 = 1797760800; // 2026-12-20T10:00:00Z

// A deck of two slides, one of which ended in 2020: a warning, not an error.
void write_deck(const TempDir& t) {
    t.write("deck/slides/10-a.toml", "[[slide]]\nid = \"now\"\ntitle = \"Bonjour\"\n\n"
                                     "[[slide]]\nid = \"old\"\ntitle = \"Fini\"\n"
                                     "until = 2020-01-01\n");
}

} // namespace

TEST_CASE("deck check: a past until is a warning after the load, the deck kept") {
    TempDir t("deck-check");
    write_deck(t);
    const LoadResult r = check_deck(t.path("deck"), dec_20_2026);
    REQUIRE(r.deck);
    CHECK_FALSE(has_errors(r.diagnostics));
    REQUIRE(count(r.diagnostics, Severity::warning) >= 1);
    CHECK(r.diagnostics.back().message.find("slide 'old' will never show again") == 0);
}

TEST_CASE("deck check: extra checks run between the load and the schedule warnings") {
    TempDir t("deck-check");
    write_deck(t);
    int calls = 0;
    const LoadResult noted = check_deck(t.path("deck"), dec_20_2026, [&](LoadResult& load) {
        ++calls;
        CHECK(load.deck);
        CHECK(load.content);
        load.diagnostics.push_back({Severity::note, {"extra"}, "from the extra check", ""});
    });
    CHECK(calls == 1);
    REQUIRE(noted.diagnostics.size() >= 2);
    CHECK(noted.diagnostics.back().message.find("slide 'old' will never show again") == 0);
    CHECK(noted.diagnostics[noted.diagnostics.size() - 2].message == "from the extra check");

    // An extra check that refuses the deck: no schedule warnings about a deck that will not play.
    const LoadResult refused = check_deck(t.path("deck"), dec_20_2026, [](LoadResult& load) {
        load.deck.reset();
        load.diagnostics.push_back(failure({"photo.png"}, "cannot be decoded"));
    });
    CHECK_FALSE(refused.deck);
    REQUIRE_FALSE(refused.diagnostics.empty());
    CHECK(refused.diagnostics.back().message == "cannot be decoded");
}

TEST_CASE("deck check: a deck with an error has no deck and no schedule warnings") {
    TempDir t("deck-check");
    t.write("deck/slides/10-a.toml", "[[slide]]\nid = \"old\"\nuntil = 2020-01-01\ntitle = \n");
    const LoadResult r = check_deck(t.path("deck"), dec_20_2026);
    CHECK_FALSE(r.deck);
    CHECK(has_errors(r.diagnostics));
    for (const Diagnostic& d : r.diagnostics)
        CHECK(d.message.find("will never show again") == std::string::npos);
}

TEST_CASE("deck check: an announcement more than 7 days ahead refuses the deck, a past one warns") {
    TempDir t("deck-check");
    write_deck(t);
    // dec_20_2026 is 2026-12-20 10:00 UTC: in any zone, the 30th is more than 7 days ahead.
    t.write("deck/slides/announcement.toml",
            "[announcement]\ntext = \"Retard\"\nuntil = 2026-12-30T12:00:00\n");
    const LoadResult far = check_deck(t.path("deck"), dec_20_2026);
    CHECK_FALSE(far.deck);
    REQUIRE(has_errors(far.diagnostics));
    CHECK(far.diagnostics.back().loc.line == 3);
    CHECK(far.diagnostics.back().message.find("more than 7 days after now") != std::string::npos);

    t.write("deck/slides/announcement.toml",
            "[announcement]\ntext = \"Retard\"\nuntil = 2026-12-01T12:00:00\n");
    const LoadResult past = check_deck(t.path("deck"), dec_20_2026);
    REQUIRE(past.deck);
    CHECK_FALSE(has_errors(past.diagnostics));
    CHECK(past.diagnostics.back().message.find("the announcement is not shown any more") == 0);
}

TEST_CASE("deck check: files replaced in memory are checked as written, the folder untouched") {
    TempDir t("deck-check");
    write_deck(t);
    // A draft announcement (the studio's form) more than 7 days ahead: refused like a file's.
    const std::string far = "[announcement]\ntext = \"Retard\"\nuntil = 2026-12-30T12:00:00\n";
    const LoadResult refused =
        check_deck(t.path("deck"), dec_20_2026, {}, {{"slides/announcement.toml", far}});
    CHECK_FALSE(refused.deck);
    REQUIRE(has_errors(refused.diagnostics));
    CHECK(refused.diagnostics.back().loc.path == t.path("deck/slides/announcement.toml"));
    CHECK(refused.diagnostics.back().message.find("more than 7 days after now") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(t.path("deck/slides/announcement.toml")));

    // A slide file replaced: its text is the one loaded.
    const LoadResult edited =
        check_deck(t.path("deck"), dec_20_2026, {},
                   {{"slides/10-a.toml", "[[slide]]\ntitle = \"Nouveau\"\n"}});
    REQUIRE(edited.deck);
    REQUIRE(edited.deck->slides.size() == 1);
    CHECK(edited.deck->slides[0].title == "Nouveau");
}
