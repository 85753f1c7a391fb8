// Tests for i18n: placeholder filling, and English when no catalogue is bound.
#include "base/i18n.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("i18n: format_text fills {1}..{9} in any order and leaves the rest alone") {
    CHECK(format_text("image '{1}' not found", {"a.png"}) == "image 'a.png' not found");
    CHECK(format_text("{2} before {1}", {"un", "deux"}) == "deux before un");
    CHECK(format_text("{1}{1}", {"x"}) == "xx");
    CHECK(format_text("no {3} arg, {0}, {x}, {1", {"a"}) == "no {3} arg, {0}, {x}, {1");
    CHECK(format_text("{1}", {"{2}", "b"}) == "{2}"); // a value is never read as a pattern
    CHECK(format_text("", {}) == "");
}

TEST_CASE("i18n: without a catalogue the message is the English text itself") {
    // The unit tests bind no catalogue: English is the default.
    CHECK(std::string(tr("no enabled slide to show")) == "no enabled slide to show");
    CHECK(std::string(trn("{1} error", "{1} errors", 1)) == "{1} error");
    CHECK(std::string(trn("{1} error", "{1} errors", 3)) == "{1} errors");
}
