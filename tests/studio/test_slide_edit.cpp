// Value-span edits: every value type, multi-line strings, escapes, Unicode, CRLF, and a property
// test (random edits re-parse to the intended values, every byte outside the span unchanged).
#include "studio/slide_edit.hpp"
#include "studio/slide_json.hpp"
#include "studio/toml_text.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace affiche;

namespace {

// A slide file as people write them: comments, alignment, a multi-line body with line-ending
// backslashes, escapes, a list over several lines.
const std::string sample = R"(# Commentaire en tête : « garder » ceci.
lang = "fr"
section = "chimio"

[[slide]]
id = "un"
title = "La chimiothérapie\u00A0?"   # titre
body = """
Un traitement \
médical.

Deuxième paragraphe."""
bullets = [
  "le type",
  "la dose",
]
duration = 22
enabled = true
from = 2026-12-20

[[slide]]
id = "deux"
title = 'littéral \n'
)";

std::string with_crlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

const SlideBlock& slide(const TomlFileSpans& spans, std::size_t i) {
    REQUIRE(spans.slides.size() > i);
    return spans.slides[i];
}

nlohmann::json value_of(const std::string& text, std::size_t index, const std::string& key) {
    auto spans = toml_file_spans(text, "f.toml");
    REQUIRE_MESSAGE(spans, text);
    const auto* kv = slide(*spans, index).find(key);
    return kv ? to_json(kv->parsed) : nlohmann::json(nullptr);
}

std::string edited(const std::string& text, std::size_t index, const std::vector<KeyEdit>& edits) {
    auto spans = toml_file_spans(text, "f.toml");
    REQUIRE(spans);
    return apply_key_edits(text, *spans, slide(*spans, index), edits);
}

} // namespace

TEST_CASE("replacing a value changes only its bytes") {
    for (const std::string& text : {sample, with_crlf(sample)}) {
        auto spans = toml_file_spans(text, "f.toml");
        REQUIRE(spans);
        const auto* title = slide(*spans, 0).find("title");
        REQUIRE(title);
        const std::string out = edited(text, 0, {{"title", toml_string("Nouveau « titre »")}});
        CHECK(out.substr(0, title->value.begin) == text.substr(0, title->value.begin));
        CHECK(out.substr(out.size() - (text.size() - title->value.end)) ==
              text.substr(title->value.end));
        CHECK(value_of(out, 0, "title") == "Nouveau « titre »");
        CHECK(value_of(out, 0, "body") == value_of(text, 0, "body"));
    }
}

TEST_CASE("every value type is written so it reads back") {
    CHECK(value_of(edited(sample, 0, {{"duration", toml_number(12.5)}}), 0, "duration") == 12.5);
    CHECK(value_of(edited(sample, 0, {{"duration", toml_number(30)}}), 0, "duration") == 30);
    CHECK(value_of(edited(sample, 0, {{"enabled", "false"}}), 0, "enabled") == false);
    CHECK(value_of(edited(sample, 0, {{"bullets", toml_string_array({"a\"b", "c\\d", "é"})}}), 0,
                   "bullets") == nlohmann::json({"a\"b", "c\\d", "é"}));
    CHECK(value_of(edited(sample, 0, {{"from", "2026-12-21T08:00:00"}}), 0, "from") ==
          "2026-12-21T08:00:00");
    CHECK(value_of(edited(sample, 1, {{"title", toml_string("x")}}), 1, "title") == "x");
}

TEST_CASE("multi-line strings, escapes and the no-break space") {
    const std::string body = "Ligne 1\n\nLigne \"3\" avec \\ et\ttab\u00A0!\x01";
    for (const std::string& text : {sample, with_crlf(sample)}) {
        const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
        const std::string out = edited(text, 0, {{"body", toml_string(body, eol)}});
        CHECK(value_of(out, 0, "body") == body);
        CHECK(out.find("\\u00A0") != std::string::npos);
        if (eol == "\r\n") {
            // No bare LF enters a CRLF file.
            for (std::size_t i = 0; i < out.size(); ++i)
                if (out[i] == '\n') CHECK((i > 0 && out[i - 1] == '\r'));
        }
    }
}

TEST_CASE("adding and removing keys touches only their lines") {
    for (const std::string& text : {sample, with_crlf(sample)}) {
        const std::string added = edited(text, 0, {{"subtitle", toml_string("Sous-titre")}});
        CHECK(value_of(added, 0, "subtitle") == "Sous-titre");
        CHECK(value_of(added, 1, "id") == "deux");
        const std::string removed = edited(added, 0, {{"subtitle", std::nullopt}});
        CHECK(removed == text);
        const std::string no_bullets = edited(text, 0, {{"bullets", std::nullopt}});
        CHECK(value_of(no_bullets, 0, "bullets").is_null());
        CHECK(value_of(no_bullets, 0, "duration") == 22);
    }
    // A file whose last line has no line break.
    const std::string bare = "[[slide]]\nid = \"a\"";
    CHECK(value_of(edited(bare, 0, {{"title", toml_string("T")}}), 0, "title") == "T");
}

