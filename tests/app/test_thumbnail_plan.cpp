// Tests for the thumbnail's decisions: format by extension, size, shrink steps, encodings to try.
#include "app/thumbnail_plan.hpp"

#include <doctest/doctest.h>

using namespace affiche;

TEST_CASE("thumbnail format: by the file's extension in any case, anything else refused") {
    CHECK(thumbnail_format("/run/affiche/thumbnail.jpg") == ThumbnailFormat::jpeg);
    CHECK(thumbnail_format("thumb.JPEG") == ThumbnailFormat::jpeg);
    CHECK(thumbnail_format("a.b/thumb.Png") == ThumbnailFormat::png);
    CHECK_FALSE(thumbnail_format("thumb.gif"));
    CHECK_FALSE(thumbnail_format("thumb"));
    CHECK_FALSE(thumbnail_format("jpg"));
    CHECK_FALSE(thumbnail_format(".png"));          // a dotfile, no extension
    CHECK_FALSE(thumbnail_format("run.jpg/thumb")); // the folder's dot is not the file's
    CHECK_FALSE(thumbnail_format("thumb.jpg.tmp"));
}

TEST_CASE("thumbnail size: at most 480 px wide, aspect kept, never enlarged") {
    CHECK(thumbnail_size({1920, 1080}) == Size{480, 270});
    CHECK(thumbnail_size({3840, 2160}) == Size{480, 270});
    CHECK(thumbnail_size({1080, 1920}) == Size{480, 853}); // portrait: 853.3 rounded
    CHECK(thumbnail_size({1366, 768}) == Size{480, 270});  // 269.9 rounded
    CHECK(thumbnail_size({1280, 1024}) == Size{480, 384});
    CHECK(thumbnail_size({640, 360}) == Size{480, 270});
    CHECK(thumbnail_size({480, 270}) == Size{480, 270});
    CHECK(thumbnail_size({320, 180}) == Size{320, 180}); // smaller than the limit: as it is
    CHECK(thumbnail_size({16384, 16}) == Size{480, 1});  // never 0 px high
    CHECK(thumbnail_size({1920, 1080}, 240) == Size{240, 135});
}

TEST_CASE("shrink steps: halves while the half is still at least the target, target last") {
    CHECK(shrink_steps({1920, 1080}, {480, 270}) == std::vector<Size>{{960, 540}, {480, 270}});
    CHECK(shrink_steps({3840, 2160}, {480, 270}) ==
          std::vector<Size>{{1920, 1080}, {960, 540}, {480, 270}});
    CHECK(shrink_steps({1366, 768}, {480, 270}) == std::vector<Size>{{683, 384}, {480, 270}});
    CHECK(shrink_steps({1080, 1920}, {480, 853}) == std::vector<Size>{{540, 960}, {480, 853}});
    CHECK(shrink_steps({640, 360}, {480, 270}) == std::vector<Size>{{480, 270}});
    CHECK(shrink_steps({960, 540}, {480, 270}) == std::vector<Size>{{480, 270}});
    CHECK(shrink_steps({480, 270}, {480, 270}).empty()); // nothing to shrink
    // No step ever shrinks more than twice, on either side.
    for (const Size from : {Size{1920, 1080}, Size{3840, 2160}, Size{1366, 768}, Size{1080, 1920},
                            Size{7680, 4320}, Size{2560, 1080}}) {
        const Size to = thumbnail_size(from);
        Size at = from;
        for (const Size s : shrink_steps(from, to)) {
            CHECK(s.w * 2 >= at.w);
            CHECK(s.h * 2 >= at.h);
            at = s;
        }
        CHECK(at == to);
    }
}

TEST_CASE("encodings: JPEG lowers its quality in steps of 10 then its size, PNG only its size") {
    const Size full{480, 270};
    const auto jpeg = thumbnail_encodings(ThumbnailFormat::jpeg, full);
    REQUIRE(jpeg.size() == 8);
    CHECK(jpeg.front() == ThumbnailEncoding{full, 85});
    CHECK(jpeg[5] == ThumbnailEncoding{full, 35});
    CHECK(jpeg[6] == ThumbnailEncoding{{360, 202}, 35});
    CHECK(jpeg.back() == ThumbnailEncoding{{240, 135}, 35});
    for (std::size_t i = 1; i < 6; ++i)
        CHECK(jpeg[i].quality == jpeg[i - 1].quality - 10);

    const auto png = thumbnail_encodings(ThumbnailFormat::png, full);
    REQUIRE(png.size() == 5);
    CHECK(png.front() == ThumbnailEncoding{full, 0});
    CHECK(png.back() == ThumbnailEncoding{{120, 67}, 0});
    for (std::size_t i = 1; i < png.size(); ++i) {
        CHECK(png[i].size.w < png[i - 1].size.w);
        CHECK(png[i].quality == 0);
    }
    // Never below 1 px, whatever the picture.
    for (const auto& e : thumbnail_encodings(ThumbnailFormat::png, {2, 1})) {
        CHECK(e.size.w >= 1);
        CHECK(e.size.h >= 1);
    }
}
