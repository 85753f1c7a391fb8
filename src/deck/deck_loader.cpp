// Loads a content folder into a Deck and checks all of it: deck.toml, slides, images, fonts.
#include "deck/deck_loader.hpp"

#include "base/diagnostic_cap.hpp"
#include "base/i18n.hpp"
#include "base/result.hpp"
#include "base/utf8.hpp"
#include "deck/announcement_reader.hpp"
#include "deck/content_files.hpp"
#include "deck/deck_schema.hpp"
#include "deck/deck_settings_reader.hpp"
#include "deck/file_checks.hpp"
#include "deck/image_header.hpp"
#include "deck/language_notes.hpp"
#include "deck/play_order.hpp"
#include "deck/system_fonts.hpp"
#include "text/text_limits.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_file.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace affiche {

namespace {

using namespace deck_schema;

std::string single_quoted(std::string_view s) {
    return quoted_name(s);
}

bool is_valid_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_';
    });
}

// Non-empty string or array; an empty string or array shows nothing.
bool has_content(const toml::node* node) {
    if (!node) return false;
    if (const auto* s = node->as_string()) return !s->get().empty();
    if (const auto* a = node->as_array()) return !a->empty();
    return true;
}

class Loader {
  public:
    explicit Loader(std::string dir)
        : dir_(std::move(dir)), content_(std::make_shared<ContentSnapshot>(dir_)),
          images_(content_->listing(), "images"), fonts_(content_->listing(), "fonts") {
        deck_.content_dir = dir_;
    }
    LoadResult run();
    void replace(const std::string& path, std::string bytes) {
        content_->provide(path, std::move(bytes));
    }

  private:
    std::string slides_dir() const { return dir_ + "/slides"; }
    std::optional<toml::table> read_toml(const std::string& path, const std::string& shown,
                                         Diagnostics& out, bool& missing);
    void read_deck_file();
    void read_announcement_file();
    void read_theme(const TableReader& r);
    std::string read_font(const TableReader& r, std::string_view key, std::string& name);
    void read_slide_file(const std::string& name);
    void read_slide(const TableReader& r, int n, const SlideSchedule& file_schedule);
    void read_slide_text(const TableReader& r, Slide& s);
    void read_slide_lang(const TableReader& r, Slide& s);
    void check_id(const TableReader& r, const Slide& s);
    void check_image(const TableReader& r, Slide& s);
    void check_playable();
    void add_language_notes();
    Diagnostics& deck_diagnostics() { return reports_.front(); }

    // Defaults given by a slide file's top-level keys.
    struct FileDefaults {
        std::string stem;
        std::optional<std::string> lang;
        SourceLoc lang_loc;
        std::string section;
        std::set<std::string> unshown_langs; // languages not shown that this file holds
    };
    // A language the deck does not show: where it is first given, and how many files hold it.
    struct UnshownLanguage {
        std::size_t report = 0; // in reports_: the first file's
        SourceLoc loc;
        int files = 0;
    };

    std::string dir_;
    std::shared_ptr<ContentSnapshot> content_; // every file read once, for the whole reload
    FolderNames images_;                       // listed once, for "did you mean" hints
    FolderNames fonts_;
    Deck deck_;
    std::vector<Diagnostics> reports_; // one per file: deck.toml first, then slide files
    FileDefaults file_;
    std::map<std::string, SourceLoc> ids_;
    std::map<std::string, UnshownLanguage> unshown_langs_; // one note each, at the end
    bool settings_read_ = true;   // false when deck.toml could not be parsed
    bool slides_all_read_ = true; // false when a slide file could not be parsed
};

LoadResult Loader::run() {
    reports_.emplace_back();
    if (!content_->listing().slides_folder) {
        deck_diagnostics().push_back(
            failure(SourceLoc{dir_, 0, 0}, trf("no slides/ folder in {1}", {printable(dir_, 400)}),
                    tr("create it and put deck.toml and the slide files in it")));
        return LoadResult{std::nullopt, deck_diagnostics(), content_};
    }
    read_deck_file();
    read_announcement_file();
    // Not skipped in silence: a slide file that is a FIFO, say, is named with why it is not read.
    for (const ContentListing::Skipped& skipped : content_->listing().skipped) {
        deck_diagnostics().push_back(
            {Severity::warning, SourceLoc{dir_ + "/" + skipped.path, 0, 0},
             trf("{1} {2}, not a regular file: it is not read, not part of the deck",
                 {printable(skipped.path, 400), tr(skipped.why.c_str())}),
             tr("remove it, or put a regular file in its place")});
    }
    for (const std::string& file : content_->listing().files) {
        if (file.starts_with("slides/") && is_slide_file_name(std::string_view(file).substr(7)))
            read_slide_file(file.substr(7));
    }
    deck_.play_order = compute_play_order(deck_.slides, deck_.settings);
    check_playable();
    add_language_notes();

    LoadResult result;
    for (auto& diagnostics : reports_) {
        std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
            return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
        });
        std::move(diagnostics.begin(), diagnostics.end(), std::back_inserter(result.diagnostics));
    }
    cap_similar(result.diagnostics);
    if (!has_errors(result.diagnostics)) result.deck = std::move(deck_);
    result.content = content_;
    return result;
}

