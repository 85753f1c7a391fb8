// gettext set-up: the catalogue folder (build or install) and the messages' locale.
#include "app/translations.hpp"

#include <libintl.h>

#include <clocale>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace affiche {

namespace {
constexpr const char* text_domain = "affiche";

// The language the environment asks for messages in, as POSIX orders it: "fr_FR.UTF-8" ->
// "fr_FR"; "" when none or C/POSIX.
std::string wanted_language() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(name);
        if (!v || !*v) continue;
        const std::string value = v;
        const std::string lang = value.substr(0, value.find_first_of(".@"));
        return lang == "C" || lang == "POSIX" ? "" : lang;
    }
    return "";
}
} // namespace

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
    if (!std::setlocale(LC_MESSAGES, "")) {
        // The locale asked for is not generated on this machine (Raspberry Pi OS generates only
        // en_GB): gettext would fall back to English. The catalogue does not need the locale's
        // data, only its language: ask for it through LANGUAGE, which glibc honours under
        // C.UTF-8. A LANGUAGE the user set is kept.
        const std::string lang = wanted_language();
        if (!lang.empty() && std::setlocale(LC_MESSAGES, "C.UTF-8"))
            setenv("LANGUAGE", lang.c_str(), 0);
    }
    bindtextdomain(text_domain, locale_dir().c_str());
    bind_textdomain_codeset(text_domain, "UTF-8");
}

} // namespace affiche
