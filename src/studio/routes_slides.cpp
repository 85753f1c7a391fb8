// /api/slides: read a slide's keys, change them (If-Match, checked), add, duplicate, move, delete.
#include "deck/reading_time.hpp"
#include "studio/http_helpers.hpp"
#include "studio/reading_rule.hpp"
#include "studio/routes.hpp"
#include "studio/slide_source.hpp"
#include "studio/toml_text.hpp"

namespace affiche {

namespace {

const char* const slide_path = R"(/api/slides/([^/]+))";

void reply_unknown(httplib::Response& res, const std::string& id) {
    reply_error(res, 404, "Diapositive inconnue : « " + id + " ».");
}

// Writes the files when their tags still match and the deck stays valid; replies accordingly.
// edited names the slide whose keys errors are tied to.
void write_and_reply(Studio& studio, httplib::Response& res,
                     const std::map<std::string, std::string>& files,
                     const std::map<std::string, std::string>& tags, const std::string& edited_file,
                     int header_line, nlohmann::json ok_body, const DeckRule& rule = {}) {
    EditOutcome out = studio.workspace().write_checked(files, tags, studio.now(), rule);
    switch (out.status) {
    case EditOutcome::Status::stale:
        reply_error(res, 412,
                    "Cette diapositive a été modifiée entre-temps (par une autre personne ou "
                    "dans le fichier) : rechargez-la pour voir la nouvelle version, puis refaites "
                    "votre modification.");
        return;
    case EditOutcome::Status::invalid: {
        const auto it = files.find(edited_file);
        const std::string text = it == files.end() ? "" : it->second;
        reply_errors(res, 422,
                     field_errors(out.check.diagnostics, Severity::error, studio.workspace().dir(),
                                  edited_file, text, header_line));
        return;
    }
    case EditOutcome::Status::refused:
        reply_errors(res, 422, out.refusals);
        return;
    case EditOutcome::Status::failed:
        std::fprintf(stderr, "affiche-studio: %s\n", out.error.c_str());
        reply_error(res, 500, "Écriture impossible sur le disque du studio.");
        return;
    case EditOutcome::Status::written:
        if (!out.tag.empty()) res.set_header("ETag", out.tag);
        reply_json(res, 200, ok_body);
        return;
    }
}

void get_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto source = open_slide(studio.workspace(), id);
    if (!source) return reply_unknown(res, id);
    nlohmann::json body = slide_json(source->block());
    body["id"] = id;
    body["file"] = source->file;
    // The reading-time rule's shortest duration for the slide's words (docs/content.md).
    const auto state = studio.workspace().state();
    if (const Slide* s = state->deck ? slide_written_at(*state->deck, studio.workspace().dir(),
                                                        source->file, source->header_line)
                                     : nullptr)
        body["min_duration"] = slide_reading_seconds(*s);
    res.set_header("ETag", source->tag());
    reply_json(res, 200, body);
}

// Whether the slide, as the edit leaves it, writes key.
bool edited_block_has(const std::string& text, const SlideSource& source, std::string_view key) {
    const auto spans = toml_file_spans(text, source.file);
    const SlideBlock* block = spans ? spans->slide_at_line(source.header_line) : nullptr;
    return block && block->find(key) != nullptr;
}

// The studio's rules on the slide as the edit leaves it.
std::vector<FieldError> rules_after_edit(const std::string& text, const SlideSource& source) {
    const auto spans = toml_file_spans(text, source.file);
    const SlideBlock* block = spans ? spans->slide_at_line(source.header_line) : nullptr;
    return block ? studio_rules(*block) : std::vector<FieldError>{};
}

void put_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const std::string if_match = req.get_header_value("If-Match");
    if (if_match.empty()) {
        reply_error(res, 428,
                    "En-tête If-Match manquant : relisez la diapositive avant de "
                    "l’enregistrer.");
        return;
    }
    const auto source = open_slide(studio.workspace(), id);
    if (!source) return reply_unknown(res, id);
    const auto body = body_json(req, res);
    if (!body) return;
    SlideEdits edits = edits_from_json(*body, &source->block(), source->spans.eol);
    if (!edits.errors.empty()) return reply_errors(res, 422, edits.errors);
    const std::string text =
        apply_key_edits(source->text, source->spans, source->block(), edits.edits);
    if (auto errors = rules_after_edit(text, *source); !errors.empty())
        return reply_errors(res, 422, errors);
    // The reading-time rule on the slide as written, its duration or the deck's default.
    const bool inherited = !edited_block_has(text, *source, "duration");
    const DeckRule reading = [&](const Deck& deck) {
        const Slide* s =
            slide_written_at(deck, studio.workspace().dir(), source->file, source->header_line);
        return s ? reading_rule_errors(*s, inherited) : std::vector<FieldError>{};
    };
    write_and_reply(studio, res, {{source->file, text}}, {{source->file, if_match}}, source->file,
                    source->header_line, {{"id", id}}, reading);
}

void delete_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto source = open_slide(studio.workspace(), id);
    if (!source) return reply_unknown(res, id);
    const std::string tag =
        req.has_header("If-Match") ? req.get_header_value("If-Match") : source->tag();
    write_and_reply(studio, res, {{source->file, remove_block(source->text, source->block())}},
                    {{source->file, tag}}, source->file, 0, {{"deleted", id}});
}

std::size_t index_of(const TomlFileSpans& spans, int header_line) {
    for (std::size_t i = 0; i < spans.slides.size(); ++i)
        if (spans.slides[i].header_line == header_line) return i;
    return spans.slides.size();
}

