// deck_revision: XXH3 streamed over the deck's sorted file list, one fixed read buffer.
#include "service/revision.hpp"

#include "base/file_digest.hpp"
#include "base/file_read.hpp"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>

namespace affiche {

namespace {

std::uint64_t limit_for(const std::string& relative) {
    if (relative.starts_with("images/")) return max_image_bytes;
    if (relative.starts_with("fonts/")) return max_font_bytes;
    return max_toml_bytes;
}

// Digest of a file's bytes; the unreadable marker when it cannot be read (vanished, denied, not
// a regular file, over its size limit).
std::uint64_t hash_file(const std::string& path, std::uint64_t max_bytes, Links links) {
    OpenedFile f = open_regular_file(path, max_bytes, links);
    if (!f.ok()) return unreadable_digest();
    Digest digest;
    std::array<char, std::size_t{64} * 1024> buffer;
    std::uint64_t total = 0;
    for (;;) {
        const ssize_t n = ::read(f.fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return unreadable_digest();
        if (n == 0) break;
        total += static_cast<std::uint64_t>(n);
        if (total > max_bytes) return unreadable_digest(); // grew past the limit meanwhile
        digest.update(buffer.data(), static_cast<std::size_t>(n));
    }
    return digest.value();
}

// The revision of content; files the snapshot did not read are opened as links says.
std::string revision_of(const ContentSnapshot& content, Links links) {
    std::uint64_t value = 0;
    try {
        Digest all;
        for (const std::string& relative : content.listing().files) {
            const std::string path = content.dir() + "/" + relative;
            const auto known = content.digest(path);
            const std::uint64_t digest =
                known ? *known : hash_file(path, limit_for(relative), links);
            // path, NUL, then the file's own digest: no two file lists hash the same stream.
            unsigned char bytes[8];
            for (int i = 0; i < 8; ++i)
                bytes[i] = static_cast<unsigned char>(digest >> (8 * i));
            all.update(relative.data(), relative.size() + 1); // with the NUL
            all.update(bytes, sizeof bytes);
        }
        value = all.value();
    } catch (...) {
        // Out of memory: a revision of zeros says "unknown" rather than ending the reload.
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(value));
    return hex;
}

} // namespace

std::string deck_revision(const ContentSnapshot& content) {
    return revision_of(content, Links::follow);
}

std::string deck_revision(const std::string& content_dir, Links files) {
    try {
        return revision_of(ContentSnapshot(content_dir), files);
    } catch (...) {
        return "0000000000000000"; // out of memory while listing: "unknown", as above
    }
}

} // namespace affiche
