// Tests of SHA-256 through libsodium: known vectors, and a file read in blocks.
#include "sync/sha256.hpp"

#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;

TEST_CASE("sha256 of known vectors") {
    REQUIRE(sodium_ready());
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("sha256 of a file spanning several read blocks equals the in-memory hash") {
    testing::TempDir tmp("sha");
    std::string big(200000, 'x');
    for (std::size_t i = 0; i < big.size(); i += 7)
        big[i] = static_cast<char>(i % 251);
    tmp.write("f", big);
    auto h = sha256_file(tmp.path("f"));
    REQUIRE(h.ok());
    CHECK(*h == sha256_hex(big));
    CHECK_FALSE(sha256_file(tmp.path("missing")).ok());
}

TEST_CASE("sha256 of a file never follows a symbolic link") {
    testing::TempDir tmp("sha");
    tmp.write("archive.tar.zst", "signed bytes");
    REQUIRE(sha256_file(tmp.path("archive.tar.zst")).ok());
    std::filesystem::create_symlink(tmp.path("archive.tar.zst"), tmp.path("link.tar.zst"));
    auto h = sha256_file(tmp.path("link.tar.zst"));
    REQUIRE_FALSE(h.ok());
    CHECK(h.error().message == "cannot read: is a symbolic link, not a regular file");
}
