// Test helper for the service tests: a unique folder under the temp directory, removed at the end.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace affiche::testing {

class TempDir {
  public:
    explicit TempDir(const std::string& tag) {
        static int counter = 0;
        std::random_device random;
        dir_ =
            (std::filesystem::temp_directory_path() /
             ("affiche-" + tag + "-" + std::to_string(random()) + "-" + std::to_string(++counter)))
                .string();
        std::filesystem::create_directories(dir_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& dir() const { return dir_; }
    std::string path(const std::string& relative) const { return dir_ + "/" + relative; }
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
    }

  private:
    std::string dir_;
};

} // namespace affiche::testing
