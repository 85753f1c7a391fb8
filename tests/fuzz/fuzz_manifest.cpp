// libFuzzer harness: parse_manifest on arbitrary bytes never crashes, and what it accepts is sane
// and reads back the same once written by format_manifest.
#include "sync/manifest.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto m = affiche::parse_manifest(bytes, "manifest.toml");
    if (!m) {
        if (m.error().message.empty()) std::abort(); // every refusal says why
        return 0;
    }
    if (m->sequence < 1 || m->sequence > affiche::max_sequence) std::abort();
    if (m->revision.size() != 16 || m->sha256.size() != 64 || m->size < 1) std::abort();
    if (m->expires <= m->created || m->archive.empty() || m->archive[0] == '.') std::abort();
    if (m->archive.find('/') != std::string::npos) std::abort(); // a plain file name only
    const std::string text = affiche::format_manifest(*m);
    const auto again = affiche::parse_manifest(text, "manifest.toml");
    if (!again || affiche::format_manifest(*again) != text) std::abort();
    return 0;
}
