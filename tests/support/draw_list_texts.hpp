// Test support: the text runs of a DrawList, in drawing order.
#pragma once

#include "layout/draw_list.hpp"

#include <variant>
#include <vector>

namespace affiche::testing {

inline std::vector<DrawText> texts_of(const DrawList& l) {
    std::vector<DrawText> out;
    for (const auto& item : l.items) {
        if (const auto* t = std::get_if<DrawText>(&item)) out.push_back(*t);
    }
    return out;
}

} // namespace affiche::testing
