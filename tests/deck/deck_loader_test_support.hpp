// Helpers for the deck loader's tests (and the schedule keys' through it): a content folder to write slides into, and diagnostics
// expected at path:line:column, failures naming the test's line.
#pragma once

#include "deck/deck_loader.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace affiche::testing {

// A content folder (slides/, images/, fonts/) under the temp directory, removed at the end.
class TempDeck : public TempDir {
  public:
    TempDeck() : TempDir("loader-test") {
        for (const char* sub : {"slides", "images", "fonts"})
            std::filesystem::create_directories(dir() / sub);
    }
    LoadResult load() const { return load_deck(dir().string()); }
};

inline std::string be32(std::uint32_t v) {
    return {char(v >> 24 & 0xFF), char(v >> 16 & 0xFF), char(v >> 8 & 0xFF), char(v & 0xFF)};
}

// The first bytes of a w x h RGBA PNG: enough for the header reader.
inline std::string png(std::uint32_t w, std::uint32_t h) {
    return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + be32(w) + be32(h) +
           std::string("\x08\x06\x00\x00\x00", 5) + be32(0);
}

inline std::string describe(const Diagnostics& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics)
        out += format_diagnostic(d) + "\n";
    return out;
}

// The diagnostic at path:line:column whose message contains part (and whose hint contains hint);
// fails (naming the caller's line) when there is none.
inline Diagnostic expect_diagnostic(const LoadResult& result, Severity severity,
                                    const std::string& path, int line, int column, int caller_line,
                                    std::string_view part, std::string_view hint = {}) {
    INFO("expected by test line " << caller_line << ": " << path << ":" << line << ":" << column
                                  << ": " << part);
    INFO("got:\n" << describe(result.diagnostics));
    const auto it = std::find_if(
        result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == severity && d.loc.path == path && d.loc.line == line &&
                   d.loc.column == column && d.message.find(part) != std::string::npos &&
                   d.hint.find(hint) != std::string::npos;
        });
    CHECK(it != result.diagnostics.end());
    return it != result.diagnostics.end() ? *it : Diagnostic{};
}

// EXPECT_ERROR(result, path, line, column, part [, hint]), and the same for warnings and notes.
#define EXPECT_ERROR(result, path, line, column, ...)                                              \
    expect_diagnostic(result, Severity::error, path, line, column, __LINE__, __VA_ARGS__)
#define EXPECT_WARNING(result, path, line, column, ...)                                            \
    expect_diagnostic(result, Severity::warning, path, line, column, __LINE__, __VA_ARGS__)
#define EXPECT_NOTE(result, path, line, column, ...)                                               \
    expect_diagnostic(result, Severity::note, path, line, column, __LINE__, __VA_ARGS__)

// Fails (naming the caller's line) unless the deck loaded.
inline const Deck& expect_loaded(const LoadResult& result, int caller_line) {
    INFO("expected a loaded deck, test line " << caller_line);
    INFO("got:\n" << describe(result.diagnostics));
    REQUIRE(result.deck.has_value());
    CHECK_FALSE(has_errors(result.diagnostics));
    return *result.deck;
}

#define EXPECT_LOADED(result) expect_loaded(result, __LINE__)

inline std::vector<std::string> ids(const Deck& deck) {
    std::vector<std::string> out;
    for (const auto& s : deck.slides)
        out.push_back(s.id);
    return out;
}

} // namespace affiche::testing
