// The reading-time rule in the editor: found on the checked deck, so a slide taking the deck's
// default duration is held to it too.
#include "studio/reading_rule.hpp"

#include "deck/reading_time.hpp"

#include <cmath>

namespace affiche {

const Slide* slide_written_at(const Deck& deck, const std::string& content_dir,
                              const std::string& file, int header_line) {
    const std::string path = content_dir + "/" + file;
    for (const Slide& s : deck.slides)
        if (!s.announcement && s.loc.path == path && s.loc.line == header_line) return &s;
    return nullptr;
}

std::vector<FieldError> reading_rule_errors(const Slide& s, bool inherited) {
    const int needed = slide_reading_seconds(s);
    if (s.duration_s >= needed) return {};
    // Seconds as French writes them: "15", "12,5".
    const long tenths = std::lround(s.duration_s * 10);
    const std::string shown = std::to_string(tenths / 10) +
                              (tenths % 10 ? "," + std::to_string(tenths % 10) : std::string());
    const std::string at_least = std::to_string(needed) + " s";
    if (inherited)
        return {{"duration", "La durée par défaut du diaporama (" + shown +
                                 " s) est trop courte pour lire ce texte : indiquez au moins " +
                                 at_least + "."}};
    return {{"duration",
             "Trop court pour lire ce texte : au moins " + at_least + " (ici " + shown + " s)."}};
}

} // namespace affiche
