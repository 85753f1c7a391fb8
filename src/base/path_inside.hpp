// Path containment: a name from a slide file must stay inside its folder (images/, fonts/).
#pragma once

#include <string>

namespace affiche {

// True for an absolute name or one with a ".." part: it could leave the folder.
bool has_parent_reference(const std::string& name);

// True when path, with symbolic links resolved, lies strictly inside folder.
bool resolves_inside(const std::string& path, const std::string& folder);

} // namespace affiche
