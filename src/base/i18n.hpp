// Translated messages (GNU gettext, text domain "affiche"): tr() marks a message for xgettext and
// returns it in the user's language; format_text() fills its {1}, {2}... placeholders.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace affiche {

// The message in the language of LC_MESSAGES (LANG), or msgid itself when there is no catalogue
// or no translation: English is the default. Only the text is translated; the
// "path:line:col: error: " prefix of a diagnostic never is (format_diagnostic).
const char* tr(const char* msgid);
// The singular or plural form for n, in the user's language.
const char* trn(const char* singular, const char* plural, unsigned long n);

// pattern with each "{k}" (k = 1..9) replaced by the k-th of args. Placeholders, not pieces
// glued together, so a translator sees whole sentences and may reorder them.
std::string format_text(std::string_view pattern, std::initializer_list<std::string_view> args);

// Marks a message for xgettext without translating it yet: for tables of messages that are
// looked up later with tr().
constexpr const char* tr_noop(const char* msgid) {
    return msgid;
}

// format_text(tr(msgid), args): a translated message with its placeholders filled.
inline std::string trf(const char* msgid, std::initializer_list<std::string_view> args) {
    return format_text(tr(msgid), args);
}

} // namespace affiche