// The slide block following the one at header_line; null when it is the file's last.
const SlideBlock* block_after(const TomlFileSpans& spans, int header_line) {
    const std::size_t i = index_of(spans, header_line);
    return i + 1 < spans.slides.size() ? &spans.slides[i + 1] : nullptr;
}

// An id not used in the deck, from base: base, base-2, base-3...
std::string unused_id(Studio& studio, const std::string& base) {
    const auto state = studio.workspace().state();
    auto used = [&](const std::string& id) {
        if (!state->deck) return false;
        for (const auto& s : state->deck->slides)
            if (s.id == id) return true;
        return false;
    };
    if (!used(base)) return base;
    for (int n = 2;; ++n)
        if (!used(base + "-" + std::to_string(n))) return base + "-" + std::to_string(n);
}

// POST /api/slides {"after": ID, keys...}: a new slide after ID, in ID's file.
void add_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    auto body = body_json(req, res);
    if (!body) return;
    if (!body->is_object() || !body->contains("after") || !(*body)["after"].is_string())
        return reply_error(res, 422, "Indiquez après quelle diapositive ajouter la nouvelle.",
                           "after");
    const std::string after = (*body)["after"];
    body->erase("after");
    const auto source = open_slide(studio.workspace(), after);
    if (!source) return reply_unknown(res, after);
    const std::string id = unused_id(studio, body->value("id", std::string("nouvelle")));
    (*body)["id"] = id;
    if (!body->contains("title")) (*body)["title"] = "Nouvelle diapositive";
    SlideEdits edits = edits_from_json(*body, nullptr, source->spans.eol);
    if (!edits.errors.empty()) return reply_errors(res, 422, edits.errors);
    // id first, then the keys in the order given.
    std::stable_partition(edits.edits.begin(), edits.edits.end(),
                          [](const KeyEdit& e) { return e.key == "id"; });
    const std::string block = new_block(edits.edits, source->spans.eol);
    const SlideBlock* next = block_after(source->spans, source->header_line);
    const std::string text =
        next ? insert_block(source->text, next, block + source->spans.eol, source->spans.eol)
             : insert_block(source->text, nullptr, block, source->spans.eol);
    write_and_reply(studio, res, {{source->file, text}}, {{source->file, source->tag()}},
                    source->file, 0, {{"id", id}});
}

// POST /api/slides/ID/duplicate: a copy right after it, with a new id.
void duplicate_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto source = open_slide(studio.workspace(), id);
    if (!source) return reply_unknown(res, id);
    const std::string copy_id = unused_id(studio, id + "-copie");
    const std::string copy_text = block_text(source->text, source->block(), source->spans.eol);
    auto copy_spans = toml_file_spans(copy_text, source->file);
    if (!copy_spans || copy_spans->slides.empty())
        return reply_error(res, 500, "Copie impossible de cette diapositive.");
    const std::string renamed = apply_key_edits(copy_text, *copy_spans, copy_spans->slides.front(),
                                                {{"id", toml_string(copy_id)}});
    const SlideBlock* next = block_after(source->spans, source->header_line);
    const std::string text = insert_block(source->text, next, renamed, source->spans.eol);
    write_and_reply(studio, res, {{source->file, text}}, {{source->file, source->tag()}},
                    source->file, 0, {{"id", copy_id}});
}

// POST /api/slides/ID/move {"before": OTHER} or {"after": OTHER}: changes the play order.
void move_slide(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    const auto body = body_json(req, res);
    if (!body) return;
    const bool before = body->is_object() && body->contains("before");
    const std::string key = before ? "before" : "after";
    if (!body->is_object() || !body->contains(key) || !(*body)[key].is_string())
        return reply_error(res, 422, "Indiquez « before » ou « after » : l’id d’une diapositive.");
    const std::string other = (*body)[key];
    if (other == id) return reply_json(res, 200, {{"id", id}});
    const auto moved = open_slide(studio.workspace(), id);
    if (!moved) return reply_unknown(res, id);
    const auto target = open_slide(studio.workspace(), other);
    if (!target) return reply_unknown(res, other);
    const std::string bytes = block_text(moved->text, moved->block(), moved->spans.eol);
    // Cut first, then place, in the target file as it is after the cut.
    std::map<std::string, std::string> files;
    files[moved->file] = remove_block(moved->text, moved->block());
    const std::string target_text = files.count(target->file) ? files[target->file] : target->text;
    auto spans = toml_file_spans(target_text, target->file);
    if (!spans) return reply_error(res, 500, "Déplacement impossible.");
    // The target's place after the cut: one block earlier when the moved one was above it.
    std::size_t index = index_of(target->spans, target->header_line);
    if (moved->file == target->file && index_of(moved->spans, moved->header_line) < index) --index;
    if (!before) ++index;
    const SlideBlock* anchor = index < spans->slides.size() ? &spans->slides[index] : nullptr;
    files[target->file] = insert_block(target_text, anchor, bytes, spans->eol);
    write_and_reply(studio, res, files,
                    {{moved->file, moved->tag()}, {target->file, target->tag()}}, moved->file, 0,
                    {{"id", id}});
}

} // namespace

void register_slide_routes(httplib::Server& server, Studio& studio) {
    server.Get(slide_path, guarded(studio, Access::session, get_slide));
    server.Put(slide_path, guarded(studio, Access::change, put_slide));
    server.Delete(slide_path, guarded(studio, Access::change, delete_slide));
    server.Post("/api/slides", guarded(studio, Access::change, add_slide));
    server.Post(R"(/api/slides/([^/]+)/duplicate)",
                guarded(studio, Access::change, duplicate_slide));
    server.Post(R"(/api/slides/([^/]+)/move)", guarded(studio, Access::change, move_slide));
}

} // namespace affiche
