// Tests for the shipped deck's content: docs/content.md quotes every slide's current text, every
// slide stays long enough to read at the rule docs/content.md states, no sentence is too long, hard
// words are explained where they first show, and a benefit never shows without its caveat.
#include "base/utf8.hpp"
#include "deck/deck_loader.hpp"
#include "deck/reading_time.hpp"
#include "support/temp_dir.hpp"
#include "support/text_file.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using namespace affiche;
namespace fs = std::filesystem;
using affiche::testing::read_text;

namespace {

const std::string source_dir = AFFICHE_SOURCE_DIR;

// The fence that opens a slide's text in docs/content.md, and the one that closes it.
constexpr std::string_view text_fence = "```diapositive";
constexpr std::string_view end_fence = "```";

// The reading-time rule, as docs/content.md states it (the test checks the doc says this).
constexpr std::string_view rule_in_doc =
    "durée ≥ mots ÷ 1,8 + 5 s, arrondie à la seconde supérieure, et au moins 12 s";

// A slide's text as docs/content.md quotes it: each field under its French label, the body as
// written (paragraphs separated by a blank line), one "- " line per bullet.
std::string quoted_text(const Slide& s) {
    std::string out;
    if (!s.title.empty()) out += "# titre\n" + s.title + "\n";
    if (!s.subtitle.empty()) out += "# sous-titre\n" + s.subtitle + "\n";
    if (!s.body.empty()) out += "# texte\n" + s.body + "\n";
    if (!s.bullets.empty()) out += "# puces\n";
    for (const auto& b : s.bullets)
        out += "- " + b + "\n";
    return out;
}

// docs/content.md read as: a "### `id` ..." heading starts a slide's entry, any other "##" or
// "###" heading ends it; the first ```diapositive fenced block in the entry is the slide's text.
// Returns id -> quoted text ("" when the entry has no block).
std::map<std::string, std::string> quoted_texts(const std::string& doc) {
    std::map<std::string, std::string> out;
    std::istringstream in(doc);
    std::string line, id, block;
    enum class State { outside, entry, block, done } state = State::outside;
    while (std::getline(in, line)) {
        if (state == State::block) {
            if (line == end_fence) {
                out[id] = block;
                state = State::done;
            } else {
                block += line + "\n";
            }
        } else if (line.rfind("### `", 0) == 0) {
            const auto end = line.find('`', 5);
            id = line.substr(5, end == std::string::npos ? std::string::npos : end - 5);
            out.emplace(id, "");
            state = State::entry;
        } else if (line.rfind("## ", 0) == 0 || line.rfind("### ", 0) == 0) {
            state = State::outside; // another heading ends the entry

        } else if (state == State::entry && line == text_fence) {
            block.clear();
            state = State::block;
        }
    }
    return out;
}

// What is wrong between the deck's slides and the doc's entries, one message per problem.
std::vector<std::string> mismatches(const Deck& deck,
                                    const std::map<std::string, std::string>& doc) {
    std::vector<std::string> out;
    for (const Slide& s : deck.slides) {
        const auto it = doc.find(s.id);
        if (it == doc.end()) {
            out.push_back("no entry '### `" + s.id + "`' in docs/content.md");
        } else if (it->second != quoted_text(s)) {
            out.push_back("the entry of '" + s.id + "' does not quote its text; it should be:\n" +
                          std::string(text_fence) + "\n" + quoted_text(s) + std::string(end_fence));
        }
    }
    for (const auto& [id, text] : doc) {
        bool shipped = false;
        for (const Slide& s : deck.slides)
            shipped = shipped || s.id == id;
        if (!shipped) out.push_back("docs/content.md has an entry for '" + id + "', no slide");
    }
    return out;
}

// The longest sentence a patient reads at once, in words.
constexpr int max_sentence_words = 20;

// Everything a slide shows as text, one field after the other (title, subtitle, body, bullets).
std::vector<std::string> slide_fields(const Slide& s) {
    std::vector<std::string> out{s.title, s.subtitle, s.body};
    out.insert(out.end(), s.bullets.begin(), s.bullets.end());
    return out;
}

std::string slide_text(const Slide& s) {
    std::string out;
    for (const auto& f : slide_fields(s))
        out += f + "\n";
    return out;
}

// A field's sentences: a line break, or a full stop, "!", "?" or the Arabic "؟" followed by a
// space, ends one. A colon or a comma does not.
std::vector<std::string> sentences_of(std::string_view field) {
    std::vector<std::string> out;
    std::u32string current;
    const std::u32string text = decode_utf8(field);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const bool stop = c == U'.' || c == U'!' || c == U'?' || c == 0x061F;
        if (c == U'\n' || (stop && (i + 1 == text.size() || is_word_space(text[i + 1])))) {
            if (c != U'\n') current += c;
            if (word_count(encode_utf8(current)) > 0) out.push_back(encode_utf8(current));
            current.clear();
        } else {
            current += c;
        }
    }
    if (word_count(encode_utf8(current)) > 0) out.push_back(encode_utf8(current));
    return out;
}

