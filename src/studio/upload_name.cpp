// Makes an uploaded file's name safe to write under images/.
#include "studio/upload_name.hpp"

#include <array>

namespace affiche {

namespace {
constexpr std::array<std::string_view, 5> image_extensions = {"png", "jpg", "jpeg", "webp", "svg"};

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
} // namespace

std::optional<std::string> safe_upload_name(std::string_view given) {
    // The last part after any '/' or '\\' (Windows browsers may send a full path).
    const std::size_t slash = given.find_last_of("/\\");
    if (slash != std::string_view::npos) given.remove_prefix(slash + 1);
    const std::size_t dot = given.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext;
    for (char c : given.substr(dot + 1))
        ext += lower(c);
    bool known = false;
    for (auto e : image_extensions)
        known = known || ext == e;
    if (!known) return std::nullopt;
    std::string stem;
    for (char c : given.substr(0, dot)) {
        c = lower(c);
        const bool plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (plain)
            stem += c;
        else if (!stem.empty() && stem.back() != '-')
            stem += '-';
    }
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    if (stem.size() + ext.size() + 1 > max_upload_name)
        stem.resize(max_upload_name - ext.size() - 1);
    while (!stem.empty() && stem.back() == '-')
        stem.pop_back();
    if (stem.empty()) stem = "image";
    return stem + "." + ext;
}

} // namespace affiche
