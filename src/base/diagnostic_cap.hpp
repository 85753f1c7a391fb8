// Bounds a report: a problem repeated thousands of times is shown a few times, then counted.
#pragma once

#include "base/error.hpp"

#include <cstddef>

namespace affiche {

inline constexpr std::size_t max_similar_diagnostics = 20;

// Keeps the first max_each diagnostics of each kind (same severity and message once quoted names
// and numbers are left out) and ends with one note per kind that was cut, giving the count.
void cap_similar(Diagnostics& ds, std::size_t max_each = max_similar_diagnostics);

} // namespace affiche