// The sentences of a slide longer than max_sentence_words, one message each.
std::vector<std::string> long_sentences(const Slide& s) {
    std::vector<std::string> out;
    for (const auto& field : slide_fields(s))
        for (const auto& sentence : sentences_of(field))
            if (word_count(sentence) > max_sentence_words)
                out.push_back(s.id + ": " + std::to_string(word_count(sentence)) +
                              " words: " + sentence);
    return out;
}

// ASCII letters lowered: "Système" finds "système", "L’oncologue" finds "oncologue".
std::string ascii_lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool shows(const Slide& s, std::string_view words) {
    return ascii_lower(slide_text(s)).find(ascii_lower(std::string(words))) != std::string::npos;
}

// The rows of the first Markdown table under heading in doc: each row's cells, trimmed, without
// the header row and its rule.
std::vector<std::vector<std::string>> table_under(const std::string& doc,
                                                  std::string_view heading) {
    std::vector<std::vector<std::string>> rows;
    const auto at = doc.find(std::string(heading) + "\n");
    if (at == std::string::npos) return rows;
    std::istringstream in(doc.substr(at));
    std::string line;
    bool in_table = false;
    while (std::getline(in, line)) {
        if (line.rfind("|", 0) != 0) {
            if (in_table) break;
            continue;
        }
        in_table = true;
        std::vector<std::string> cells;
        std::size_t start = 1;
        for (auto bar = line.find('|', start); bar != std::string::npos;
             bar = line.find('|', start)) {
            std::string cell = line.substr(start, bar - start);
            cell.erase(0, cell.find_first_not_of(' '));
            cell.erase(cell.find_last_not_of(' ') + 1);
            cells.push_back(cell);
            start = bar + 1;
        }
        rows.push_back(std::move(cells));
    }
    if (rows.size() >= 2) rows.erase(rows.begin(), rows.begin() + 2); // header and rule
    return rows;
}

// A word a patient may not know, and what must be shown with it ("" = it must not be shown).
struct Gloss {
    std::string lang;
    std::string word;
    std::string explanation;
};

// docs/content.md's "Mots expliqués" table: | langue | mot | explication | ("—": never shown).
std::vector<Gloss> glosses_in(const std::string& doc) {
    std::vector<Gloss> out;
    for (auto& row : table_under(doc, "## Mots expliqués")) {
        if (row.size() < 3) continue;
        const auto unquote = [](std::string cell) {
            if (cell.size() >= 2 && cell.front() == '`' && cell.back() == '`')
                cell = cell.substr(1, cell.size() - 2);
            return cell == "—" ? std::string() : cell;
        };
        out.push_back({row[0], unquote(row[1]), unquote(row[2])});
    }
    return out;
}

// For each gloss: the first slide of its language (in file order, the play order) that shows the
// word must show the explanation too; a word without explanation must not be shown at all.
std::vector<std::string> unexplained(const std::vector<Slide>& slides,
                                     const std::vector<Gloss>& glosses) {
    std::vector<std::string> out;
    for (const Gloss& g : glosses) {
        for (const Slide& s : slides) {
            if (s.lang != g.lang || !shows(s, g.word)) continue;
            if (g.explanation.empty()) {
                out.push_back(s.id + " shows '" + g.word +
                              "': replace it, or explain it and write the explanation in "
                              "docs/content.md");
            } else if (!shows(s, g.explanation)) {
                out.push_back(s.id + " shows '" + g.word + "' first, without '" + g.explanation +
                              "'");
            }
            break; // only the first use needs the explanation
        }
    }
    return out;
}

// docs/content.md's "Bénéfices et nuances" table: | langue | mot | : words that state a benefit.
std::vector<std::pair<std::string, std::string>> benefit_words_in(const std::string& doc) {
    std::vector<std::pair<std::string, std::string>> out;
    for (auto& row : table_under(doc, "## Bénéfices et nuances"))
        if (row.size() >= 2) out.emplace_back(row[0], row[1].substr(1, row[1].size() - 2));
    return out;
}

// The caveats an entry of docs/content.md names: lines "Nuance : « ... »" in the slide's entry.
std::map<std::string, std::vector<std::string>> caveats_in(const std::string& doc) {
    std::map<std::string, std::vector<std::string>> out;
    std::istringstream in(doc);
    std::string line, id;
    const std::string tag = "Nuance : « ";
    const std::string end = " »";
    while (std::getline(in, line)) {
        if (line.rfind("### `", 0) == 0) {
            id = line.substr(5, line.find('`', 5) - 5);
        } else if (line.rfind("##", 0) == 0) {
            id.clear(); // another heading ends the entry
        } else if (!id.empty() && line.rfind(tag, 0) == 0) {
            const auto stop = line.find(end, tag.size());
            out[id].push_back(line.substr(tag.size(), stop - tag.size()));
        }
    }
    return out;
}

