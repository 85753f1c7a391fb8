// The manifest's text format (first version: stub, filled in next commit).
#include "sync/manifest.hpp"

namespace affiche {

std::string format_manifest(const Manifest&) {
    return {};
}
Result<Manifest> parse_manifest(std::string_view, const std::string& path) {
    return failure({path}, "not implemented yet");
}
Result<Manifest> read_manifest(const std::string& path) {
    return failure({path}, "not implemented yet");
}
std::string manifest_trusted_comment(const Manifest& m) {
    return "affiche-manifest sequence:" + std::to_string(m.sequence) + " revision:" + m.revision;
}
Result<Done> check_trusted_comment(const Manifest&, std::string_view, const std::string&) {
    return Done{};
}
std::string format_utc(std::int64_t) {
    return {};
}
Result<std::int64_t> parse_utc(std::string_view, const std::string& path, int line, int column) {
    return failure({path, line, column}, "not implemented yet");
}
Result<std::int64_t> parse_duration_seconds(std::string_view) {
    return failure({}, "not implemented yet");
}

} // namespace affiche
