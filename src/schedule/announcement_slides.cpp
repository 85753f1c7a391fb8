// The announcement's own slide and its slots in the play order, used one every few slides.
#include "schedule/announcement_slides.hpp"

#include "base/utf8.hpp"

#include <algorithm>

namespace affiche {

namespace {

bool has_arabic(const std::string& text) {
    const std::u32string cps = decode_utf8(text);
    return std::any_of(cps.begin(), cps.end(), [](char32_t c) {
        return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
               (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
    });
}

// The language of the announcement's slide: its footer and fonts follow it.
std::string language_of(const Deck& deck, const std::string& text) {
    const auto& shown = deck.settings.languages;
    if (has_arabic(text) && std::find(shown.begin(), shown.end(), "ar") != shown.end()) return "ar";
    return shown.empty() ? "fr" : shown.front();
}

} // namespace

void insert_announcement_slots(Deck& deck) {
    if (!deck.announcement || deck.announcement->style != AnnouncementStyle::slide) return;
    if (deck.play_order.empty()) return;
    Slide s;
    s.id = "announcement";
    s.title = deck.announcement->text;
    s.lang = language_of(deck, s.title);
    s.duration_s = deck.settings.default_duration_s;
    s.announcement = true;
    s.loc = deck.announcement->loc;
    const int index = static_cast<int>(deck.slides.size());
    deck.slides.push_back(std::move(s));
    std::vector<int> order;
    order.reserve(deck.play_order.size() * 2);
    for (const int slide : deck.play_order) {
        order.push_back(slide);
        order.push_back(index);
    }
    deck.play_order = std::move(order);
}

std::vector<int> with_announcement_slots(const Deck& deck, const std::vector<int>& shown) {
    std::vector<int> out;
    out.reserve(shown.size() * 2);
    for (std::size_t i = 0; i < shown.size(); ++i) {
        out.push_back(shown[i]);
        const int slot = shown[i] + 1;
        const bool due = (i + 1) % announcement_slide_every == 0 || i + 1 == shown.size();
        if (due && slot < deck.shown_count() && deck.shown(slot).announcement) out.push_back(slot);
    }
    return out;
}

} // namespace affiche
