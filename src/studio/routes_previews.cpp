// Slide pictures from the player's renderer: the saved slide (GET preview.png), and a draft
// being typed (POST check: its errors and warnings; POST preview.png: its picture).
#include "deck/reading_time.hpp"
#include "studio/http_helpers.hpp"
#include "studio/reading_rule.hpp"
#include "studio/routes.hpp"
#include "studio/slide_source.hpp"

#include <cstdio>

namespace affiche {

namespace {

void reply_png(httplib::Response& res, Result<std::string> png) {
    if (!png) {
        std::fprintf(stderr, "affiche-studio: preview: %s\n", png.error().message.c_str());
        return reply_error(res, 500, "Aperçu impossible : " + png.error().message);
    }
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(*png), "image/png");
}

void get_preview(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const auto size = preview_size(req);
    if (!size)
        return reply_error(res, 400, "Taille d’aperçu invalide (exemple : 1920x1080).", "size");
    const auto state = studio.workspace().state();
    if (!state->deck) return reply_error(res, 409, "Le diaporama contient des erreurs.");
    reply_png(res, studio.previews().render(state->deck, state->assets, req.matches[1], *size,
                                            studio.band_now(*state->deck)));
}

// The deck as it would be with the draft: loaded from the edited bytes (nothing written).
struct Draft {
    std::shared_ptr<const DraftLoad> load;
    std::string file;
    std::string text;
    int header_line = 0;
    std::vector<FieldError> input_errors; // wrong types, unknown keys
    bool own_duration = false;            // the draft's slide writes `duration`
};

std::optional<Draft> load_draft(Studio& studio, const httplib::Request& req,
                                httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto source = open_slide(studio.workspace(), id);
    if (!source) {
        reply_error(res, 404, "Diapositive inconnue : « " + id + " ».");
        return std::nullopt;
    }
    const auto body = body_json(req, res);
    if (!body) return std::nullopt;
    Draft draft{{}, source->file, "", source->header_line, {}};
    SlideEdits edits = edits_from_json(*body, &source->block(), source->spans.eol);
    draft.input_errors = std::move(edits.errors);
    draft.text = apply_key_edits(source->text, source->spans, source->block(), edits.edits);
    if (const auto spans = toml_file_spans(draft.text, draft.file); spans)
        if (const SlideBlock* block = spans->slide_at_line(draft.header_line)) {
            for (auto& e : studio_rules(*block))
                draft.input_errors.push_back(std::move(e));
            draft.own_duration = block->find("duration") != nullptr;
        }
    draft.load = studio.draft(draft.file, draft.text);
    return draft;
}

// The draft's slide alone, for the font-metric check of this slide only.
Deck one_slide_deck(const Deck& deck, const std::string& id) {
    Deck one = deck;
    one.play_order.clear();
    for (std::size_t k = 0; k < deck.slides.size(); ++k)
        if (deck.slides[k].id == id) one.play_order.push_back(static_cast<int>(k));
    return one;
}

void check_draft(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    auto draft = load_draft(studio, req, res);
    if (!draft) return;
    const std::string& dir = studio.workspace().dir();
    auto errors = draft->input_errors;
    for (auto& e : field_errors(draft->load->diagnostics, Severity::error, dir, draft->file,
                                draft->text, draft->header_line))
        errors.push_back(std::move(e));
    auto warnings = field_errors(draft->load->diagnostics, Severity::warning, dir, draft->file,
                                 draft->text, draft->header_line);
    nlohmann::json min_duration; // null when the draft does not load
    if (draft->load->deck) {
        if (const Slide* s =
                slide_written_at(*draft->load->deck, dir, draft->file, draft->header_line)) {
            min_duration = slide_reading_seconds(*s);
            for (auto& e : reading_rule_errors(*s, !draft->own_duration))
                errors.push_back(std::move(e));
        }
        const Deck one = one_slide_deck(*draft->load->deck, req.matches[1]);
        for (const auto& d : studio.previews().readability(one, draft->load->assets))
            warnings.push_back(
                {d.loc.line == draft->header_line ? "body" : "", diagnostic_text(d)});
    }
    reply_json(res, 200,
               {{"errors", errors_json(errors)["errors"]},
                {"warnings", errors_json(warnings)["errors"]},
                {"min_duration", min_duration}});
}

void preview_draft(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const auto size = preview_size(req);
    if (!size)
        return reply_error(res, 400, "Taille d’aperçu invalide (exemple : 1920x1080).", "size");
    auto draft = load_draft(studio, req, res);
    if (!draft) return;
    if (!draft->input_errors.empty() || !draft->load->deck) {
        auto errors = draft->input_errors;
        for (auto& e :
             field_errors(draft->load->diagnostics, Severity::error, studio.workspace().dir(),
                          draft->file, draft->text, draft->header_line))
            errors.push_back(std::move(e));
        return reply_errors(res, 422, errors);
    }
    reply_png(res, studio.previews().render(draft->load->deck, draft->load->assets, req.matches[1],
                                            *size, studio.band_now(*draft->load->deck)));
}

} // namespace

void register_preview_routes(httplib::Server& server, Studio& studio) {
    server.Get(R"(/api/slides/([^/]+)/preview\.png)",
               guarded(studio, Access::session, get_preview));
    // POST, not GET: they carry the draft. They change nothing, but need the CSRF token anyway
    // so another site cannot make the studio render (a costly call) on an editor's behalf.
    server.Post(R"(/api/slides/([^/]+)/check)", guarded(studio, Access::change, check_draft));
    server.Post(R"(/api/slides/([^/]+)/preview\.png)",
                guarded(studio, Access::change, preview_draft));
}

} // namespace affiche
