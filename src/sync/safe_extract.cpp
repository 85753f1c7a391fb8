// Safe extraction of deck archives (first version: stub, filled in next commit).
#include "sync/safe_extract.hpp"

namespace affiche {

Result<ExtractReport> extract_archive(const std::string& archive_path, const std::string&,
                                      const ExtractLimits&) {
    return failure({archive_path}, "not implemented yet");
}

} // namespace affiche
