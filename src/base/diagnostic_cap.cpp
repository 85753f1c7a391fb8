// Bounds a report: a problem repeated thousands of times is shown a few times, then counted.
#include "base/diagnostic_cap.hpp"

#include "base/i18n.hpp"

#include <map>
#include <string>

namespace affiche {

namespace {

// The message with its quoted parts and digits removed: "image '' not found in images/".
std::string kind_of(const Diagnostic& d) {
    std::string kind(1, static_cast<char>('0' + static_cast<int>(d.severity)));
    char quote = 0;
    for (const char c : d.message) {
        if (quote) {
            if (c == quote) {
                kind += c;
                quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            kind += c;
            quote = c;
        } else if (c < '0' || c > '9') {
            kind += c;
        }
    }
    return kind;
}

struct Cut {
    std::size_t first_kept = 0; // index of the first diagnostic of the kind
    std::size_t seen = 0;
};

} // namespace

void cap_similar(Diagnostics& ds, std::size_t max_each) {
    std::map<std::string, Cut> kinds;
    Diagnostics kept;
    for (std::size_t i = 0; i < ds.size(); ++i) {
        auto [it, added] = kinds.try_emplace(kind_of(ds[i]), Cut{kept.size(), 0});
        if (++it->second.seen <= max_each) kept.push_back(std::move(ds[i]));
    }
    for (const auto& [kind, cut] : kinds) {
        if (cut.seen <= max_each) continue;
        const Diagnostic& example = kept[cut.first_kept];
        kept.push_back({Severity::note, example.loc,
                        trf("{1} more like \"{2}\" not shown",
                            {std::to_string(cut.seen - max_each), example.message}),
                        ""});
    }
    ds = std::move(kept);
}

} // namespace affiche
