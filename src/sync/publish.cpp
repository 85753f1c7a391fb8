// Publishing a deck (first version: stub, filled in next commit).
#include "sync/publish.hpp"

#include <cstdlib>

namespace affiche {

Result<PublishReport> publish(const PublishOptions& options) {
    return failure({options.content_dir}, "not implemented yet");
}

std::optional<std::string> password_from_environment() {
    const char* p = std::getenv(key_password_env);
    if (!p) return std::nullopt;
    return std::string(p);
}

} // namespace affiche
