// Value spans of slide files: byte offsets from toml++'s regions, CRLF, Unicode, multi-line.
#include "toml/toml_spans.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("spans cover exactly the value's bytes") {
    const std::string text =
        "lang = \"fr\"\n\n[[slide]]\nid = \"a\" # note\ntitle = \"é\\u00A0x\"\n"
        "body = \"\"\"\nl1\\\n  l2\"\"\"\n";
    auto spans = toml_file_spans(text, "f.toml");
    REQUIRE(spans);
    REQUIRE(spans->slides.size() == 1);
    const auto& s = spans->slides[0];
    auto bytes = [&](const char* key) {
        const auto* kv = s.find(key);
        REQUIRE(kv);
        return text.substr(kv->value.begin, kv->value.end - kv->value.begin);
    };
    CHECK(bytes("id") == "\"a\"");
    CHECK(bytes("title") == "\"é\\u00A0x\"");
    CHECK(bytes("body") == "\"\"\"\nl1\\\n  l2\"\"\"");
    CHECK(s.header_line == 3);
    CHECK(spans->top.size() == 1);
    CHECK(spans->eol == "\n");
}

TEST_CASE("CRLF files: offsets and the line ending") {
    const std::string text = "[[slide]]\r\nid = \"a\"\r\ntitle = \"ü\"\r\n";
    auto spans = toml_file_spans(text, "f.toml");
    REQUIRE(spans);
    CHECK(spans->eol == "\r\n");
    const auto* title = spans->slides[0].find("title");
    REQUIRE(title);
    CHECK(text.substr(title->value.begin, title->value.end - title->value.begin) == "\"ü\"");
    CHECK(text.substr(title->line.begin, title->line.end - title->line.begin) ==
          "title = \"ü\"\r\n");
    CHECK(spans->slides[0].block.end == text.size());
}

TEST_CASE("a text that does not parse is an error with its position") {
    auto spans = toml_file_spans("[[slide]]\ntitle = \"open\n", "f.toml");
    REQUIRE(!spans);
    CHECK(spans.error().loc.line == 2);
}
