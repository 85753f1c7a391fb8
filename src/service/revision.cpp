// deck_revision: XXH3 streamed over the sorted file list, one fixed read buffer.
#include "service/revision.hpp"

#include "core/deck_loader.hpp"

#include <xxhash.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace affiche {

namespace {

namespace fs = std::filesystem;

// Relative paths ("images/logo.png") of the non-ignored regular files under content/sub.
void list_files(const fs::path& content, const char* sub, std::vector<std::string>& out) {
    std::error_code ec;
    const fs::path top = content / sub;
    if (!fs::is_directory(top, ec)) return;
    fs::recursive_directory_iterator it(top, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        if (is_ignored_file_name(entry.path().filename().string())) {
            if (entry.is_directory(ec)) it.disable_recursion_pending(); // .git, .cache, ...
            continue;
        }
        if (entry.is_regular_file(ec)) {
            out.push_back((fs::path(sub) / entry.path().lexically_relative(top)).generic_string());
        }
    }
}

// 64-bit digest of a file's bytes; a distinct marker when it cannot be read (vanished, denied).
XXH64_hash_t hash_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return XXH3_64bits("\0unreadable", 11);
    XXH3_state_t* state = XXH3_createState();
    if (!state) return 0;
    XXH3_64bits_reset(state);
    std::array<char, std::size_t{64} * 1024> buffer;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize got = in.gcount();
        if (got > 0) XXH3_64bits_update(state, buffer.data(), static_cast<std::size_t>(got));
    }
    const XXH64_hash_t digest = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    return digest;
}

} // namespace

std::string deck_revision(const std::string& content_dir) {
    XXH3_state_t* state = XXH3_createState();
    if (!state) return "0000000000000000";
    XXH3_64bits_reset(state);
    try {
        std::vector<std::string> files;
        const fs::path content(content_dir); // "content/slides" follows a content symlink
        for (const char* sub : {"slides", "images", "fonts"})
            list_files(content, sub, files);
        std::sort(files.begin(), files.end());
        for (const std::string& relative : files) {
            // path, NUL, then the file's own digest: no two file lists hash the same stream.
            const XXH64_hash_t digest = hash_file(content / relative);
            unsigned char bytes[8];
            for (int i = 0; i < 8; ++i)
                bytes[i] = static_cast<unsigned char>(digest >> (8 * i));
            XXH3_64bits_update(state, relative.data(), relative.size() + 1); // with the NUL
            XXH3_64bits_update(state, bytes, sizeof bytes);
        }
    } catch (...) {
        // Out of memory or a filesystem error thrown anyway: the hash of what was read so far.
    }
    const XXH64_hash_t digest = XXH3_64bits_digest(state);
    XXH3_freeState(state);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(digest));
    return hex;
}

} // namespace affiche
