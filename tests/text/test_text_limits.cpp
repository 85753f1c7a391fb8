// Tests of the text length caps: the check itself, and the loader's diagnostics at each value.
#include "text/text_limits.hpp"

#include "deck/deck_loader.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;

namespace {

std::string letters(std::size_t n) {
    return std::string(n, 'a');
}

std::string marked(std::size_t marks) {
    std::string out = "e";
    for (std::size_t i = 0; i < marks; ++i)
        out += "\u0301";
    return out;
}

// Loads a deck of one slide file whose [[slide]] table holds slide_keys (one key per line,
// after the id on line 2), with deck_toml as slides/deck.toml.
LoadResult load_slide(const std::string& slide_keys, const std::string& deck_toml = "") {
    testing::TempDir deck("limits");
    deck.write("slides/deck.toml", deck_toml);
    deck.write("slides/10-a.toml", "[[slide]]\nid = \"a\"\n" + slide_keys);
    return load_deck(deck.dir());
}

// The one error of result, formatted; "" when there is none or several.
std::string only_error(const LoadResult& result) {
    std::string found;
    int errors = 0;
    for (const auto& d : result.diagnostics) {
        if (d.severity != Severity::error) continue;
        ++errors;
        found = format_diagnostic(d);
    }
    return errors == 1 ? found : "";
}

} // namespace

TEST_CASE("text limits: length in characters, not bytes") {
    CHECK_FALSE(text_limit_problem(letters(300), "'title'", 300));
    CHECK_FALSE(text_limit_problem("", "'title'", 300));
    // 300 "é" are 600 bytes but 300 characters.
    std::string accented;
    for (int i = 0; i < 300; ++i)
        accented += "é";
    CHECK_FALSE(text_limit_problem(accented, "'title'", 300));
    const auto p = text_limit_problem(letters(301), "'title'", 300);
    REQUIRE(p);
    CHECK(p->message == "'title' is 301 characters long, over the limit of 300");
    CHECK_FALSE(p->hint.empty());
}

TEST_CASE("text limits: at most 30 combining marks on one character") {
    CHECK_FALSE(text_limit_problem(marked(30), "'title'", 300));
    // Marks on different characters do not add up.
    CHECK_FALSE(text_limit_problem(marked(20) + marked(20) + marked(20), "'title'", 300));
    const auto p = text_limit_problem(marked(31), "'body'", 5000);
    REQUIRE(p);
    CHECK(p->message == "'body' has a character with more than 30 combining marks (accents) on it");
    // Arabic vowel signs are combining marks too; a few per letter are normal.
    CHECK_FALSE(text_limit_problem("\u0633\u064E\u0644\u0651\u064E\u0627\u0645", "'title'", 300));
}

TEST_CASE("text limits: the loader refuses each field over its cap, at the value") {
    const std::string slides = "slides/10-a.toml";
    SUBCASE("title") {
        CHECK(only_error(load_slide("title = \"" + letters(max_title_chars) + "\"\n")).empty());
        CHECK(load_slide("title = \"" + letters(max_title_chars) + "\"\n").deck);
        const auto r = load_slide("title = \"" + letters(max_title_chars + 1) + "\"\n");
        CHECK_FALSE(r.deck);
        const std::string e = only_error(r);
        CHECK(e.find(slides + ":3:9: error: 'title' is 301 characters long") != std::string::npos);
    }
    SUBCASE("subtitle") {
        const auto ok = load_slide("title = \"t\"\nsubtitle = \"" + letters(300) + "\"\n");
        CHECK(ok.deck);
        const auto r = load_slide("title = \"t\"\nsubtitle = \"" + letters(301) + "\"\n");
        CHECK(only_error(r).find(":4:12: error: 'subtitle' is 301 characters") !=
              std::string::npos);
    }
    SUBCASE("body") {
        CHECK(load_slide("body = \"" + letters(max_body_chars) + "\"\n").deck);
        const auto r = load_slide("body = \"" + letters(max_body_chars + 1) + "\"\n");
        CHECK(only_error(r).find(":3:8: error: 'body' is 5001 characters") != std::string::npos);
    }
    SUBCASE("each bullet") {
        const std::string ok = "\"" + letters(max_bullet_chars) + "\"";
        CHECK(load_slide("bullets = [" + ok + ", " + ok + "]\n").deck);
        const std::string long_one = "\"" + letters(max_bullet_chars + 1) + "\"";
        const auto r = load_slide("bullets = [\"un\",\n  " + long_one + "]\n");
        CHECK(only_error(r).find(":4:3: error: item 2 of 'bullets' is 301 characters") !=
              std::string::npos);
    }
    SUBCASE("the number of bullets") {
        std::string list;
        for (std::size_t i = 0; i < max_bullets; ++i)
            list += "\"b\", ";
        CHECK(load_slide("bullets = [" + list + "]\n").deck);
        const auto r = load_slide("bullets = [" + list + "\"b\"]\n");
        CHECK(only_error(r).find("error: 'bullets' has 21 items, over the limit of 20") !=
              std::string::npos);
    }
    SUBCASE("footer_text") {
        const std::string ok = "[overlays]\nfooter_text = \"" + letters(300) + "\"\n";
        CHECK(load_slide("title = \"t\"\n", ok).deck);
        const std::string over = "[overlays]\nfooter_text = \"" + letters(301) + "\"\n";
        const auto r = load_slide("title = \"t\"\n", over);
        CHECK(only_error(r).find("slides/deck.toml:2:15: error: 'footer_text' is 301 characters") !=
              std::string::npos);
    }
    SUBCASE("combining marks") {
        CHECK(load_slide("title = \"" + marked(30) + "\"\n").deck);
        const auto r = load_slide("title = \"" + marked(31) + "\"\n");
        CHECK(only_error(r).find(":3:9: error: 'title' has a character with more than 30") !=
              std::string::npos);
    }
}
