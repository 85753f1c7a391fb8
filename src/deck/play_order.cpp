// The play order of a deck's slides, from their languages and enabled flags.
#include "deck/play_order.hpp"

#include <algorithm>
#include <string>

namespace affiche {

std::vector<int> compute_play_order(const std::vector<Slide>& slides,
                                    const DeckSettings& settings) {
    const auto& languages = settings.languages;
    std::vector<int> order;
    auto plays = [&](const Slide& s, const std::string* only_lang) {
        if (!s.enabled) return false;
        if (only_lang) return s.lang == *only_lang;
        return std::find(languages.begin(), languages.end(), s.lang) != languages.end();
    };
    auto add_slides = [&](const std::string* only_lang) {
        for (std::size_t i = 0; i < slides.size(); ++i) {
            if (plays(slides[i], only_lang)) order.push_back(static_cast<int>(i));
        }
    };
    if (settings.language_order == LanguageOrder::interleave) {
        add_slides(nullptr);
    } else {
        for (const auto& lang : languages)
            add_slides(&lang);
    }
    return order;
}

} // namespace affiche
