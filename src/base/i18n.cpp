// gettext look-ups in the "affiche" domain and placeholder filling.
#include "base/i18n.hpp"

#include <libintl.h>

#include <vector>

namespace affiche {

namespace {
constexpr const char* text_domain = "affiche";
}

const char* tr(const char* msgid) {
    return dgettext(text_domain, msgid);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    return dngettext(text_domain, singular, plural, n);
}

std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> values(args);
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const bool placeholder = pattern[i] == '{' && i + 2 < pattern.size() &&
                                 pattern[i + 1] >= '1' && pattern[i + 1] <= '9' &&
                                 pattern[i + 2] == '}';
        const std::size_t k = placeholder ? static_cast<std::size_t>(pattern[i + 1] - '1') : 0;
        if (placeholder && k < values.size()) {
            out += values[k];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

} // namespace affiche
