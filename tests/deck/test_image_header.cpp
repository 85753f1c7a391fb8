// Tests for image_header: hand-built PNG, JPEG, WebP and SVG headers; truncated and garbage bytes.
#include "deck/image_header.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace affiche;

namespace {

std::string be16(unsigned v) {
    return {char(v >> 8 & 0xFF), char(v & 0xFF)};
}
std::string be32(std::uint32_t v) {
    return be16(v >> 16) + be16(v & 0xFFFF);
}
std::string le16(unsigned v) {
    return {char(v & 0xFF), char(v >> 8 & 0xFF)};
}
std::string le24(std::uint32_t v) {
    return le16(v & 0xFFFF) + char(v >> 16 & 0xFF);
}
std::string le32(std::uint32_t v) {
    return le16(v & 0xFFFF) + le16(v >> 16);
}

std::string png(std::uint32_t w, std::uint32_t h) {
    // Signature, IHDR chunk (length 13): width, height, depth 8, colour type 6, 3 zero bytes, CRC.
    return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
           std::string("\x08\x06\x00\x00\x00", 5) + be32(0);
}

std::string jpeg_segment(unsigned marker, const std::string& payload) {
    return std::string{char(0xFF), char(marker)} + be16(unsigned(payload.size() + 2)) + payload;
}

// SOI, APP0 (JFIF), DHT, then a start-of-frame segment with the given marker and size.
std::string jpeg(unsigned w, unsigned h, unsigned sof = 0xC0) {
    return std::string("\xFF\xD8", 2) + jpeg_segment(0xE0, std::string("JFIF\0\x01\x01", 7)) +
           jpeg_segment(0xC4, std::string(20, '\x01')) +
           jpeg_segment(sof, std::string("\x08", 1) + be16(h) + be16(w) + "\x03" +
                                 std::string(9, '\x11'));
}

std::string riff(const std::string& fourcc, const std::string& data) {
    const std::string chunk = fourcc + le32(std::uint32_t(data.size())) + data;
    return "RIFF" + le32(std::uint32_t(chunk.size() + 4)) + "WEBP" + chunk;
}

std::string webp_lossy(unsigned w, unsigned h) {
    return riff("VP8 ", std::string("\x10\x02\x00\x9D\x01\x2A", 6) + le16(w) + le16(h) +
                            std::string(8, '\0'));
}

std::string webp_lossless(unsigned w, unsigned h) {
    return riff("VP8L", "\x2F" + le32((w - 1) | (h - 1) << 14) + std::string(8, '\0'));
}

std::string webp_extended(std::uint32_t w, std::uint32_t h) {
    return riff("VP8X", std::string("\x10\0\0\0", 4) + le24(w - 1) + le24(h - 1));
}

void check_size(const std::optional<ImageHeader>& h, ImageFormat format, int w, int h_px) {
    REQUIRE(h.has_value());
    CHECK(h->format == format);
    CHECK(h->size == Size{w, h_px});
}

} // namespace

TEST_CASE("image header: PNG size from IHDR") {
    check_size(parse_image_header(png(640, 480)), ImageFormat::png, 640, 480);
    check_size(parse_image_header(png(1, 1)), ImageFormat::png, 1, 1);
}

TEST_CASE("image header: PNG truncated or invalid") {
    const std::string full = png(640, 480);
    CHECK_FALSE(parse_image_header(full.substr(0, 23)));
    CHECK_FALSE(parse_image_header(full.substr(0, 8)));
    CHECK_FALSE(parse_image_header(png(0, 480)));
    CHECK_FALSE(parse_image_header(png(0x80000000u, 1))); // beyond PNG's 2^31-1 limit
    std::string not_ihdr = full;
    not_ihdr.replace(12, 4, "IDAT");
    CHECK_FALSE(parse_image_header(not_ihdr));
}