// A slide that shows a benefit word needs a caveat in its entry, and every caveat an entry names
// must be on the slide: a promise never stands alone, and a caveat cut from a slide is noticed.
std::vector<std::string>
lone_benefits(const std::vector<Slide>& slides,
              const std::vector<std::pair<std::string, std::string>>& words,
              const std::map<std::string, std::vector<std::string>>& caveats) {
    std::vector<std::string> out;
    for (const Slide& s : slides) {
        const auto it = caveats.find(s.id);
        for (const auto& [lang, word] : words) {
            if (s.lang == lang && shows(s, word) && it == caveats.end())
                out.push_back(s.id + " states a benefit ('" + word +
                              "') and its entry names no caveat (a line 'Nuance : « … »')");
        }
        if (it == caveats.end()) continue;
        for (const auto& caveat : it->second)
            if (!shows(s, caveat)) out.push_back(s.id + " lacks its caveat '" + caveat + "'");
    }
    return out;
}

LoadResult load_shipped() {
    LoadResult r = load_deck(source_dir);
    REQUIRE(r.deck);
    REQUIRE(r.deck->slides.size() > 10);
    return r;
}

// A copy of the shipped content folder, removed at the end.
class ContentCopy {
  public:
    ContentCopy() {
        for (const char* sub : {"slides", "images", "fonts"})
            fs::copy(fs::path(source_dir) / sub, tmp_.dir() / sub, fs::copy_options::recursive);
    }
    std::string dir() const { return tmp_.dir().string(); }

  private:
    testing::TempDir tmp_{"content"};
};

} // namespace

TEST_CASE("deck content: docs/content.md quotes every shipped slide's current text, and no more") {
    const LoadResult r = load_shipped();
    const auto doc = quoted_texts(read_text(source_dir + "/docs/content.md"));
    for (const auto& problem : mismatches(*r.deck, doc))
        FAIL_CHECK(problem);
    // French and Arabic slides both have entries.
    CHECK(doc.count("chimio-definition") == 1);
    CHECK(doc.count("chimio-definition-ar") == 1);
}

TEST_CASE("deck content: a one-word change in a slide file no longer matches its entry") {
    const ContentCopy copy;
    const std::string file = copy.dir() + "/slides/20-chimio.toml";
    std::string text = read_text(file);
    const std::string word = "ont la capacité de détruire";
    const auto at = text.find(word);
    REQUIRE(at != std::string::npos);
    text.replace(at, word.size(), "ont la capacité de tuer"); // one word changed
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    const LoadResult r = load_deck(copy.dir());
    REQUIRE(r.deck);
    const auto problems =
        mismatches(*r.deck, quoted_texts(read_text(source_dir + "/docs/content.md")));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].find("'chimio-definition'") != std::string::npos);
    CHECK(problems[0].find("tuer") != std::string::npos); // the text to paste is given
}

TEST_CASE("deck content: the doc's reader finds entries, their text, and a missing block") {
    const std::string doc = "## Diapositives\n\n### `a` : Titre\n\n```diapositive\n# titre\nUn\n"
                            "```\n\n```diapositive\n# titre\nignoré\n```\n\n### `b`\n\nrien\n\n"
                            "### Autre chose\n\n```diapositive\n# titre\npas b\n```\n"
                            "## Images\n\n```diapositive\n# titre\nhors entrée\n```\n";
    const auto q = quoted_texts(doc);
    REQUIRE(q.size() == 2);
    CHECK(q.at("a") == "# titre\nUn\n");
    CHECK(q.at("b").empty());
    Slide s;
    s.title = "Un";
    s.subtitle = "Deux";
    s.body = "Trois.\n\nQuatre.";
    s.bullets = {"cinq", "six"};
    CHECK(quoted_text(s) ==
          "# titre\nUn\n# sous-titre\nDeux\n# texte\nTrois.\n\nQuatre.\n# puces\n- cinq\n- six\n");
}

TEST_CASE("deck content: words are counted as a patient reads them") {
    CHECK(word_count("") == 0);
    CHECK(word_count("Pourquoi une chimiothérapie\u00A0?") == 3);
    CHECK(word_count("«\u00A0Sélectivité\u00A0» : l’oncologue, 2 fois") == 4);
    CHECK(word_count("لماذا العلاج الكيميائي؟") == 3);
    CHECK(word_count("العلاج الموجه (thérapie\u00A0ciblée) ، يهدف") == 5);
    CHECK(reading_seconds(0) == 12);
    CHECK(reading_seconds(13) == 13); // 7.2 s of reading + 5 s, rounded up
    CHECK(reading_seconds(18) == 15); // exactly 10 s of reading
    CHECK(reading_seconds(41) == 28);
}