// Reads path once, safely, and parses it; shown names it in diagnostics. missing: not there.
std::optional<toml::table> Loader::read_toml(const std::string& path, const std::string& shown,
                                             Diagnostics& out, bool& missing) {
    const SnapshotRead read = content_->read(path, FileKind::toml);
    missing = read.problem == FileProblem::missing;
    if (missing) return std::nullopt;
    if (!read.ok()) {
        std::string hint =
            read.problem == FileProblem::too_large    ? tr("split it into several files")
            : read.problem == FileProblem::unreadable ? tr("check its rights")
                                                      : tr("replace it by a regular file");
        out.push_back(failure(SourceLoc{shown, 0, 0},
                              trf("cannot read the file: it {1}", {read.reason}), std::move(hint)));
        return std::nullopt;
    }
    return parse_toml_bytes(shown, *read.bytes, out);
}

void Loader::read_deck_file() {
    const std::string path = slides_dir() + "/deck.toml";
    Diagnostics& out = deck_diagnostics();
    bool missing = false;
    const auto table = read_toml(path, path, out, missing);
    settings_read_ = table || missing;
    if (!table) return;
    const TableReader top(*table, path, out);
    const OtherTable elsewhere[] = {
        {"[deck]", deck_keys}, {"[theme]", theme_keys}, {"[overlays]", overlay_keys}};
    top.check_keys(deck_file_keys, tr("at the top of deck.toml"), elsewhere);
    if (const auto* t = top.table("deck"))
        read_deck_settings(TableReader(*t, path, out), deck_.settings);
    if (const auto* t = top.table("theme")) read_theme(TableReader(*t, path, out));
    if (const auto* t = top.table("overlays"))
        read_overlays(TableReader(*t, path, out), deck_.overlays);
    read_deck_schedule(top, deck_); // [opening_hours], [screen], [burn_in]: schedule_reader.cpp
}

// slides/announcement.toml, when there is one: its own report, after deck.toml's.
void Loader::read_announcement_file() {
    const std::string path = slides_dir() + "/" + std::string(announcement_file_name);
    Diagnostics& out = reports_.emplace_back();
    bool missing = false;
    const auto table = read_toml(path, path, out, missing);
    if (table) deck_.announcement = read_announcement(TableReader(*table, path, out));
}

void Loader::read_theme(const TableReader& r) {
    r.check_keys(theme_keys, tr("in [theme]"));
    Theme& t = deck_.theme;
    t.background = r.color("background").value_or(t.background);
    t.text = r.color("text").value_or(t.text);
    t.accent = r.color("accent").value_or(t.accent);
    t.muted = r.color("muted").value_or(t.muted);
    t.font_path = read_font(r, "font", t.font);
    t.font_bold_path = read_font(r, "font_bold", t.font_bold);
    t.font_arabic_path = read_font(r, "font_arabic", t.font_arabic);
    t.font_arabic_bold_path = read_font(r, "font_arabic_bold", t.font_arabic_bold);
    t.margin = r.number("margin", margin_range).value_or(t.margin);
    t.title_size = r.number("title_size", text_size_range).value_or(t.title_size);
    t.body_size = r.number("body_size", text_size_range).value_or(t.body_size);
    t.min_cap_height = r.number("min_cap_height", cap_height_range).value_or(t.min_cap_height);
}

// Sets name from the key and returns the font's path, "" for the system fallback.
std::string Loader::read_font(const TableReader& r, std::string_view key, std::string& name) {
    name = r.string(key).value_or(name);
    if (name.empty()) return "";
    // Not in the deck, but installed by a package (Noto Sans Arabic: fonts-noto-core).
    if (std::string system = system_font_for(dir_ + "/fonts", name); !system.empty()) return system;
    // A missing font is not worth a blank screen: the deck plays in a system font.
    const NamedFile file{
        key, name, "fonts", FileKind::font, tr("font"), tr("the system font is used")};
    if (!check_named_file(r, *content_, fonts_, file)) return "";
    return dir_ + "/fonts/" + name;
}

