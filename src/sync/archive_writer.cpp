// Deterministic deck archives through libarchive (first version: stub, filled in next commit).
#include "sync/archive_writer.hpp"

namespace affiche {

ArchiveCompression best_compression() {
    return {".tar.zst", true};
}

Result<PackReport> write_deck_archive(const std::string&, const std::vector<std::string>&,
                                      const std::vector<std::string>&, const std::string& out_path,
                                      const ArchiveCompression&, std::uint64_t) {
    return failure({out_path}, "not implemented yet");
}

} // namespace affiche