TEST_CASE("deck content: every shipped slide shows long enough to be read at 1.8 words a second, "
          "an Arabic slide at least as long as its French one") {
    const std::string doc = read_text(source_dir + "/docs/content.md");
    CHECK(doc.find(rule_in_doc) != std::string::npos); // the rule checked is the rule stated
    const LoadResult r = load_shipped();
    std::map<std::string, double> french;
    for (const Slide& s : r.deck->slides) {
        if (s.lang == "fr") french[s.id] = s.duration_s;
    }
    int arabic = 0;
    for (const Slide& s : r.deck->slides) {
        INFO(s.id << ": " << slide_word_count(s) << " words, " << s.duration_s << " s");
        CHECK(s.duration_s >= reading_seconds(slide_word_count(s)));
        if (s.lang != "ar") continue;
        ++arabic;
        const std::string counterpart = s.id.substr(0, s.id.size() - 3); // without "-ar"
        REQUIRE(french.count(counterpart) == 1);
        CHECK(s.duration_s >= french[counterpart]);
    }
    CHECK(arabic == static_cast<int>(french.size())); // one Arabic slide per French one
}

TEST_CASE("deck content: no sentence of a shipped slide is over 20 words") {
    const LoadResult r = load_shipped();
    for (const Slide& s : r.deck->slides)
        for (const auto& problem : long_sentences(s))
            FAIL_CHECK(problem);
    // The splitter: stops, line breaks and the Arabic question mark end a sentence; a colon, a
    // decimal point or an abbreviation's dot inside a word do not.
    CHECK(sentences_of("Un. Deux\u00A0? Trois\u00A0: quatre\nCinq 1.8 six") ==
          std::vector<std::string>{"Un.", " Deux\u00A0?", " Trois\u00A0: quatre", "Cinq 1.8 six"});
    CHECK(sentences_of("لماذا؟ لأن") == std::vector<std::string>{"لماذا؟", " لأن"});
    Slide s;
    s.id = "long";
    s.body = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
             "seize dix-sept dix-huit dix-neuf vingt vingt-et-un.";
    CHECK(long_sentences(s).size() == 1);
    s.body = "Un deux trois quatre cinq six sept huit neuf dix. Onze douze treize quatorze quinze "
             "seize dix-sept dix-huit dix-neuf vingt vingt-et-un.";
    CHECK(long_sentences(s).empty());
}

TEST_CASE("deck content: a hard word is explained on the slide where it first shows") {
    const std::string doc = read_text(source_dir + "/docs/content.md");
    const auto glosses = glosses_in(doc);
    REQUIRE(glosses.size() >= 10);
    const LoadResult r = load_shipped();
    for (const auto& problem : unexplained(r.deck->slides, glosses))
        FAIL_CHECK(problem);

    // The check fails when a word shows unexplained, or shows at all when it must not.
    Slide first, later;
    first.id = "a";
    first.lang = later.lang = "fr";
    later.id = "b";
    first.body = "L’oncologue choisit.";
    later.body = "L’oncologue, le médecin spécialiste du cancer, choisit.";
    const std::vector<Gloss> g{{"fr", "oncologue", "médecin spécialiste du cancer"},
                               {"fr", "cytotoxiques", ""}};
    CHECK(unexplained({first, later}, g).size() == 1); // explained too late
    CHECK(unexplained({later, first}, g).empty());     // explained at first use
    later.body += " Des médicaments cytotoxiques.";
    CHECK(unexplained({later}, g).size() == 1);
}

TEST_CASE("deck content: a slide that states a benefit carries its caveat") {
    const std::string doc = read_text(source_dir + "/docs/content.md");
    const auto words = benefit_words_in(doc);
    const auto caveats = caveats_in(doc);
    REQUIRE(words.size() >= 5);
    REQUIRE(caveats.count("immuno-resultats") == 1);
    const LoadResult r = load_shipped();
    for (const auto& problem : lone_benefits(r.deck->slides, words, caveats))
        FAIL_CHECK(problem);

    // The check fails on a benefit without a tagged caveat, and on a caveat cut from its slide.
    Slide s;
    s.id = "x";
    s.lang = "fr";
    s.body = "Elle a permis de prolonger la survie de nombreux patients.";
    const std::vector<std::pair<std::string, std::string>> w{{"fr", "survie"}};
    CHECK(lone_benefits({s}, w, {}).size() == 1);
    const std::map<std::string, std::vector<std::string>> c{{"x", {"pas le même effet"}}};
    CHECK(lone_benefits({s}, w, c).size() == 1);
    s.body += " Mais elle n’a pas le même effet chez tous.";
    CHECK(lone_benefits({s}, w, c).empty());
}