void Loader::read_slide_file(const std::string& name) {
    const std::string path = slides_dir() + "/" + printable(name, 255); // as shown in messages
    Diagnostics& out = reports_.emplace_back();
    bool missing = false; // a file removed since the listing is simply not there any more
    const auto table = read_toml(slides_dir() + "/" + name, path, out, missing);
    if (!table) {
        slides_all_read_ = slides_all_read_ && missing;
        return;
    }
    const TableReader top(*table, path, out);
    const OtherTable elsewhere[] = {{"[[slide]]", slide_keys}};
    top.check_keys(slide_file_keys, tr("at the top of a slide file"), elsewhere);
    file_ = FileDefaults{};
    file_.stem = name.substr(0, name.size() - std::string_view(".toml").size());
    file_.lang = top.string("lang");
    file_.lang_loc = top.value_loc("lang");
    if (file_.lang && file_.lang->empty()) {
        top.error(file_.lang_loc, tr("'lang' must not be empty"), tr("e.g. lang = \"fr\""));
        file_.lang.reset();
    }
    file_.section = top.string("section").value_or("");
    const SlideSchedule file_schedule = read_file_schedule(top); // defaults of its slides
    const toml::node* slides = top.get("slide");
    if (!slides) return;
    const auto* array = slides->as_array();
    if (!array) {
        top.error(to_loc(path, slides->source().begin),
                  trf("'slide' must be an array of tables, got {1}", {describe_type(*slides)}),
                  tr("write each slide as [[slide]], with two brackets"));
        return;
    }
    int n = 0;
    for (const toml::node& element : *array) {
        ++n;
        if (const auto* t = element.as_table()) {
            read_slide(TableReader(*t, path, out), n, file_schedule);
        } else {
            top.error(to_loc(path, element.source().begin),
                      trf("'slide' must be an array of tables: item {1} is {2}",
                          {std::to_string(n), describe_type(element)}),
                      tr("write each slide as [[slide]]"));
        }
    }
}

void Loader::read_slide(const TableReader& r, int n, const SlideSchedule& file_schedule) {
    r.check_keys(slide_keys, tr("in [[slide]]"));
    Slide s;
    s.loc = r.table_loc();
    s.id = r.string("id").value_or(file_.stem + "-" + std::to_string(n));
    check_id(r, s);
    read_slide_lang(r, s);
    s.section = r.string("section").value_or(file_.section);
    read_slide_text(r, s);
    if (auto i = r.choice("image_position", image_position_names)) {
        s.image_position = ImagePosition(*i);
    }
    s.image_alt = r.string("image_alt").value_or("");
    check_image(r, s);
    s.duration_s = r.number("duration", duration_range).value_or(deck_.settings.default_duration_s);
    s.background = r.color("background");
    s.text_color = r.color("text_color");
    s.enabled = r.boolean("enabled").value_or(true);
    read_slide_schedule(r, file_schedule, s);
    const bool shows_something = has_content(r.get("title")) || has_content(r.get("body")) ||
                                 has_content(r.get("bullets")) || has_content(r.get("image"));
    if (!shows_something) {
        r.error(s.loc, tr("slide has nothing to show"),
                tr("give it a title, body, bullets or image"));
    }
    deck_.slides.push_back(std::move(s));
}

void Loader::read_slide_text(const TableReader& r, Slide& s) {
    s.title = r.string("title").value_or("");
    s.subtitle = r.string("subtitle").value_or("");
    s.body = r.string("body").value_or("");
    s.bullets = r.string_array("bullets").value_or(std::vector<std::string>{});
    // Length caps (text/text_limits.hpp): an absurd text would take the layout minutes.
    const auto cap = [&](std::string_view key, const std::string& text, SourceLoc loc,
                         std::size_t max_chars) {
        if (auto p = text_limit_problem(text, key, max_chars)) r.error(loc, p->message, p->hint);
    };
    cap("'title'", s.title, r.value_loc("title"), max_title_chars);
    cap("'subtitle'", s.subtitle, r.value_loc("subtitle"), max_subtitle_chars);
    cap("'body'", s.body, r.value_loc("body"), max_body_chars);
    const toml::array* bullets = r.get("bullets") ? r.get("bullets")->as_array() : nullptr;
    for (std::size_t i = 0; bullets && i < bullets->size(); ++i) {
        const toml::node& item = *bullets->get(i);
        const SourceLoc loc = to_loc(r.path(), item.source().begin);
        if (i == max_bullets) {
            r.error(loc,
                    trf("'bullets' has {1} items, over the limit of {2}",
                        {std::to_string(bullets->size()), std::to_string(max_bullets)}),
                    tr("a slide is read from 4 m away: split it into several slides"));
            break;
        }
        const std::string what = trf("item {1} of 'bullets'", {std::to_string(i + 1)});
        if (const auto* text = item.as_string()) cap(what, text->get(), loc, max_bullet_chars);
    }
}

