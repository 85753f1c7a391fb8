// Tests for content_files: which files belong to a deck, listed once, with bounds.
#include "core/content_files.hpp"

#include "service_temp_dir.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace affiche;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

TEST_CASE("content files: slide and ignored file names") {
    CHECK(is_slide_file_name("10-accueil.toml"));
    CHECK(is_slide_file_name("a.toml"));
    CHECK_FALSE(is_slide_file_name("deck.toml"));
    CHECK_FALSE(is_slide_file_name(".toml"));
    CHECK_FALSE(is_slide_file_name(".10.toml"));
    CHECK_FALSE(is_slide_file_name("10.toml~"));
    CHECK_FALSE(is_slide_file_name(".10.toml.swp"));
    CHECK_FALSE(is_slide_file_name("#10.toml#"));
    CHECK_FALSE(is_slide_file_name("10.txt"));
    CHECK_FALSE(is_slide_file_name("10.toml.tmp"));

    CHECK(is_ignored_file_name(".hidden"));
    CHECK(is_ignored_file_name("photo.png~"));
    CHECK(is_ignored_file_name("#photo.png#"));
    CHECK(is_ignored_file_name(".photo.png.swp"));
    CHECK(is_ignored_file_name("x.swx"));
    CHECK(is_ignored_file_name("x.tmp"));
    CHECK(is_ignored_file_name("4913"));
    CHECK(is_ignored_file_name(""));
    CHECK_FALSE(is_ignored_file_name("photo.png"));
    CHECK_FALSE(is_ignored_file_name("deck.toml"));
    CHECK_FALSE(is_ignored_file_name("49130"));
}
