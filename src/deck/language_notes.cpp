// Merges the per-file "language not shown" notes: the shipped deck's five Arabic files made five.
#include "deck/language_notes.hpp"

#include <map>
#include <string_view>

namespace affiche {

namespace {
constexpr std::string_view prefix = "slides in language '";
} // namespace

void merge_language_notes(Diagnostics& ds) {
    struct Kept {
        std::size_t index = 0; // in out
        int others = 0;        // notes folded into it
    };
    std::map<std::string, Kept> first; // by message: the same language and languages list
    Diagnostics out;
    for (Diagnostic& d : ds) {
        if (d.severity != Severity::note || !d.message.starts_with(prefix)) {
            out.push_back(std::move(d));
            continue;
        }
        const auto [it, fresh] = first.try_emplace(d.message, Kept{out.size(), 0});
        if (fresh) {
            out.push_back(std::move(d));
        } else {
            ++it->second.others;
        }
    }
    for (const auto& [message, kept] : first) {
        if (kept.others == 0) continue;
        const std::size_t q = message.find('\'', prefix.size()); // the language's closing quote
        const std::string lang = message.substr(prefix.size() - 1, q - prefix.size() + 2);
        out[kept.index].message +=
            "; " + std::to_string(kept.others) + " more file(s) hold " + lang + " slides";
    }
    ds = std::move(out);
}

} // namespace affiche