TEST_CASE("image header: decode limits") {
    const auto huge = parse_image_header(png(30000, 30000));
    check_size(huge, ImageFormat::png, 30000, 30000);
    CHECK_FALSE(within_decode_limits(*huge));
    CHECK(within_decode_limits(*parse_image_header(png(1920, 1080))));
    CHECK(within_decode_limits(*parse_image_header(png(16384, 4096)))); // exactly 64 Mpx
    CHECK(within_decode_limits(*parse_image_header(png(8192, 8192))));  // exactly 64 Mpx
    CHECK_FALSE(within_decode_limits(*parse_image_header(png(8192, 8193))));
    CHECK_FALSE(within_decode_limits(*parse_image_header(png(16385, 1)))); // side too long
    CHECK_FALSE(within_decode_limits(*parse_image_header(png(1, 16385))));
    CHECK_FALSE(within_decode_limits(*parse_image_header(webp_extended(20000, 100))));
    CHECK(within_decode_limits(ImageHeader{ImageFormat::svg, Size{100000, 100000}}));
}

TEST_CASE("image header: JPEG walks markers to the frame header") {
    check_size(parse_image_header(jpeg(1920, 1080)), ImageFormat::jpeg, 1920, 1080);
    // Progressive (SOF2) and the last SOF marker (SOF15).
    check_size(parse_image_header(jpeg(800, 600, 0xC2)), ImageFormat::jpeg, 800, 600);
    check_size(parse_image_header(jpeg(3, 5, 0xCF)), ImageFormat::jpeg, 3, 5);
    // Fill bytes before a marker are allowed.
    std::string filled = jpeg(64, 32);
    filled.insert(2, "\xFF\xFF", 2);
    check_size(parse_image_header(filled), ImageFormat::jpeg, 64, 32);
    // DAC (CC) lies in the SOF range but carries no size.
    const std::string dac = std::string("\xFF\xD8", 2) +
                            jpeg_segment(0xCC, std::string("\x00\x10\x00\x20", 4)) +
                            jpeg(10, 20).substr(2);
    check_size(parse_image_header(dac), ImageFormat::jpeg, 10, 20);
}

TEST_CASE("image header: JPEG truncated or without a frame") {
    const std::string full = jpeg(1920, 1080);
    const std::size_t lengths[] = {3, 4, 10, 30, full.size() - 12};
    for (std::size_t n : lengths) {
        CAPTURE(n);
        CHECK_FALSE(parse_image_header(full.substr(0, n)));
    }
    // Start of scan before any frame header.
    const std::string scan_first =
        std::string("\xFF\xD8", 2) + jpeg_segment(0xDA, std::string(10, '\0')) + full.substr(2);
    CHECK_FALSE(parse_image_header(scan_first));
    // A segment not starting with FF.
    CHECK_FALSE(parse_image_header(std::string("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\x12\x34", 10)));
    // Length smaller than the length field itself.
    CHECK_FALSE(parse_image_header(std::string("\xFF\xD8\xFF\xE0\x00\x01", 6)));
    // Zero height (defined later by a DNL segment) is not usable.
    CHECK_FALSE(parse_image_header(jpeg(100, 0)));
}

TEST_CASE("image header: WebP lossy, lossless and extended") {
    check_size(parse_image_header(webp_lossy(400, 300)), ImageFormat::webp, 400, 300);
    check_size(parse_image_header(webp_lossless(1, 16384)), ImageFormat::webp, 1, 16384);
    check_size(parse_image_header(webp_lossless(1024, 768)), ImageFormat::webp, 1024, 768);
    check_size(parse_image_header(webp_extended(20000, 100)), ImageFormat::webp, 20000, 100);
    check_size(parse_image_header(webp_extended(1 << 24, 1)), ImageFormat::webp, 1 << 24, 1);
}

TEST_CASE("image header: WebP truncated or invalid") {
    for (const std::string& full :
         {webp_lossy(400, 300), webp_lossless(5, 6), webp_extended(7, 8)}) {
        CHECK(parse_image_header(full));
        for (std::size_t n = 0; n < 25; ++n) {
            CAPTURE(n);
            CHECK_FALSE(parse_image_header(full.substr(0, n)));
        }
    }
    std::string bad_start = webp_lossy(400, 300);
    bad_start[23] = '\x00'; // start code 9D 01 2A broken
    CHECK_FALSE(parse_image_header(bad_start));
    std::string bad_signature = webp_lossless(5, 6);
    bad_signature[20] = '\x00';
    CHECK_FALSE(parse_image_header(bad_signature));
    CHECK_FALSE(parse_image_header(riff("ALPH", std::string(20, '\0'))));
    CHECK_FALSE(
        parse_image_header(std::string("RIFF\x24\0\0\0WAVEfmt ", 16) + std::string(20, '\0')));
}

