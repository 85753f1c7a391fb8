// Path containment: a name from a slide file must stay inside its folder.
#include "base/path_inside.hpp"

#include <algorithm>
#include <filesystem>

namespace affiche {

namespace fs = std::filesystem;

bool has_parent_reference(const std::string& name) {
    const fs::path p(name);
    return p.is_absolute() ||
           std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
}

bool resolves_inside(const std::string& path, const std::string& folder) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder, ec);
    if (ec) return false;
    const fs::path target = fs::weakly_canonical(path, ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
    return mismatch.first == base.end() && mismatch.second != target.end();
}

} // namespace affiche