TEST_CASE("blocks are cut, copied and placed") {
    auto spans = toml_file_spans(sample, "f.toml");
    REQUIRE(spans);
    const std::string second = block_text(sample, slide(*spans, 1), "\n");
    const std::string without = remove_block(sample, slide(*spans, 1));
    auto after_cut = toml_file_spans(without, "f.toml");
    REQUIRE(after_cut);
    CHECK(after_cut->slides.size() == 1);
    const std::string swapped = insert_block(without, &after_cut->slides[0], second, "\n");
    CHECK(value_of(swapped, 0, "id") == "deux");
    CHECK(value_of(swapped, 1, "id") == "un");
    const std::string appended =
        insert_block(sample, nullptr, new_block({{"id", "\"trois\""}}, "\n"), "\n");
    CHECK(value_of(appended, 2, "id") == "trois");
}

TEST_CASE("JSON edits: unchanged values keep their bytes, wrong types are refused") {
    auto spans = toml_file_spans(sample, "f.toml");
    REQUIRE(spans);
    const SlideBlock& s = slide(*spans, 0);
    auto same = edits_from_json(slide_json(s), &s, "\n");
    CHECK(same.edits.empty());
    CHECK(same.errors.empty());
    auto wrong = edits_from_json({{"duration", "long"}, {"nope", 1}, {"from", "demain"}}, &s, "\n");
    CHECK(wrong.errors.size() == 3);
    auto impossible = edits_from_json({{"from", "2026-13-45"}}, &s, "\n");
    REQUIRE(impossible.errors.size() == 1);
    CHECK(impossible.errors[0].key == "from");
    auto moment = edits_from_json({{"from", "2026-12-21 08:00"}}, &s, "\n");
    REQUIRE(moment.edits.size() == 1);
    CHECK(*moment.edits[0].toml == "2026-12-21T08:00:00");
    auto cleared = edits_from_json({{"bullets", nlohmann::json::array()}}, &s, "\n");
    REQUIRE(cleared.edits.size() == 1);
    CHECK(!cleared.edits[0].toml);
}

TEST_CASE("property: random edits re-parse to the intended values, nothing else moves") {
    std::mt19937 random(20261207); // fixed: a failure reproduces
    const std::vector<std::string> pieces = {"a",  "É", "\u00A0", "\"", "\\", "\n",
                                             "\t", "'", "\"\"\"", "ك",  "😀",  " ",
                                             "#",  "=", "[",      "]",  "\r"};
    auto random_text = [&] {
        std::string s;
        const int n = static_cast<int>(random() % 12);
        for (int i = 0; i < n; ++i)
            s += pieces[random() % pieces.size()];
        return s;
    };
    for (int round = 0; round < 400; ++round) {
        const std::string text = round % 2 ? with_crlf(sample) : sample;
        const std::string eol = round % 2 ? "\r\n" : "\n";
        auto spans = toml_file_spans(text, "f.toml");
        REQUIRE(spans);
        const std::size_t index = random() % 2;
        const SlideBlock& s = slide(*spans, index);
        const char* keys[] = {"title", "body", "bullets", "duration", "enabled"};
        const std::string key = keys[random() % 5];
        nlohmann::json intended;
        std::string toml;
        if (key == "bullets") {
            std::vector<std::string> items(random() % 4);
            for (auto& item : items)
                item = random_text();
            intended = items;
            toml = toml_string_array(items);
        } else if (key == "duration") {
            intended = static_cast<int>(random() % 3600) + 1;
            toml = toml_number(intended.get<double>());
        } else if (key == "enabled") {
            intended = random() % 2 == 0;
            toml = intended.get<bool>() ? "true" : "false";
        } else {
            intended = random_text();
            toml = toml_string(intended.get<std::string>(), eol);
        }
        const std::string out = apply_key_edits(text, *spans, s, {{key, toml}});
        INFO("round " << round << " key " << key << " value " << intended.dump());
        // A CR typed in a CRLF file comes back as an escape, never as a raw CR: equal values.
        CHECK(value_of(out, index, key) == intended);
        if (const auto* kv = s.find(key)) {
            CHECK(out.compare(0, kv->value.begin, text, 0, kv->value.begin) == 0);
            const std::size_t tail = text.size() - kv->value.end;
            CHECK(out.compare(out.size() - tail, tail, text, kv->value.end, tail) == 0);
        } else {
            // Inserted as one line: the text before and after the insertion point is intact.
            const std::size_t at = s.keys.back().line.end;
            CHECK(out.compare(0, at, text, 0, at) == 0);
            CHECK(out.compare(out.size() - (text.size() - at), text.size() - at, text, at) == 0);
        }
        // The other keys keep their values.
        for (const auto& other : s.keys)
            if (other.key != key) CHECK(value_of(out, index, other.key) == to_json(other.parsed));
    }
}
