// End to end, in the editors' language: `affiche --check` under LANG=fr_FR.UTF-8 speaks French
// while the "path:line:col: error: " prefix stays exactly the English one.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace affiche::testing;
namespace fs = std::filesystem;

namespace {

// A copy of the fixture deck with a slide file holding three mistakes, removed at the end.
struct BrokenDeck {
    TempDir tmp{"i18n"};
    fs::path dir = tmp.dir() / "deck";
    BrokenDeck() {
        fs::copy(fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic", dir,
                 fs::copy_options::recursive);
        std::ofstream(dir / "slides" / "10-texte.toml", std::ios::trunc)
            << "[[slide]]\nid = \"texte\"\ntitel = \"x\"\ntitle = \"Bonjour\"\n"
               "image = \"rnd.svg\"\nduration = \"5\"\n";
    }
};

// affiche --check dir with the given language variables (LANGUAGE and LC_ALL cleared first).
Run check(const fs::path& dir, const std::string& lang_vars) {
    return run_shell("env -u LANGUAGE -u LC_ALL -u LC_MESSAGES " + lang_vars + " '" +
                     std::string(AFFICHE_BIN) + "' --check '" + dir.string() + "'");
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

// "path:line:col: error: " of a diagnostic line, or "" when the line is not one.
std::string prefix_of(const std::string& line) {
    for (const char* word : {": error: ", ": warning: ", ": note: "}) {
        const auto at = line.find(word);
        if (at != std::string::npos) return line.substr(0, at + std::string(word).size());
    }
    return "";
}

} // namespace

TEST_CASE("translations e2e: --check in French, with the same path:line:col: error: prefix") {
    BrokenDeck deck;
    const Run en = check(deck.dir, "LANG=C.UTF-8");
    const Run fr = check(deck.dir, "LANG=fr_FR.UTF-8");
    INFO("English:\n" << en.output << "French:\n" << fr.output);
    CHECK(en.code == 1);
    CHECK(fr.code == 1);
    // English stays the default.
    CHECK(en.output.find("unknown key 'titel' in [[slide]] (did you mean 'title'?)") !=
          std::string::npos);
    CHECK(en.output.find("3 errors, 0 warnings") != std::string::npos);
    // French text after an unchanged prefix.
    const std::string slide = deck.dir.string() + "/slides/10-texte.toml";
    CHECK(fr.output.find(slide + ":3:1: error: clé inconnue 'titel' dans [[slide]] (vouliez-vous "
                                 "dire 'title' ?)") != std::string::npos);
    CHECK(fr.output.find(slide + ":5:9: error: image 'rnd.svg' introuvable dans images/") !=
          std::string::npos);
    CHECK(fr.output.find(slide +
                         ":6:12: error: 'duration' doit être un nombre (secondes), trouvé : "
                         "un texte (écrivez-le sans guillemets)") != std::string::npos);
    CHECK(fr.output.find("3 erreurs, 0 avertissement") != std::string::npos);
    CHECK(fr.output.find("unknown key") == std::string::npos);
    // Line by line, the same diagnostics with the same prefixes, in the same order.
    const auto en_lines = lines_of(en.output);
    const auto fr_lines = lines_of(fr.output);
    REQUIRE(en_lines.size() == fr_lines.size());
    int diagnostics = 0;
    for (std::size_t i = 0; i < en_lines.size(); ++i) {
        CHECK(prefix_of(fr_lines[i]) == prefix_of(en_lines[i]));
        diagnostics += !prefix_of(en_lines[i]).empty();
    }
    CHECK(diagnostics == 3);
}

TEST_CASE("translations e2e: a French locale that is not generated still gets French") {
    BrokenDeck deck;
    // No system generates fr_XX: the language part still selects the French catalogue.
    const Run fr = check(deck.dir, "LANG=fr_XX.UTF-8");
    INFO(fr.output);
    CHECK(fr.output.find("clé inconnue 'titel'") != std::string::npos);
    // A language without a catalogue: English.
    const Run de = check(deck.dir, "LANG=de_DE.UTF-8");
    CHECK(de.output.find("unknown key 'titel'") != std::string::npos);
}

TEST_CASE("translations e2e: a good deck is reported OK in French") {
    const fs::path deck = fs::path(AFFICHE_SOURCE_DIR) / "tests" / "fixtures" / "basic";
    const Run fr = check(deck, "LANG=fr_FR.UTF-8");
    INFO(fr.output);
    CHECK(fr.code == 0);
    CHECK(fr.output.find(deck.string() + ": diapositives correctes, 3 diapositives à montrer") !=
          std::string::npos);
}

TEST_CASE("translations e2e: a TOML syntax error (a quote left open) in French and in English") {
    BrokenDeck deck;
    std::ofstream(deck.dir / "slides" / "10-texte.toml", std::ios::trunc)
        << "[[slide]]\nid = \"texte\"\ntitle = \"jamais refermé\n";
    const Run en = check(deck.dir, "LANG=C.UTF-8");
    const Run fr = check(deck.dir, "LANG=fr_FR.UTF-8");
    INFO("English:\n" << en.output << "French:\n" << fr.output);
    const std::string at = deck.dir.string() + "/slides/10-texte.toml:3:";
    // toml++'s own words in English, unchanged.
    CHECK(en.output.find("error: Error while parsing string: unescaped control characters other "
                         "than TAB (U+0009) are explicitly prohibited") != std::string::npos);
    CHECK(fr.output.find("error: Erreur de syntaxe TOML (texte) : texte non refermé") !=
          std::string::npos);
    CHECK(fr.output.find("le guillemet fermant manque-t-il") != std::string::npos);
    CHECK(prefix_of(lines_of(fr.output).front()) == prefix_of(lines_of(en.output).front()));
    CHECK(prefix_of(lines_of(fr.output).front()).rfind(at, 0) == 0);
}

TEST_CASE(
    "translations e2e: a language not shown in three files is one French note with the count") {
    BrokenDeck deck; // its 10-texte.toml replaced by a good slide: only the notes are left
    std::ofstream(deck.dir / "slides" / "10-texte.toml", std::ios::trunc)
        << "[[slide]]\ntitle = \"Bonjour\"\n";
    for (const char* name : {"30-ar.toml", "31-ar.toml", "32-ar.toml"})
        std::ofstream(deck.dir / "slides" / name)
            << "lang = \"ar\"\n[[slide]]\ntitle = \"مرحبا\"\n";
    const Run en = check(deck.dir, "LANG=C.UTF-8");
    const Run fr = check(deck.dir, "LANG=fr_FR.UTF-8");
    INFO("English:\n" << en.output << "French:\n" << fr.output);
    CHECK(en.code == 0);
    CHECK(fr.code == 0);
    const std::string at = deck.dir.string() + "/slides/30-ar.toml:1:8: note: ";
    CHECK(en.output.find(at + "slides in language 'ar' are not shown: deck.languages is [\"fr\"]; "
                              "2 more files hold 'ar' slides") != std::string::npos);
    CHECK(fr.output.find(at + "les diapositives en langue 'ar' ne sont pas montrées : "
                              "deck.languages vaut [\"fr\"] ; 2 autres fichiers contiennent des "
                              "diapositives en langue 'ar'") != std::string::npos);
    // One note, not one per file, in either language.
    for (const Run* run : {&en, &fr}) {
        int notes = 0;
        for (const auto& line : lines_of(run->output))
            notes += line.find(": note: ") != std::string::npos;
        CHECK(notes == 1);
    }
}
