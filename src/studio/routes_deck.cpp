// GET /api/deck: every slide in play order (then those that do not play), with what the deck
// page shows of each; GET /api/check: the whole deck's findings.
#include "schedule/schedule.hpp"
#include "studio/http_helpers.hpp"
#include "studio/routes.hpp"
#include "studio/schedule_words.hpp"

#include <set>

namespace affiche {

namespace {

nlohmann::json slide_summary(const Slide& s, const std::string& content_dir, bool on_screen) {
    std::string file = s.loc.path;
    if (file.starts_with(content_dir + "/")) file = file.substr(content_dir.size() + 1);
    return {{"id", s.id},
            {"file", file},
            {"title", s.title},
            {"lang", s.lang},
            {"enabled", s.enabled},
            {"fallback", s.fallback},
            {"duration", s.duration_s},
            {"image", s.image},
            {"schedule", schedule_words(s.schedule)},
            {"on_screen_now", on_screen}};
}

void get_deck(Studio& studio, const httplib::Request&, httplib::Response& res) {
    const auto state = studio.workspace().state();
    nlohmann::json body = {{"slides", nlohmann::json::array()},
                           {"hidden", nlohmann::json::array()}};
    if (!state->deck) {
        std::vector<FieldError> errors;
        for (const auto& d : state->diagnostics)
            if (d.severity == Severity::error) errors.push_back({"", format_diagnostic(d)});
        body["errors"] = errors_json(errors)["errors"];
        return reply_json(res, 200, body);
    }
    const Deck& deck = *state->deck;
    const UnixTime now = studio.now();
    std::set<int> now_shown;
    if (screen_state(deck, now).on)
        for (int p : eligible_positions(deck, now))
            now_shown.insert(p);
    std::set<int> playing;
    for (int p = 0; p < deck.shown_count(); ++p) {
        playing.insert(deck.play_order[static_cast<std::size_t>(p)]);
        body["slides"].push_back(
            slide_summary(deck.shown(p), deck.content_dir, now_shown.count(p) > 0));
    }
    for (std::size_t k = 0; k < deck.slides.size(); ++k)
        if (!playing.count(static_cast<int>(k)))
            body["hidden"].push_back(slide_summary(deck.slides[k], deck.content_dir, false));
    body["errors"] = nlohmann::json::array();
    reply_json(res, 200, body);
}

} // namespace

void register_deck_routes(httplib::Server& server, Studio& studio) {
    server.Get("/api/deck", guarded(studio, Access::session,
                                    [&studio](const httplib::Request& req, httplib::Response& res) {
                                        get_deck(studio, req, res);
                                    }));
}

} // namespace affiche
