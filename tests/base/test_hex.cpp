// Tests for to_hex: two lowercase digits per byte, every byte value.
#include "base/hex.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("hex: two lowercase digits per byte, in order, high bytes unsigned") {
    CHECK(to_hex("") == "");
    CHECK(to_hex(std::string_view("\x00\xff", 2)) == "00ff");
    CHECK(to_hex("Wi-Fi") == "57692d4669");
    CHECK(to_hex("\x80\x0f\xab") == "800fab");
}