TEST_CASE("image header: SVG width and height") {
    check_size(
        parse_image_header(R"(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px">)"),
        ImageFormat::svg, 120, 80);
    check_size(parse_image_header("<svg width='10.6' height = '20'/>"), ImageFormat::svg, 11, 20);
    // stroke-width is not width; units other than px fall back to the viewBox.
    check_size(parse_image_header(R"(<svg stroke-width="3" width="50%" viewBox="0 0 300 150">)"),
               ImageFormat::svg, 300, 150);
    check_size(parse_image_header(R"(<svg viewBox="-10,-10, 40.4 ,20">)"), ImageFormat::svg, 40,
               20);
    // One plain side and a viewBox: the other side follows the viewBox's aspect ratio.
    check_size(parse_image_header(R"(<svg width="200" viewBox="0 0 100 50">)"), ImageFormat::svg,
               200, 100);
    check_size(parse_image_header(R"(<svg height="30" viewBox="0 0 100 50">)"), ImageFormat::svg,
               60, 30);
    check_size(parse_image_header("<svg>"), ImageFormat::svg, 0, 0);
    check_size(parse_image_header(R"(<svg width="10cm" height="auto">)"), ImageFormat::svg, 0, 0);
}

TEST_CASE("image header: SVG sizes that are absurd are clamped, never negative") {
    // A tall viewBox and a width: the height would be 3e9 px (it became negative in an int).
    check_size(parse_image_header(R"(<svg width="300" viewBox="0 0 1 10000000">)"),
               ImageFormat::svg, 1, max_image_side);
    // A viewBox width that rounded to 0 divided by zero.
    check_size(parse_image_header(R"(<svg width="300" viewBox="0 0 0.2 100">)"), ImageFormat::svg,
               33, max_image_side);
    check_size(parse_image_header(R"(<svg height="100" viewBox="0 0 0.4 0.0001">)"),
               ImageFormat::svg, max_image_side, 4);
    check_size(parse_image_header(R"(<svg viewBox="0 0 0.3 0.2">)"), ImageFormat::svg, 1, 1);
    // Huge declared sizes keep their aspect ratio within max_image_side.
    check_size(parse_image_header(R"(<svg width="20000" height="20000">)"), ImageFormat::svg,
               max_image_side, max_image_side);
    check_size(parse_image_header(R"(<svg width="40000" height="20000">)"), ImageFormat::svg,
               max_image_side, max_image_side / 2);
    check_size(parse_image_header(R"(<svg viewBox="0 0 999999999999 1">)"), ImageFormat::svg,
               max_image_side, 1);
}

TEST_CASE("image header: SVG sizes that are unusable count as absent") {
    // Zero, negative and non-finite (400 digits overflow to infinity) sizes: no size (0x0);
    // the picture is then rasterised from its content at a bounded size.
    const std::string huge(400, '9');
    const std::vector<std::string> tags = {R"(<svg width="0" height="10">)",
                                           R"(<svg width="-5" height="10">)",
                                           R"(<svg viewBox="0 0 0 100">)",
                                           R"(<svg viewBox="0 0 -10 100">)",
                                           R"(<svg width="300" viewBox="0 0 0 100">)",
                                           R"(<svg viewBox="0 0 10">)",
                                           "<svg width=\"" + huge + "\" height=\"10\">",
                                           "<svg viewBox=\"0 0 " + huge + " 1\">",
                                           "<svg width=\"1e999\" height=\"1\">",
                                           R"(<svg width="nan" height="inf">)"};
    for (const std::string& tag : tags) {
        CAPTURE(tag);
        check_size(parse_image_header(tag), ImageFormat::svg, 0, 0);
    }
    // A usable width with an unusable viewBox still gives no size: the other side is unknown.
    check_size(parse_image_header("<svg width=\"300\" viewBox=\"0 0 1 " + huge + "\">"),
               ImageFormat::svg, 0, 0);
    CHECK(within_decode_limits(*parse_image_header("<svg>")));
}

