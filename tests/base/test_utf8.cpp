// Tests for utf8's checks for messages: the first invalid byte, and names made printable.
#include "base/utf8.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;

TEST_CASE("utf8: the first invalid byte, at its line and character column") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII\nand \xC3\xA9t\xC3\xA9"));
    const auto bad = find_invalid_utf8("a\n\xC3\xA9x\xE9");
    REQUIRE(bad);
    CHECK(bad->line == 2);
    CHECK(bad->column == 3);
    CHECK(bad->byte == 0xE9);
    CHECK(find_invalid_utf8("\xC0\xAF")->byte == 0xC0);         // overlong
    CHECK(find_invalid_utf8("\xED\xA0\x80")->byte == 0xED);     // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80")->byte == 0xF4); // above U+10FFFF
    CHECK(find_invalid_utf8("\xE2\x82")->byte == 0xE2);         // truncated
}

TEST_CASE("utf8: printable escapes invalid bytes and controls, keeps letters") {
    CHECK(printable("photo.png") == "photo.png");
    CHECK(printable("caf\xC3\xA9 \xD8\xB9") == "caf\xC3\xA9 \xD8\xB9"); // é and an Arabic letter
    CHECK(printable("caf\xE9.png") == "caf\\xE9.png");
    CHECK(printable("a\x01z\x7F") == "a\\x01z\\x7F");
    CHECK(printable("line\nbreak") == "line\\x0Abreak");
    CHECK(printable("\xC2\x85") == "\\xC2\\x85"); // C1 control NEL
    CHECK(printable("\xFF\xFE") == "\\xFF\\xFE");
}

TEST_CASE("utf8: printable cuts long text after max_chars characters") {
    CHECK(printable(std::string(1000000, 'a')) == std::string(max_printed_chars, 'a') + "...");
    CHECK(printable("abcdef", 3) == "abc...");
    CHECK(printable("abc", 3) == "abc");
    CHECK(printable("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9..."); // counts characters
}
