// /api/announcement: read the deck's announcement (and whether it shows now), write it and
// publish at once (PUT), withdraw it and publish (DELETE), and its preview on a real slide.
#include "base/atomic_file.hpp"
#include "base/local_time.hpp"
#include "schedule/announcement_slides.hpp"
#include "studio/announcement_form.hpp"
#include "studio/http_helpers.hpp"
#include "studio/publication.hpp"
#include "studio/routes.hpp"

#include <cstdio>
#include <filesystem>

namespace affiche {

namespace {

// "2026-12-08T12:00:00"
std::string stamp_text(LocalStamp s) {
    char hms[32];
    std::snprintf(hms, sizeof hms, "T%02d:%02d:%02d", s.second / 3600, s.second / 60 % 60,
                  s.second % 60);
    return format_date(s.day) + hms;
}

// Whether it shows at now (screen on): from `from` (or at once) until `until`.
bool shows_at(const Announcement& a, LocalStamp now) {
    return (!a.from || *a.from <= now) && now < a.until;
}

nlohmann::json announcement_json(const Announcement& a, LocalStamp now) {
    return {{"text", a.text},
            {"until", stamp_text(a.until)},
            {"from", a.from ? nlohmann::json(stamp_text(*a.from)) : nlohmann::json(nullptr)},
            {"style", a.style == AnnouncementStyle::slide ? "slide" : "band"},
            {"active", shows_at(a, now)},
            {"past", a.until <= now}};
}

// The end of today for the form's « fin de la journée »: the closing hour of today's opening
// hours when the deck has them (and today is open), else 18:00.
nlohmann::json day_end(const Deck* deck, LocalStamp now) {
    if (deck && deck->opening_hours.set) {
        bool closed = false;
        for (const DateRange& r : deck->opening_hours.closed)
            closed = closed || (now.day >= r.first && now.day <= r.last);
        const auto& ranges =
            deck->opening_hours.week[static_cast<std::size_t>(weekday_of(now.day))];
        int end = -1;
        for (const TimeRange& r : ranges)
            end = std::max(end, r.wraps() ? 24 * 60 - 1 : r.end_min);
        if (!closed && end >= 0)
            return {{"time", format_hhmm(std::min(end, 24 * 60 - 1) * 60)},
                    {"from_schedule", true}};
    }
    return {{"time", "18:00"}, {"from_schedule", false}};
}

void get_announcement(Studio& studio, const httplib::Request&, httplib::Response& res) {
    const auto state = studio.workspace().state();
    const LocalStamp now = local_stamp(studio.now());
    nlohmann::json body = {{"announcement", nullptr},
                           {"day_end", day_end(state->deck.get(), now)},
                           {"now", stamp_text(now)}};
    if (state->deck && state->deck->announcement)
        body["announcement"] = announcement_json(*state->deck->announcement, now);
    reply_json(res, 200, body);
}

// The form of the request, checked by the loader's rules (the announcement file's text in the
// deck as it would be) and the date rules at the studio's time; its file bytes, or a 422.
struct CheckedForm {
    AnnouncementForm form;
    std::string toml;
};

// path inside the content folder ("slides/deck.toml"), or path itself.
std::string relative_to(Studio& studio, const std::string& path) {
    const std::string prefix = studio.workspace().dir() + "/";
    return path.starts_with(prefix) ? path.substr(prefix.size()) : path;
}

// The errors of ds (and, when own_warnings, the warnings about the announcement's file), each
// named by its form field when it is about the announcement's file.
std::vector<FieldError> form_errors(Studio& studio, const AnnouncementForm& form,
                                    const Diagnostics& ds, bool own_warnings = false) {
    std::vector<FieldError> out;
    const std::string path = studio.workspace().dir() + "/" + announcement_file;
    for (const Diagnostic& d : ds) {
        const bool own_warning =
            own_warnings && d.severity == Severity::warning && d.loc.path == path;
        if (d.severity != Severity::error && !own_warning) continue;
        if (d.loc.path == path)
            out.push_back({announcement_key_at_line(form, d.loc.line), diagnostic_text(d)});
        else // another file of the deck: where it is, as the slide editor says it
            out.push_back({"", diagnostic_text(d) + " [" + relative_to(studio, d.loc.path) +
                                   ", ligne " + std::to_string(d.loc.line) + "]"});
    }
    return out;
}

std::optional<CheckedForm> checked_form(Studio& studio, const httplib::Request& req,
                                        httplib::Response& res) {
    const auto body = body_json(req, res);
    if (!body) return std::nullopt;
    AnnouncementFormRead read = announcement_form(*body);
    if (!read.errors.empty()) {
        reply_errors(res, 422, read.errors);
        return std::nullopt;
    }
    CheckedForm out{read.form, announcement_toml(read.form)};
    // check_deck's date rules at the studio's time too; a past `until` (a warning there) refuses
    // the form: publishing what nobody will see is a mistake.
    const auto draft = studio.draft(announcement_file, out.toml);
    const auto errors = form_errors(studio, out.form, draft->diagnostics, true);
    if (!errors.empty()) {
        reply_errors(res, 422, errors);
        return std::nullopt;
    }
    return out;
}

// The announcement file as it was, put back when the publication that follows a change fails:
// the content folder then says what the screens show.
void restore(Studio& studio, const std::optional<std::string>& before) {
    const std::string path = studio.workspace().dir() + "/" + announcement_file;
    std::lock_guard lock(studio.workspace().write_mutex());
    if (!before) {
        std::error_code ec;
        std::filesystem::remove(path, ec);
    } else if (auto w = write_file_atomically(path, *before, Durability::power_cut); !w) {
        std::fprintf(stderr, "affiche-studio: %s\n", format_diagnostic(w.error()).c_str());
    }
}

// Publishes the content folder; on a refusal puts the file back as before and says why.
void publish_or_restore(Studio& studio, httplib::Response& res,
                        const std::optional<std::string>& before) {
    auto m = publish_from_studio(studio, studio.workspace().dir());
    if (!m) {
        restore(studio, before);
        return reply_error(res, 422,
                           "Annonce non publiée (rien n’a changé sur les écrans) : " +
                               diagnostic_text(m.error()));
    }
    const auto state = studio.workspace().state();
    const LocalStamp now = local_stamp(studio.now());
    nlohmann::json a = nullptr;
    if (state->deck && state->deck->announcement)
        a = announcement_json(*state->deck->announcement, now);
    reply_json(res, 200,
               {{"sequence", m->sequence},
                {"revision", m->revision},
                {"created", format_utc(m->created)},
                {"announcement", a}});
}

void put_announcement(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const auto checked = checked_form(studio, req, res);
    if (!checked) return;
    const auto before = studio.workspace().read(announcement_file);
    // No If-Match: the form replaces the announcement whole, whoever wrote the last one.
    EditOutcome out =
        studio.workspace().write_checked({{announcement_file, checked->toml}}, {}, studio.now());
    switch (out.status) {
    case EditOutcome::Status::invalid:
        return reply_errors(res, 422, form_errors(studio, checked->form, out.check.diagnostics));
    case EditOutcome::Status::refused: // no rule given: never
        return reply_errors(res, 422, out.refusals);
    case EditOutcome::Status::failed:
    case EditOutcome::Status::stale:
        std::fprintf(stderr, "affiche-studio: %s\n", out.error.c_str());
        return reply_error(res, 500, "Écriture impossible sur le disque du studio.");
    case EditOutcome::Status::written:
        return publish_or_restore(studio, res, before);
    }
}

void delete_announcement(Studio& studio, const httplib::Request&, httplib::Response& res) {
    const auto before = studio.workspace().read(announcement_file);
    {
        std::lock_guard lock(studio.workspace().write_mutex());
        std::error_code ec;
        std::filesystem::remove(studio.workspace().dir() + "/" + announcement_file, ec);
        if (ec) {
            std::fprintf(stderr, "affiche-studio: cannot remove %s: %s\n", announcement_file,
                         ec.message().c_str());
            return reply_error(res, 500, "Suppression impossible sur le disque du studio.");
        }
    }
    publish_or_restore(studio, res, before);
}

// POST /api/announcement/preview.png?slide=ID&size=WxH with the form: as the screens will show
// it while it lasts: the slide (default the first playing) with the band, or, for style "slide",
// the announcement's own slide.
void preview_announcement(Studio& studio, const httplib::Request& req, httplib::Response& res) {
    const auto size = preview_size(req);
    if (!size)
        return reply_error(res, 400, "Taille d’aperçu invalide (exemple : 1920x1080).", "size");
    const auto checked = checked_form(studio, req, res);
    if (!checked) return;
    const auto draft = studio.draft(announcement_file, checked->toml);
    if (!draft->deck || !draft->deck->announcement)
        return reply_error(res, 409, "Le diaporama contient des erreurs.");
    const Announcement& a = *draft->deck->announcement;
    std::string id = req.has_param("slide") ? req.get_param_value("slide") : "";
    if (id.empty() && draft->deck->shown_count() > 0) id = draft->deck->shown(0).id;
    Result<std::string> png = failure({}, "no slide");
    if (a.style == AnnouncementStyle::slide) {
        Deck with_slot = *draft->deck;
        insert_announcement_slots(with_slot);
        for (const Slide& s : with_slot.slides)
            if (s.announcement) id = s.id;
        png = studio.previews().render(std::make_shared<const Deck>(std::move(with_slot)),
                                       draft->assets, id, *size);
    } else {
        png = studio.previews().render(draft->deck, draft->assets, id, *size, a.text);
    }
    if (!png) return reply_error(res, 404, "Aperçu impossible : " + png.error().message);
    res.set_header("Cache-Control", "no-store");
    res.set_content(std::move(*png), "image/png");
}

} // namespace

void register_announcement_routes(httplib::Server& server, Studio& studio) {
    server.Get("/api/announcement", guarded(studio, Access::session, get_announcement));
    server.Put("/api/announcement", guarded(studio, Access::change, put_announcement));
    server.Delete("/api/announcement", guarded(studio, Access::change, delete_announcement));
    // POST: it carries the draft, and the CSRF token keeps other sites from costly renders.
    server.Post(R"(/api/announcement/preview\.png)",
                guarded(studio, Access::change, preview_announcement));
}

} // namespace affiche
