// libFuzzer harness: parse_sync_state on arbitrary bytes never crashes; an accepted state has a
// sequence a manifest may carry, and what format_sync_state writes of it reads back the same
// (the sync never writes a state it would refuse at the next pass).
#include "sync/manifest.hpp"
#include "sync/sync_state.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto s = affiche::parse_sync_state(bytes, "sync.state");
    if (!s) {
        if (s.error().message.empty()) std::abort();
        return 0;
    }
    if (s->sequence < 0 || s->sequence > affiche::max_sequence) std::abort();
    const std::string text = affiche::format_sync_state(*s);
    const auto again = affiche::parse_sync_state(text, "sync.state");
    if (!again || affiche::format_sync_state(*again) != text) std::abort();
    return 0;
}