void Loader::read_slide_lang(const TableReader& r, Slide& s) {
    auto lang = r.string("lang");
    SourceLoc loc = r.value_loc("lang");
    if (lang && lang->empty()) {
        r.error(loc, tr("'lang' must not be empty"), tr("e.g. lang = \"fr\""));
        lang.reset();
    }
    if (!lang && file_.lang) {
        lang = file_.lang;
        loc = file_.lang_loc;
    }
    const auto& shown = deck_.settings.languages;
    s.lang = lang.value_or(shown.front());
    if (!settings_read_ || std::find(shown.begin(), shown.end(), s.lang) != shown.end()) return;
    if (!file_.unshown_langs.insert(s.lang).second) return; // this file already counted
    // The first file's report and place keep the note; the others are counted in it.
    ++unshown_langs_.try_emplace(s.lang, UnshownLanguage{reports_.size() - 1, loc, 0})
          .first->second.files;
}

// One note per language not shown, in the report of the first file that holds it.
void Loader::add_language_notes() {
    for (const auto& [lang, unshown] : unshown_langs_)
        reports_[unshown.report].push_back(language_not_shown_note(lang, deck_.settings.languages,
                                                                   unshown.loc, unshown.files - 1));
}

void Loader::check_id(const TableReader& r, const Slide& s) {
    const bool explicit_id = r.get("id") && r.get("id")->is_string();
    const SourceLoc loc = explicit_id ? r.value_loc("id") : s.loc;
    if (explicit_id && !is_valid_id(s.id)) {
        r.error(loc, trf("'id' may hold only letters, digits, '-' and '_', got \"{1}\"", {s.id}),
                tr("e.g. id = \"chimio-definition\""));
        return;
    }
    const auto [it, inserted] = ids_.emplace(s.id, loc);
    if (inserted) return;
    r.error(loc, trf("duplicate id {1}", {single_quoted(s.id)}),
            trf("first used at {1}:{2}", {it->second.path, std::to_string(it->second.line)}));
}

void Loader::check_image(const TableReader& r, Slide& s) {
    s.image = r.string("image").value_or("");
    if (s.image.empty()) return;
    s.image_path = dir_ + "/images/" + s.image;
    s.image_loc = r.value_loc("image");
    const NamedFile file{"image", s.image, "images", FileKind::image, tr("image"), {}};
    const auto bytes = check_named_file(r, *content_, images_, file);
    if (!bytes) return;
    const auto header = parse_image_header(*bytes);
    if (!header) {
        r.error(r.value_loc("image"),
                trf("image {1} is not a PNG, JPEG, WebP or SVG image", {single_quoted(s.image)}),
                tr("save it as PNG or JPEG"));
    } else if (!within_decode_limits(*header)) {
        r.error(r.value_loc("image"),
                trf("image {1} is too large to decode: {2}x{3} pixels",
                    {single_quoted(s.image), std::to_string(header->size.w),
                     std::to_string(header->size.h)}),
                trf("at most {1} pixels a side and 64 megapixels; shrink it",
                    {std::to_string(max_image_side)}));
    }
}

// A deck that shows nothing is an error, unless a broken file already explains it.
void Loader::check_playable() {
    if (!deck_.play_order.empty() || !settings_read_ || !slides_all_read_) return;
    deck_diagnostics().push_back(failure(SourceLoc{slides_dir() + "/deck.toml", 0, 0},
                                         tr("no enabled slide to show"),
                                         tr("add a [[slide]] in a slide file, or check 'enabled' "
                                            "and deck.languages")));
}

} // namespace

LoadResult load_deck(const std::string& content_dir) {
    return Loader(content_dir).run();
}

LoadResult load_deck(const std::string& content_dir,
                     const std::map<std::string, std::string>& replaced) {
    Loader loader(content_dir);
    for (const auto& [relative, bytes] : replaced)
        loader.replace(content_dir + "/" + relative, bytes);
    return loader.run();
}

} // namespace affiche
