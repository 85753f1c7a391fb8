// Theme fonts a deck names but does not carry, found among the fonts Debian packages install.
#include "deck/system_fonts.hpp"

#include <sys/stat.h>

namespace affiche {

const std::vector<std::string>& system_font_dirs() {
    static const std::vector<std::string> dirs{"/usr/share/fonts/truetype/noto",
                                               "/usr/share/fonts/truetype/dejavu"};
    return dirs;
}

std::string system_font_for(const std::string& fonts_dir, std::string_view name,
                            const std::vector<std::string>& dirs) {
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos) {
        return "";
    }
    const std::string file(name);
    struct stat st {};
    // lstat: a broken link or a FIFO in fonts/ is the deck's, and the loader says what is wrong.
    if (::lstat((fonts_dir + "/" + file).c_str(), &st) == 0) return "";
    for (const std::string& dir : dirs) {
        const std::string path = dir + "/" + file;
        if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return path;
    }
    return "";
}

} // namespace affiche
