// Tests of the small JSON reader: what the programs' own JsonWriter writes reads back, and
// malformed text is refused.
#include "base/json_reader.hpp"

#include "base/json_writer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;

TEST_CASE("json reader: reads back what JsonWriter writes") {
    JsonWriter j;
    j.begin_object();
    j.key("text").string("é \"quoted\"\n\x01 ok");
    j.key("n").number(-42);
    j.key("yes").boolean(true);
    j.key("none").null();
    j.key("list").strings({"a", "b"});
    j.key("inner").begin_object().key("on").boolean(false).end_object();
    j.end_object();
    const auto doc = parse_json(j.finish());
    REQUIRE(doc);
    CHECK(doc->string_at("text") == "é \"quoted\"\n\x01 ok");
    CHECK(doc->get("n")->number == -42.0);
    CHECK(doc->boolean_at("yes") == true);
    CHECK(doc->get("none")->type == JsonValue::Type::null);
    REQUIRE(doc->get("list")->items.size() == 2);
    CHECK(doc->get("list")->items[1].text == "b");
    CHECK(doc->get("inner")->boolean_at("on") == false);
    CHECK_FALSE(doc->string_at("n"));
    CHECK_FALSE(doc->get("missing"));
}

TEST_CASE("json reader: escapes, surrogate pairs, numbers") {
    const auto doc = parse_json(R"({"a": "\u00e9\ud83d\ude00\/", "b": 1.5e3, "c": []})");
    REQUIRE(doc);
    CHECK(doc->string_at("a") == "é\xF0\x9F\x98\x80/");
    CHECK(doc->get("b")->number == 1500.0);
    CHECK(doc->get("c")->items.empty());
}

TEST_CASE("json reader: malformed text is refused") {
    for (const char* bad : {"", "{", "{\"a\":}", "{\"a\" 1}", "[1,]", "{\"a\":1,}", "\"\\x\"",
                            "\"\\ud800\"", "tru", "1 2", "-", "\"a\nb\"", "{a:1}"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_json(bad));
    }
    CHECK_FALSE(parse_json(std::string(100, '[') + std::string(100, ']'))); // too deep
    CHECK(parse_json(std::string(50, '[') + std::string(50, ']')));
}
