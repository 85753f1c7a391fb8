// "Did you mean ...?": edit distance and the closest of a few candidate names.
#include "base/suggestions.hpp"

#include "base/i18n.hpp"

#include <algorithm>
#include <numeric>
#include <vector>

namespace affiche {

int edit_distance(std::string_view a, std::string_view b, int stop_above) {
    // Three rows of the optimal string alignment table: i-2, i-1 and i.
    const std::size_t n = b.size();
    std::vector<int> before(n + 1), previous(n + 1), current(n + 1);
    std::iota(previous.begin(), previous.end(), 0);
    int previous_min = 0; // minimum of the row before
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        int row_min = current[0];
        for (std::size_t j = 1; j <= n; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_min = std::min(row_min, current[j]);
        }
        // Every later cell comes from this row (cost >= 0) or, by a transposition, from the row
        // before (cost 1): none can get below min(row_min, previous_min + 1).
        if (std::min(row_min, previous_min + 1) > stop_above) return stop_above + 1;
        previous_min = row_min;
        before.swap(previous);
        previous.swap(current);
    }
    return previous[n];
}

std::string_view closest_match(std::string_view word, KeyList candidates) {
    if (word.size() > max_suggested_length) return {};
    // Two edits at most, and fewer than the word's length so "x" does not suggest "id".
    const int limit = std::min(2, static_cast<int>(word.size()) - 1);
    std::string_view best;
    int best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        // The distance is at least the difference in length.
        const auto gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                        : candidate.size() - word.size();
        if (static_cast<int>(std::min<std::size_t>(gap, 3)) >= best_distance) continue;
        const int d = edit_distance(word, candidate, best_distance - 1);
        if (d < best_distance) {
            best = candidate;
            best_distance = d;
        }
    }
    return best;
}

std::string joined(KeyList items, std::string_view quote) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += std::string(quote) + std::string(item) + std::string(quote);
    }
    return out;
}

std::string suggestion(std::string_view word, KeyList candidates, std::string_view allowed_label) {
    const std::string_view best = closest_match(word, candidates);
    if (!best.empty()) return trf("did you mean '{1}'?", {best});
    return std::string(allowed_label) + ": " + joined(candidates, "");
}

} // namespace affiche
