// Tests for toml_messages: toml++'s syntax errors keep their exact English text without a
// catalogue (the French is checked end to end in tests/e2e/test_translations_e2e.cpp).
#include "toml/toml_messages.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("toml_messages: without a catalogue every toml++ message comes back unchanged") {
    // Seen from toml++ 3.3 on broken slide files.
    const char* const seen[] = {
        "Error while parsing string: unescaped control characters other than TAB (U+0009) are "
        "explicitly prohibited",
        "Error while parsing key-value pair: expected '=', saw '\"'",
        "Error while parsing key-value pair: cannot redefine existing string 'title'",
        "Error while parsing value: could not determine value type",
        "Error while parsing key-value pair: expected a comment or whitespace, saw ','",
        "Error while parsing array: encountered end-of-file",
        "Error while parsing table header: expected ']', saw '\\n'",
        "Error while parsing key: expected bare key starting character, saw '\\x01'",
        // Shapes the translation must not trip on.
        "Error while parsing nothing known",
        "Error while parsing : ",
        "expected , saw ",
        "cannot redefine existing ",
        "",
    };
    for (const char* text : seen) {
        CAPTURE(text);
        CHECK(toml_error_text(text) == text);
    }
}
