// Tests for encode_thumbnail: the first encoding that fits is kept, a picture too rich for the
// first steps down the list, and one that never fits is refused with the same words each time.
#include "app/thumbnail_writer.hpp"

#include "support/test_surfaces.hpp"

#include <doctest/doctest.h>

using namespace affiche;
using affiche::testing::test_surface;

TEST_CASE("encode_thumbnail: a plain picture keeps its size and JPEG quality 85") {
    SurfacePtr s = test_surface(480, 270, false);
    std::string error;
    const auto jpeg = encode_thumbnail(s.get(), ThumbnailFormat::jpeg, error);
    REQUIRE_MESSAGE(jpeg, error);
    CHECK(jpeg->encoding == ThumbnailEncoding{{480, 270}, 85});
    CHECK(jpeg->bytes.size() <= thumbnail_max_bytes);
    CHECK(jpeg->bytes.compare(0, 3, "\xff\xd8\xff") == 0);
    const auto png = encode_thumbnail(s.get(), ThumbnailFormat::png, error);
    REQUIRE_MESSAGE(png, error);
    CHECK(png->encoding == ThumbnailEncoding{{480, 270}, 0});
    CHECK(png->bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

TEST_CASE("encode_thumbnail: noise steps down until it fits in 60 KB") {
    // A noisy portrait picture: JPEG must lower its quality (and maybe its size).
    SurfacePtr portrait = test_surface(480, 853, true);
    std::string error;
    const auto jpeg = encode_thumbnail(portrait.get(), ThumbnailFormat::jpeg, error);
    REQUIRE_MESSAGE(jpeg, error);
    INFO(jpeg->bytes.size() << " bytes at " << jpeg->encoding.size.w << " px, quality "
                            << jpeg->encoding.quality);
    CHECK(jpeg->bytes.size() <= thumbnail_max_bytes);
    CHECK(jpeg->encoding.quality < 85);
    // Noise in PNG (3 bytes a pixel, nothing to deflate): a third of the size, 43 KB, fits.
    SurfacePtr landscape = test_surface(480, 270, true);
    const auto png = encode_thumbnail(landscape.get(), ThumbnailFormat::png, error);
    REQUIRE_MESSAGE(png, error);
    CHECK(png->bytes.size() <= thumbnail_max_bytes);
    CHECK(png->encoding == ThumbnailEncoding{{160, 90}, 0});
}

TEST_CASE("encode_thumbnail: nothing fits: refused, the same message each time") {
    // A tall strip of noise: even a quarter of it in PNG is 120 x 500 x 3 bytes, 176 KB.
    SurfacePtr s = test_surface(480, 2000, true);
    std::string first, second;
    CHECK_FALSE(encode_thumbnail(s.get(), ThumbnailFormat::png, first));
    CHECK_FALSE(encode_thumbnail(s.get(), ThumbnailFormat::png, second));
    CHECK(first == "no encoding of the picture fits in 60 KB, not even the smallest");
    CHECK(first == second);
}