TEST_CASE("image header: SVG after BOM, XML declaration, comments and doctype") {
    const std::string svg = "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<!-- Created with Inkscape -->\n"
                            "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\" [\n"
                            "  <!ENTITY ns \"http://x\">\n]>\n"
                            "  \t\r\n<svg\n  width=\"64\"\n  height=\"48\">\n<rect/></svg>\n";
    check_size(parse_image_header(svg), ImageFormat::svg, 64, 48);
}

TEST_CASE("image header: text that is not SVG") {
    CHECK_FALSE(parse_image_header(""));
    CHECK_FALSE(parse_image_header("hello <svg width=\"1\">"));
    CHECK_FALSE(parse_image_header("<html><svg width=\"1\"></html>"));
    CHECK_FALSE(parse_image_header("<svgfoo width=\"1\">"));
    CHECK_FALSE(parse_image_header("<?xml version=\"1.0\"?><note/>"));
    CHECK_FALSE(parse_image_header("<?xml version=\"1.0\"")); // declaration not closed
    CHECK_FALSE(parse_image_header("<!-- never closed <svg>"));
    CHECK_FALSE(parse_image_header("<svg width=\"100\" height=\"100\"")); // start tag truncated
    CHECK_FALSE(parse_image_header("title = \"La chimiothérapie\"\n"));
}

TEST_CASE("image header: garbage bytes") {
    std::mt19937 random(42);
    for (int i = 0; i < 200; ++i) {
        std::string bytes(static_cast<std::size_t>(random() % 64), '\0');
        for (auto& c : bytes)
            c = static_cast<char>(random());
        CAPTURE(i);
        CHECK_FALSE(parse_image_header(bytes));
    }
    CHECK_FALSE(parse_image_header(std::string("\x89PNG", 4)));
    CHECK_FALSE(parse_image_header(std::string("\xFF\xD8", 2)));
    CHECK_FALSE(parse_image_header("GIF89a\x01\x00\x01\x00"));
}

TEST_CASE("image header: read from a file") {
    const affiche::testing::TempDir tmp("image-test");
    const std::string path = tmp.path("read");
    {
        std::ofstream out(path, std::ios::binary);
        out << png(320, 200) << std::string(1000, '\0');
    }
    check_size(read_image_header(path), ImageFormat::png, 320, 200);
    // A JPEG whose metadata segments push the frame header beyond the first 64 KiB.
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out << "\xFF\xD8";
        for (int i = 0; i < 3; ++i)
            out << jpeg_segment(0xE2, std::string(60000, 'x'));
        out << jpeg(123, 45).substr(2);
    }
    check_size(read_image_header(path), ImageFormat::jpeg, 123, 45);
    std::filesystem::remove(path);
    CHECK_FALSE(read_image_header(path));
}

TEST_CASE("png_complete: every chunk fits up to IEND, a file cut anywhere does not") {
    // Signature, IHDR (13 bytes of data), IDAT (2 bytes), IEND; CRCs are not checked here.
    std::string png("\x89PNG\r\n\x1a\n", 8);
    auto chunk = [&](const std::string& type, const std::string& data) {
        const auto n = static_cast<std::uint32_t>(data.size());
        png += std::string{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                           static_cast<char>(n >> 8), static_cast<char>(n)};
        png += type + data + std::string(4, '\0');
    };
    chunk("IHDR", std::string(13, '\1'));
    chunk("IDAT", "xy");
    chunk("IEND", "");
    CHECK(png_complete(png));
    for (std::size_t cut = 0; cut < png.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK_FALSE(png_complete(std::string_view(png).substr(0, cut)));
    }
    // A chunk length past the end (a corrupt length) is not complete either.
    std::string lying = png;
    lying[8 + 12 + 13 + 0] = '\x7f';
    CHECK_FALSE(png_complete(lying));
}
