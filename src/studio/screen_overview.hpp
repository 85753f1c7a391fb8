// What the Écrans page and /metrics say of each screen: its last good report against the
// published revision ("late since"), and silence during the deck's opening hours.
#pragma once

#include "deck/deck.hpp"
#include "studio/screen_store.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

// A screen silent this long while the practice is open is shown in red (seconds); the same span
// makes "seen in the last 5 minutes" and "late" (not on the published revision 5 minutes after).
inline constexpr std::int64_t screen_silence_s = 5 * 60;

struct ScreensContext {
    std::int64_t now = 0;
    std::optional<std::string> published_revision;
    std::int64_t published_at = 0;
    OpeningHours hours; // not set: always open
};

struct ScreenView {
    const ScreenRow* row = nullptr;
    std::optional<std::int64_t> late_since; // on another revision than the published one since
    bool silent = false;                    // no report for 5 minutes of opening hours
    bool seen_recently = false;             // a report in the last 5 minutes
};

ScreenView view_of(const ScreenRow& row, const ScreensContext& context);

// GET /api/screens's body.
nlohmann::json screens_json(const std::vector<ScreenRow>& rows, const ScreensContext& context,
                            const std::map<std::string, std::int64_t>& unattributed);

// GET /metrics's body (Prometheus text format 0.0.4).
std::string screens_metrics(const std::vector<ScreenRow>& rows, const ScreensContext& context,
                            const std::map<std::string, std::int64_t>& unattributed);

} // namespace affiche
