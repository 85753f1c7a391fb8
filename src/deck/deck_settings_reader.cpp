// deck.toml's [deck] and [overlays] tables read into the deck's settings, every key checked.
#include "deck/deck_settings_reader.hpp"

#include "base/i18n.hpp"
#include "deck/deck_schema.hpp"
#include "text/text_limits.hpp"

#include <algorithm>
#include <optional>
#include <string>

namespace affiche {

using namespace deck_schema;

void read_deck_settings(const TableReader& r, DeckSettings& s) {
    r.check_keys(deck_keys, tr("in [deck]"));
    s.default_duration_s = r.number("duration", duration_range).value_or(s.default_duration_s);
    if (auto i = r.choice("transition", transition_names)) s.transition = Transition(*i);
    s.transition_s = r.number("transition_duration", transition_range).value_or(s.transition_s);
    if (auto i = r.choice("language_order", language_order_names)) {
        s.language_order = LanguageOrder(*i);
    }
    const auto languages = r.string_array("languages");
    if (!languages) return;
    std::vector<std::string> valid;
    for (const auto& lang : *languages) {
        if (lang.empty()) {
            r.error(r.value_loc("languages"), tr("'languages' holds an empty name"),
                    tr("use language codes such as \"fr\" or \"ar\""));
        } else if (std::find(valid.begin(), valid.end(), lang) == valid.end()) {
            valid.push_back(lang);
        }
    }
    if (languages->empty()) {
        r.error(r.value_loc("languages"), tr("'languages' must list at least one language"),
                tr("e.g. languages = [\"fr\"]"));
    }
    if (!valid.empty()) s.languages = std::move(valid);
}

namespace {

// [overlays.footer_text_by_language]: one footer text per language code, each a string of at most
// max_footer_chars characters.
void read_footers_by_language(const TableReader& r, Overlays& o) {
    const toml::table* t = r.table("footer_text_by_language");
    if (!t) return;
    const TableReader footers(*t, r.path(), r.diagnostics());
    for (const auto& [key, value] : *t) {
        const std::string lang(key.str());
        std::optional<std::string> text = footers.string(lang);
        if (!text) continue;
        if (auto p = text_limit_problem(*text, "'" + lang + "'", max_footer_chars)) {
            footers.error(footers.value_loc(lang), p->message, p->hint);
            continue;
        }
        o.footer_text_by_language[lang] = std::move(*text);
    }
}

} // namespace

void read_overlays(const TableReader& r, Overlays& o) {
    r.check_keys(overlay_keys, tr("in [overlays]"));
    o.progress = r.boolean("progress").value_or(o.progress);
    o.clock = r.boolean("clock").value_or(o.clock);
    o.footer = r.boolean("footer").value_or(o.footer);
    o.position = r.boolean("position").value_or(o.position);
    o.footer_text = r.string("footer_text").value_or(o.footer_text);
    if (auto p = text_limit_problem(o.footer_text, "'footer_text'", max_footer_chars))
        r.error(r.value_loc("footer_text"), p->message, p->hint); // text/text_limits.hpp
    read_footers_by_language(r, o);
}

} // namespace affiche
