// Comparing two decks slide by slide (by id and content) to place an edit on screen.
#include "deck/deck_diff.hpp"

#include <algorithm>

namespace affiche {

namespace {

bool same_theme(const Theme& a, const Theme& b) {
    return a.background == b.background && a.text == b.text && a.accent == b.accent &&
           a.muted == b.muted && a.font_path == b.font_path &&
           a.font_bold_path == b.font_bold_path && a.font_arabic_path == b.font_arabic_path &&
           a.font_arabic_bold_path == b.font_arabic_bold_path && a.margin == b.margin &&
           a.title_size == b.title_size && a.body_size == b.body_size &&
           a.min_cap_height == b.min_cap_height;
}

bool same_overlays(const Overlays& a, const Overlays& b) {
    return a.progress == b.progress && a.clock == b.clock && a.footer == b.footer &&
           a.position == b.position && a.footer_text == b.footer_text &&
           a.footer_text_by_language == b.footer_text_by_language;
}

bool fonts_changed(const Theme& t, const std::set<std::string>& changed_files) {
    for (const std::string* p :
         {&t.font_path, &t.font_bold_path, &t.font_arabic_path, &t.font_arabic_bold_path}) {
        if (!p->empty() && changed_files.count(*p) != 0) return true;
    }
    return false;
}

const Slide* find_slide(const Deck& d, const std::string& id) {
    for (const Slide& s : d.slides) {
        if (s.id == id) return &s;
    }
    return nullptr;
}

} // namespace

std::vector<std::string> shown_ids(const Deck& d) {
    std::vector<std::string> ids;
    for (int i = 0; i < d.shown_count(); ++i)
        ids.push_back(d.shown(i).id);
    return ids;
}

bool same_slide_content(const Slide& a, const Slide& b) {
    return a.id == b.id && a.lang == b.lang && a.section == b.section && a.title == b.title &&
           a.subtitle == b.subtitle && a.body == b.body && a.bullets == b.bullets &&
           a.image_path == b.image_path && a.image_position == b.image_position &&
           a.duration_s == b.duration_s && a.background == b.background &&
           a.text_color == b.text_color && a.enabled == b.enabled;
}

bool same_announcement(const Deck& a, const Deck& b) {
    if (!a.announcement || !b.announcement) return !a.announcement && !b.announcement;
    const Announcement& x = *a.announcement;
    const Announcement& y = *b.announcement;
    return x.text == y.text && x.from == y.from && x.until == y.until && x.style == y.style;
}

bool same_look(const Deck& a, const Deck& b) {
    // The position dots are left out on purpose: a slide added elsewhere adds a dot to every
    // slide, but the slide on screen need not change at once for that.
    return same_theme(a.theme, b.theme) && same_overlays(a.overlays, b.overlays) &&
           a.settings.transition == b.settings.transition &&
           a.settings.transition_s == b.settings.transition_s;
}

std::vector<std::string> changed_slides(const Deck& old, const Deck& fresh,
                                        const std::set<std::string>& changed_files) {
    const bool all = !same_look(old, fresh) || fonts_changed(fresh.theme, changed_files);
    std::vector<std::string> out;
    for (int i = 0; i < fresh.shown_count(); ++i) {
        const Slide& s = fresh.shown(i);
        const Slide* before = find_slide(old, s.id);
        const bool changed = all || !before || !same_slide_content(*before, s) ||
                             (!s.image_path.empty() && changed_files.count(s.image_path) != 0);
        if (changed) out.push_back(s.id);
    }
    return out;
}

} // namespace affiche
