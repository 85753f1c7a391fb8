// gettext set-up: the catalogue folder (build or install) and the messages' locale.
#include "app/translations.hpp"

#include <libintl.h>

#include <clocale>
#include <filesystem>
#include <system_error>

namespace affiche {

namespace {
constexpr const char* text_domain = "affiche";
}

std::string locale_dir() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path beside = exe.parent_path() / "locale";
        if (std::filesystem::is_directory(beside, ec)) return beside.string();
    }
    return AFFICHE_LOCALE_DIR;
}

void init_translations() {
    std::setlocale(LC_MESSAGES, "");
    bindtextdomain(text_domain, locale_dir().c_str());
    bind_textdomain_codeset(text_domain, "UTF-8");
}

} // namespace affiche
