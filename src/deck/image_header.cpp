// Image format and pixel size from a file's first bytes (PNG, JPEG, WebP, SVG), without decoding.
#include "deck/image_header.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <utility>

namespace affiche {

namespace {

std::uint32_t byte_at(std::string_view b, std::size_t i) {
    return static_cast<unsigned char>(b[i]);
}

std::uint32_t be16(std::string_view b, std::size_t i) {
    return byte_at(b, i) << 8 | byte_at(b, i + 1);
}

std::uint32_t be32(std::string_view b, std::size_t i) {
    return be16(b, i) << 16 | be16(b, i + 2);
}

std::uint32_t le16(std::string_view b, std::size_t i) {
    return byte_at(b, i) | byte_at(b, i + 1) << 8;
}

std::uint32_t le24(std::string_view b, std::size_t i) {
    return le16(b, i) | byte_at(b, i + 2) << 16;
}

std::uint32_t le32(std::string_view b, std::size_t i) {
    return le16(b, i) | le16(b, i + 2) << 16;
}

// A header with a zero or absurd (beyond int) side is not an image we can use.
std::optional<ImageHeader> sized(ImageFormat format, std::uint64_t w, std::uint64_t h) {
    constexpr auto int_max = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    if (w == 0 || h == 0 || w > int_max || h > int_max) return std::nullopt;
    return ImageHeader{format, Size{static_cast<int>(w), static_cast<int>(h)}};
}

std::optional<ImageHeader> parse_png(std::string_view b) {
    // Signature (8), IHDR length (4), "IHDR" (4), width (4, big-endian), height (4).
    if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
    return sized(ImageFormat::png, be32(b, 16), be32(b, 20));
}

} // namespace

bool png_complete(std::string_view b) {
    // Each chunk: length (4, big-endian), type (4), data (length), CRC (4).
    std::size_t at = 8;
    while (b.size() >= 12 && at <= b.size() - 12) {
        const std::uint64_t length = be32(b, at);
        if (length > b.size() - at - 12) return false;
        if (b.substr(at + 4, 4) == "IEND") return true;
        at += 12 + static_cast<std::size_t>(length);
    }
    return false;
}

namespace {

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
bool is_start_of_frame(std::uint32_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

std::optional<ImageHeader> parse_jpeg(std::string_view b) {
    std::size_t pos = 2; // after SOI (FF D8)
    while (pos + 1 < b.size()) {
        if (byte_at(b, pos) != 0xFF) return std::nullopt;
        const std::uint32_t marker = byte_at(b, pos + 1);
        if (marker == 0xFF) { // fill byte
            ++pos;
            continue;
        }
        pos += 2;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) continue; // no length field
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt; // EOI or scan before a frame
        if (pos + 2 > b.size()) return std::nullopt;
        const std::uint32_t length = be16(b, pos);
        if (length < 2) return std::nullopt;
        if (is_start_of_frame(marker)) {
            // length (2), precision (1), height (2), width (2)
            if (pos + 7 > b.size()) return std::nullopt;
            return sized(ImageFormat::jpeg, be16(b, pos + 5), be16(b, pos + 3));
        }
        pos += length;
    }
    return std::nullopt;
}

std::optional<ImageHeader> parse_webp(std::string_view b) {
    // "RIFF" size "WEBP", then the first chunk: fourcc (4), size (4), data.
    if (b.size() < 20) return std::nullopt;
    const std::string_view chunk = b.substr(12, 4);
    constexpr std::size_t data = 20;
    if (chunk == "VP8 ") {
        // Frame tag (3), start code 9D 01 2A, 14-bit width and height (little-endian).
        if (b.size() < data + 10 || b.substr(data + 3, 3) != "\x9D\x01\x2A") return std::nullopt;
        return sized(ImageFormat::webp, le16(b, data + 6) & 0x3FFF, le16(b, data + 8) & 0x3FFF);
    }
    if (chunk == "VP8L") {
        // Signature 0x2F, then 14 bits width-1 and 14 bits height-1.
        if (b.size() < data + 5 || byte_at(b, data) != 0x2F) return std::nullopt;
        const std::uint32_t bits = le32(b, data + 1);
        return sized(ImageFormat::webp, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
    }
    if (chunk == "VP8X") {
        // Flags (1), reserved (3), canvas width-1 (24 bits), canvas height-1 (24 bits).
        if (b.size() < data + 10) return std::nullopt;
        return sized(ImageFormat::webp, std::uint64_t{le24(b, data + 4)} + 1,
                     std::uint64_t{le24(b, data + 7)} + 1);
    }
    return std::nullopt;
}

// A usable SVG length: finite and positive (strtod turns 400 digits into infinity).
bool usable(double v) {
    return std::isfinite(v) && v > 0;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void skip_spaces(std::string_view b, std::size_t& pos) {
    while (pos < b.size() && is_space(b[pos]))
        ++pos;
}

// Skips "<?...?>", "<!--...-->" and "<!DOCTYPE ...[...]>" before the root element.
// False when such a construct is not closed within b.
bool skip_prolog(std::string_view b, std::size_t& pos) {
    for (;;) {
        skip_spaces(b, pos);
        const std::string_view rest = b.substr(pos);
        std::size_t end = std::string_view::npos;
        if (rest.starts_with("<?")) {
            end = rest.find("?>");
            if (end != std::string_view::npos) end += 2;
        } else if (rest.starts_with("<!--")) {
            end = rest.find("-->");
            if (end != std::string_view::npos) end += 3;
        } else if (rest.starts_with("<!")) {
            const std::size_t bracket = rest.find('[');
            const std::size_t close = rest.find('>');
            if (bracket != std::string_view::npos && bracket < close) {
                end = rest.find("]>", bracket);
                if (end == std::string_view::npos) end = rest.find(']', bracket);
                if (end != std::string_view::npos) end = rest.find('>', end);
            } else {
                end = close;
            }
            if (end != std::string_view::npos) end += 1;
        } else {
            return true;
        }
        if (end == std::string_view::npos) return false;
        pos += end;
    }
}

// Value of attribute name in the tag text "<svg a="1" b='2'>", or nullopt when absent.
std::optional<std::string_view> attribute(std::string_view tag, std::string_view name) {
    std::size_t pos = 0;
    while ((pos = tag.find(name, pos)) != std::string_view::npos) {
        const bool starts_word = pos > 0 && is_space(tag[pos - 1]);
        std::size_t p = pos + name.size();
        pos = p;
        if (!starts_word) continue;
        skip_spaces(tag, p);
        if (p >= tag.size() || tag[p] != '=') continue;
        ++p;
        skip_spaces(tag, p);
        if (p >= tag.size() || (tag[p] != '"' && tag[p] != '\'')) continue;
        const std::size_t close = tag.find(tag[p], p + 1);
        if (close == std::string_view::npos) return std::nullopt;
        return tag.substr(p + 1, close - p - 1);
    }
    return std::nullopt;
}

// Parses a non-negative number at the start of text; advances past it. nullopt when none.
std::optional<double> leading_number(std::string_view& text) {
    std::size_t i = 0;
    bool digits = false;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
        digits = digits || text[i] != '.';
        ++i;
    }
    if (!digits) return std::nullopt;
    const std::string number(text.substr(0, i));
    text.remove_prefix(i);
    char* end = nullptr;
    const double v = std::strtod(number.c_str(), &end);
    if (end != number.c_str() + number.size()) return std::nullopt;
    return v;
}

// "120", "120.5" or "120px" -> pixels; "50%", "10cm", "auto" -> nullopt.
std::optional<double> pixel_length(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    auto v = leading_number(text);
    if (!v || !(text.empty() || text == "px")) return std::nullopt;
    return v;
}

// The w and h of viewBox="min-x min-y w h" (separated by spaces and/or commas), when positive.
std::optional<std::pair<double, double>> view_box_size(std::string_view text) {
    double values[4] = {};
    for (double& v : values) {
        while (!text.empty() && (is_space(text.front()) || text.front() == ',')) {
            text.remove_prefix(1);
        }
        const bool negative = !text.empty() && text.front() == '-';
        if (negative) text.remove_prefix(1);
        const auto n = leading_number(text);
        if (!n) return std::nullopt;
        v = negative ? -*n : *n;
    }
    if (!usable(values[2]) || !usable(values[3])) return std::nullopt;
    return std::pair{values[2], values[3]};
}

// The pixel size of a w x h drawing, scaled down to max_image_side a side, each side at least
// 1 px; 0x0 when w or h is not a finite positive number (the product or quotient of two valid
// sizes may not be).
Size svg_pixels(double w, double h) {
    if (!usable(w) || !usable(h)) return Size{};
    const double scale = std::min(1.0, max_image_side / std::max(w, h));
    const auto side = [scale](double v) {
        return static_cast<int>(std::clamp(std::round(v * scale), 1.0, double{max_image_side}));
    };
    return Size{side(w), side(h)};
}

// The size an SVG's start tag declares (width, height, viewBox), clamped by svg_pixels; 0x0 when
// it declares none that is usable: it is then drawn from its content's extent, at a bounded size.
Size svg_size(std::string_view tag) {
    auto px = [&](std::string_view name) -> std::optional<double> {
        const auto a = attribute(tag, name);
        if (!a) return std::nullopt;
        const auto v = pixel_length(*a);
        if (!v || !usable(*v)) return std::nullopt;
        return v;
    };
    const auto w = px("width");
    const auto h = px("height");
    const auto view_box = attribute(tag, "viewBox");
    const auto box = view_box ? view_box_size(*view_box) : std::nullopt;
    if (w && h) return svg_pixels(*w, *h);
    if (box && w) return svg_pixels(*w, *w * box->second / box->first);
    if (box && h) return svg_pixels(*h * box->first / box->second, *h);
    if (box) return svg_pixels(box->first, box->second);
    return Size{};
}

std::optional<ImageHeader> parse_svg(std::string_view b) {
    std::size_t pos = b.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    if (!skip_prolog(b, pos)) return std::nullopt;
    const std::string_view rest = b.substr(pos);
    if (!rest.starts_with("<svg") || rest.size() < 5) return std::nullopt;
    if (!is_space(rest[4]) && rest[4] != '>' && rest[4] != '/') return std::nullopt;
    const std::size_t close = rest.find('>');
    if (close == std::string_view::npos) return std::nullopt; // truncated start tag
    return ImageHeader{ImageFormat::svg, svg_size(rest.substr(0, close))};
}

std::string read_prefix(const std::string& path, std::size_t max_bytes, bool& more) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(max_bytes + 1, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    more = bytes.size() > max_bytes;
    if (more) bytes.resize(max_bytes);
    return bytes;
}

} // namespace

std::optional<ImageHeader> parse_image_header(std::string_view bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1A\n")) return parse_png(bytes);
    if (bytes.starts_with("\xFF\xD8\xFF")) return parse_jpeg(bytes);
    if (bytes.size() >= 12 && bytes.starts_with("RIFF") && bytes.substr(8, 4) == "WEBP") {
        return parse_webp(bytes);
    }
    return parse_svg(bytes);
}

std::optional<ImageHeader> read_image_header(const std::string& path) {
    constexpr std::size_t first_read = std::size_t{64} * 1024;
    bool more = false;
    const std::string bytes = read_prefix(path, first_read, more);
    auto header = parse_image_header(bytes);
    // A JPEG may carry large EXIF or ICC segments before its frame header: look further.
    if (!header && more && std::string_view(bytes).starts_with("\xFF\xD8\xFF")) {
        header = parse_image_header(read_prefix(path, std::size_t{4} * 1024 * 1024, more));
    }
    return header;
}

bool within_decode_limits(const ImageHeader& h) {
    if (h.format == ImageFormat::svg) return true;
    return h.size.w > 0 && h.size.h > 0 && h.size.w <= max_image_side &&
           h.size.h <= max_image_side &&
           static_cast<long long>(h.size.w) * h.size.h <= max_image_pixels;
}

} // namespace affiche
