// The "language not shown" note, built once per language: the shipped deck's five Arabic files
// made five notes before.
#include "deck/language_notes.hpp"

#include "base/i18n.hpp"
#include "base/utf8.hpp"

namespace affiche {

Diagnostic language_not_shown_note(std::string_view lang, const std::vector<std::string>& shown,
                                   SourceLoc loc, int more_files) {
    std::string list;
    for (const auto& l : shown)
        list += (list.empty() ? "\"" : ", \"") + l + "\"";
    const std::string quoted = quoted_name(lang);
    std::string message =
        more_files == 0
            ? trf("slides in language {1} are not shown: deck.languages is [{2}]", {quoted, list})
            : format_text(trn("slides in language {1} are not shown: deck.languages is [{2}]; {3} "
                              "more file holds {1} slides",
                              "slides in language {1} are not shown: deck.languages is [{2}]; {3} "
                              "more files hold {1} slides",
                              static_cast<unsigned long>(more_files)),
                          {quoted, list, std::to_string(more_files)});
    return {Severity::note, std::move(loc), std::move(message),
            trf("add \"{1}\" to languages in deck.toml to show them", {lang})};
}

} // namespace affiche
