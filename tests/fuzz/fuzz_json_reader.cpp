// libFuzzer harness: parse_json on arbitrary bytes (a studio's answer from the network, the
// player's status file) never crashes nor recurses without bound; what the sync reads from an
// accepted document (parse_player_view) never crashes either, and a refused one is "not known".
#include "base/json_reader.hpp"
#include "sync/screen_report.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto doc = affiche::parse_json(bytes);
    const affiche::PlayerView view = affiche::parse_player_view(bytes);
    const bool object = doc && doc->type == affiche::JsonValue::Type::object;
    if (view.known != object) std::abort();
    if (object) (void)doc->string_at("state");
    return 0;
}
