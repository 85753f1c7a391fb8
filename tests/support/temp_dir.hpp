// Test support: a fresh folder under the temp directory (mkdtemp), removed when the test ends.
#pragma once

#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace affiche::testing {

// Unique per call, in this process and across processes running at the same time (mkdtemp picks
// the name), so one test may hold several and parallel test runs never share one.
class TempDir {
  public:
    explicit TempDir(const std::string& tag) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / ("affiche-" + tag + "-XXXXXX")).string();
        REQUIRE_MESSAGE(mkdtemp(pattern.data()) != nullptr, pattern);
        dir_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& dir() const { return dir_; }
    // The path of relative inside the folder, as text (most callers pass it to a C API).
    std::string path(const std::string& relative) const { return (dir_ / relative).string(); }
    // Writes (creating folders as needed) relative to the temp folder.
    void write(const std::string& relative, std::string_view content) const {
        write_at(path(relative), content);
    }
    // The same at an absolute path.
    static void write_at(const std::string& absolute, std::string_view content) {
        const std::filesystem::path p = absolute;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        REQUIRE_MESSAGE(out.good(), p.string());
    }

  private:
    std::filesystem::path dir_;
};

} // namespace affiche::testing
