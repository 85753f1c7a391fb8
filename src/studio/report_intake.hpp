// POST /api/screens/report's decision, apart from HTTP: size, JSON, signature, then the store's
// verdict (pending, accepted, refused), each refusal counted for its screen and kind.
#pragma once

#include "studio/screen_store.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace affiche {

struct IntakeAnswer {
    int status = 200;
    nlohmann::json body; // {"state": ...} or {"error": ...}
};

// body: the bytes received, at most max_report_bytes + 1 (more than max_report_bytes: 413).
// signature: the X-Affiche-Signature header.
IntakeAnswer take_report(ScreenStore& store, std::string_view body, std::string_view signature,
                         std::int64_t now);

} // namespace affiche
