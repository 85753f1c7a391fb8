// Tests for deck_loader: keys and values: every value read, defaults, range limits, unknown keys,
// wrong types, out of range, invalid choices, colours and ids, what a slide must hold.
#include "deck/deck_loader_test_support.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace affiche;
using namespace affiche::testing;
namespace fs = std::filesystem;

TEST_CASE("deck loader: a valid deck loads with every value") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"(# Deck settings
[deck]
duration = 20
transition = "cut"
transition_duration = 2
languages = ["fr", "ar"]
language_order = "interleave"

[theme]
background = "#000000"
text = "#fff"
accent = "#11223344"
muted = "#ABCDEF"
font = "Body.ttf"
font_bold = ""
font_arabic = "Arabic.otf"
margin = 0
title_size = 0.1
body_size = 0.05
min_cap_height = 0.01

[overlays]
progress = false
clock = false
footer = false
footer_text = "Cabinet"
position = false
)");
    deck.write("fonts/Body.ttf", "not checked");
    deck.write("fonts/Arabic.otf", "not checked");
    deck.write("images/photo.png", png(800, 600));
    deck.write("slides/10-accueil.toml", R"(lang = "fr"
section = "accueil"

[[slide]]
id = "bienvenue"
title = "Bienvenue"
subtitle = "Salle d'attente"
body = """
Premier paragraphe.

Second."""
bullets = ["un", "deux"]
image = "photo.png"
image_position = "left"
image_alt = "Une photo"
duration = 7.5
background = "#0B3C49"
text_color = "#FFFFFF"
enabled = true

[[slide]]
title = "Deux"
section = "autre"
enabled = false
)");
    deck.write("slides/20-ar.toml", "lang = \"ar\"\n[[slide]]\ntitle = \"مرحبا\"\n");

    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(result.diagnostics.empty());
    CHECK(d.content_dir == deck.dir().string());

    CHECK(d.settings.default_duration_s == 20);
    CHECK(d.settings.transition == Transition::cut);
    CHECK(d.settings.transition_s == 2);
    CHECK(d.settings.languages == std::vector<std::string>{"fr", "ar"});
    CHECK(d.settings.language_order == LanguageOrder::interleave);

    CHECK(d.theme.background == Color{0, 0, 0, 255});
    CHECK(d.theme.text == Color{255, 255, 255, 255});
    CHECK(d.theme.accent == Color{0x11, 0x22, 0x33, 0x44});
    CHECK(d.theme.muted == Color{0xAB, 0xCD, 0xEF, 255});
    CHECK(d.theme.font == "Body.ttf");
    CHECK(d.theme.font_path == deck.path("fonts/Body.ttf"));
    CHECK(d.theme.font_bold.empty());
    CHECK(d.theme.font_bold_path.empty());
    CHECK(d.theme.font_arabic == "Arabic.otf");
    CHECK(d.theme.font_arabic_path == deck.path("fonts/Arabic.otf"));
    CHECK(d.theme.margin == 0);
    CHECK(d.theme.title_size == 0.1);
    CHECK(d.theme.body_size == 0.05);
    CHECK(d.theme.min_cap_height == 0.01);

    CHECK_FALSE(d.overlays.progress);
    CHECK_FALSE(d.overlays.clock);
    CHECK_FALSE(d.overlays.footer);
    CHECK_FALSE(d.overlays.position);
    CHECK(d.overlays.footer_text == "Cabinet");

    REQUIRE(d.slides.size() == 3);
    const Slide& s = d.slides[0];
    CHECK(s.id == "bienvenue");
    CHECK(s.lang == "fr");
    CHECK(s.section == "accueil");
    CHECK(s.title == "Bienvenue");
    CHECK(s.subtitle == "Salle d'attente");
    CHECK(s.body == "Premier paragraphe.\n\nSecond.");
    CHECK(s.bullets == std::vector<std::string>{"un", "deux"});
    CHECK(s.image == "photo.png");
    CHECK(s.image_path == deck.path("images/photo.png"));
    CHECK(s.image_position == ImagePosition::left);
    CHECK(s.image_alt == "Une photo");
    CHECK(s.duration_s == 7.5);
    CHECK(s.background == Color{0x0B, 0x3C, 0x49, 255});
    CHECK(s.text_color == Color{255, 255, 255, 255});
    CHECK(s.enabled);
    CHECK(s.loc.path == deck.path("slides/10-accueil.toml"));
    CHECK(s.loc.line == 4);
    CHECK(s.loc.column == 1);

    const Slide& second = d.slides[1];
    CHECK(second.id == "10-accueil-2");
    CHECK(second.lang == "fr");
    CHECK(second.section == "autre");
    CHECK(second.duration_s == 20);
    CHECK_FALSE(second.enabled);
    CHECK_FALSE(second.background.has_value());
    CHECK(second.image.empty());
    CHECK(second.image_path.empty());
    CHECK(second.loc.line == 21);

    const Slide& arabic = d.slides[2];
    CHECK(arabic.id == "20-ar-1");
    CHECK(arabic.lang == "ar");
    CHECK(arabic.section.empty());
    CHECK(arabic.title == "مرحبا");

    CHECK(d.play_order == std::vector<int>{0, 2});
}

TEST_CASE("deck loader: without deck.toml every setting takes its default") {
    TempDeck deck;
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"Seul\"\n");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(result.diagnostics.empty());
    const DeckSettings settings;
    CHECK(d.settings.default_duration_s == 15);
    CHECK(d.settings.transition == Transition::fade);
    CHECK(d.settings.transition_s == 1.0);
    CHECK(d.settings.languages == std::vector<std::string>{"fr"});
    CHECK(d.settings.language_order == LanguageOrder::deck);
    const Theme theme;
    CHECK(d.theme.background == theme.background);
    CHECK(d.theme.text == theme.text);
    CHECK(d.theme.accent == theme.accent);
    CHECK(d.theme.muted == theme.muted);
    CHECK(d.theme.font_path.empty());
    CHECK(d.theme.font_bold_path.empty());
    CHECK(d.theme.font_arabic_path.empty());
    CHECK(d.theme.margin == 0.05);
    CHECK(d.theme.title_size == 0.075);
    CHECK(d.theme.body_size == 0.058);
    CHECK(d.theme.min_cap_height == 0.03);
    CHECK(d.overlays.progress);
    CHECK(d.overlays.clock);
    CHECK(d.overlays.footer);
    CHECK(d.overlays.position);
    CHECK(d.overlays.footer_text.empty());
    REQUIRE(d.slides.size() == 1);
    CHECK(d.slides[0].id == "10-1");
    CHECK(d.slides[0].lang == "fr");
    CHECK(d.slides[0].duration_s == 15);
    CHECK(d.slides[0].image_position == ImagePosition::right);
    CHECK(d.slides[0].enabled);
    CHECK(d.play_order == std::vector<int>{0});
}

TEST_CASE("deck loader: values at the range limits are accepted") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([deck]
duration = 3600
transition_duration = 10
[theme]
margin = 0.2
title_size = 0.3
body_size = 0.02
min_cap_height = 0.005
)");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\nduration = 0.5\n[[slide]]\ntitle = "
                                 "\"b\"\n[[slide]]\ntitle = \"c\"\nduration = 3600\n");
    const LoadResult result = deck.load();
    const Deck& d = EXPECT_LOADED(result);
    CHECK(d.settings.default_duration_s == 3600);
    CHECK(d.settings.transition_s == 10);
    CHECK(d.theme.margin == 0.2);
    REQUIRE(d.slides.size() == 3);
    CHECK(d.slides[0].duration_s == 0.5);
    CHECK(d.slides[1].duration_s == 3600);

    deck.write("slides/deck.toml", "[deck]\ntransition_duration = 0\n[theme]\nmargin = 0.0\n");
    const LoadResult zero = deck.load();
    CHECK(EXPECT_LOADED(zero).settings.transition_s == 0);
}

TEST_CASE("deck loader: unknown keys, with did-you-mean") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"(duration = 10
[deck]
durration = 10
[theme]
xyzzy = 1
[overlay]
clock = false
)");
    deck.write("slides/10.toml", R"(title = "top"
lang = "fr"
[[slide]]
titel = "A"
Body = "b"
)");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    const std::string slides = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, deck_toml, 1, 1, "unknown key 'duration' at the top of deck.toml")
              .hint == "'duration' belongs under [deck]");
    CHECK(EXPECT_ERROR(result, deck_toml, 3, 1, "unknown key 'durration' in [deck]").hint ==
          "did you mean 'duration'?");
    const Diagnostic theme =
        EXPECT_ERROR(result, deck_toml, 5, 1, "unknown key 'xyzzy' in [theme]");
    CHECK(theme.hint.starts_with("allowed keys: background, text, accent"));
    CHECK(EXPECT_ERROR(result, deck_toml, 6, 2, "unknown key 'overlay'").hint ==
          "did you mean 'overlays'?");
    CHECK(
        EXPECT_ERROR(result, slides, 1, 1, "unknown key 'title' at the top of a slide file").hint ==
        "'title' belongs under [[slide]]");
    CHECK(EXPECT_ERROR(result, slides, 4, 1, "unknown key 'titel' in [[slide]]").hint ==
          "did you mean 'title'?");
    CHECK(EXPECT_ERROR(result, slides, 5, 1, "unknown key 'Body'").hint == "did you mean 'body'?");
    EXPECT_ERROR(result, slides, 3, 1, "slide has nothing to show");
}

TEST_CASE("deck loader: wrong value types") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"(theme = "dark"
[deck]
duration = "15"
languages = "fr"
[overlays]
clock = "yes"
footer_text = 3
)");
    deck.write("slides/10.toml", R"([[slide]]
title = 42
duration = "long"
enabled = "no"
background = 0x102A43
)");
    deck.write("slides/20.toml", "[slide]\ntitle = \"x\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    const std::string ten = deck.path("slides/10.toml");
    EXPECT_ERROR(result, deck_toml, 1, 9, "'theme' must be a table, got a string");
    const Diagnostic duration = EXPECT_ERROR(result, deck_toml, 3, 12,
                                             "'duration' must be a number (seconds), got a string");
    CHECK(duration.hint == "write it without quotes");
    EXPECT_ERROR(result, deck_toml, 4, 13, "'languages' must be an array of strings, got a string");
    EXPECT_ERROR(result, deck_toml, 6, 9, "'clock' must be true or false, got a string");
    EXPECT_ERROR(result, deck_toml, 7, 15, "'footer_text' must be a string");
    EXPECT_ERROR(result, ten, 2, 9, "'title' must be a string (text in quotes), got an integer");
    EXPECT_ERROR(result, ten, 3, 12, "'duration' must be a number (seconds), got a string");
    EXPECT_ERROR(result, ten, 4, 11, "'enabled' must be true or false, got a string");
    EXPECT_ERROR(result, ten, 5, 14, "'background' must be a string");
    const Diagnostic table = EXPECT_ERROR(result, deck.path("slides/20.toml"), 1, 1,
                                          "'slide' must be an array of tables");
    CHECK(table.hint.find("[[slide]]") != std::string::npos);
    // A title of the wrong type still counts as content: no cascade.
    CHECK(std::none_of(result.diagnostics.begin(), result.diagnostics.end(), [](const auto& d) {
        return d.message.find("nothing to show") != std::string::npos;
    }));
}

TEST_CASE("deck loader: values out of range") {
    TempDeck deck;
    deck.write("slides/deck.toml", R"([deck]
duration = 0
transition_duration = 11
[theme]
margin = 0.3
title_size = 0.01
body_size = 0.5
min_cap_height = 0.001
)");
    deck.write("slides/10.toml", R"([[slide]]
title = "a"
duration = -1
[[slide]]
title = "b"
duration = 3601
[[slide]]
title = "c"
duration = nan
[[slide]]
title = "ok"
duration = 3600
)");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    const std::string ten = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, deck_toml, 2, 12, "'duration' must be").message ==
          "'duration' must be more than 0 and at most 3600 seconds, got 0");
    EXPECT_ERROR(result, deck_toml, 3, 23,
                 "'transition_duration' must be from 0 to 10 seconds, got 11");
    EXPECT_ERROR(result, deck_toml, 5, 10, "'margin' must be from 0 to 0.2");
    EXPECT_ERROR(result, deck_toml, 6, 14, "'title_size' must be from 0.02 to 0.3");
    EXPECT_ERROR(result, deck_toml, 7, 13, "'body_size' must be from 0.02 to 0.3");
    EXPECT_ERROR(result, deck_toml, 8, 18, "'min_cap_height' must be from 0.005 to 0.2");
    EXPECT_ERROR(result, ten, 3, 12, "at most 3600 seconds, got -1");
    EXPECT_ERROR(result, ten, 6, 12, "at most 3600 seconds, got 3601");
    EXPECT_ERROR(result, ten, 9, 12, "at most 3600 seconds, got");
    CHECK(count(result.diagnostics, Severity::error) == 9);
}

TEST_CASE("deck loader: invalid choices list the allowed values") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[deck]\ntransition = \"slide\"\nlanguage_order = \"mixed\"\n");
    deck.write("slides/10.toml", "[[slide]]\ntitle = \"a\"\nimage_position = \"rigth\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string deck_toml = deck.path("slides/deck.toml");
    EXPECT_ERROR(result, deck_toml, 2, 14,
                 "'transition' must be one of \"fade\", \"cut\", got \"slide\"");
    EXPECT_ERROR(result, deck_toml, 3, 18,
                 "'language_order' must be one of \"deck\", \"interleave\", got \"mixed\"");
    const Diagnostic position = EXPECT_ERROR(
        result, deck.path("slides/10.toml"), 3, 18,
        "'image_position' must be one of \"right\", \"left\", \"top\", \"full\", \"background\"");
    CHECK(position.hint == "did you mean \"right\"?");
}

TEST_CASE("deck loader: invalid colours") {
    TempDeck deck;
    deck.write("slides/deck.toml", "[theme]\naccent = \"#12\"\n");
    deck.write("slides/10.toml",
               "[[slide]]\ntitle = \"a\"\nbackground = \"red\"\ntext_color = \"#GGGGGG\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const Diagnostic accent =
        EXPECT_ERROR(result, deck.path("slides/deck.toml"), 2, 10, "'accent' is not a colour");
    CHECK(accent.hint == "use #rrggbb, e.g. #102A43");
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 3, 14,
                 "'background' is not a colour: \"red\"");
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 4, 14, "'text_color' is not a colour");
}

TEST_CASE("deck loader: invalid and duplicate ids") {
    TempDeck deck;
    deck.write("slides/10.toml", R"([[slide]]
id = "a b"
title = "x"
[[slide]]
id = "same"
title = "y"
)");
    deck.write("slides/20.toml", "[[slide]]\ntitle = \"z\"\nid = \"same\"\n");
    deck.write("slides/30.toml",
               "[[slide]]\nid = \"30-2\"\ntitle = \"p\"\n[[slide]]\ntitle = \"q\"\n");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    EXPECT_ERROR(result, deck.path("slides/10.toml"), 2, 6,
                 "'id' may hold only letters, digits, '-' and '_', got \"a b\"");
    const Diagnostic dup =
        EXPECT_ERROR(result, deck.path("slides/20.toml"), 3, 6, "duplicate id 'same'");
    CHECK(dup.hint == "first used at " + deck.path("slides/10.toml") + ":5");
    // A generated id ("<file-stem>-<n>") clashing with a written one, reported at the slide.
    const Diagnostic generated =
        EXPECT_ERROR(result, deck.path("slides/30.toml"), 4, 1, "duplicate id '30-2'");
    CHECK(generated.hint == "first used at " + deck.path("slides/30.toml") + ":2");
    CHECK(result.diagnostics.size() == 3);
}

TEST_CASE("deck loader: a slide needs a title, body, bullets or image") {
    TempDeck deck;
    deck.write("slides/10.toml", R"([[slide]]
subtitle = "only a subtitle"

  [[slide]]
title = ""
bullets = []
[[slide]]
bullets = ["enough"]
)");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string ten = deck.path("slides/10.toml");
    CHECK(EXPECT_ERROR(result, ten, 1, 1, "slide has nothing to show").hint ==
          "give it a title, body, bullets or image");
    EXPECT_ERROR(result, ten, 4, 3, "slide has nothing to show");
    CHECK(result.diagnostics.size() == 2);
}

TEST_CASE("deck loader: bullets must be an array of strings") {
    TempDeck deck;
    deck.write("slides/10.toml", R"([[slide]]
title = "a"
bullets = "one"
[[slide]]
title = "b"
bullets = ["one", 2, "three", true]
)");
    const LoadResult result = deck.load();
    CHECK_FALSE(result.deck.has_value());
    const std::string ten = deck.path("slides/10.toml");
    EXPECT_ERROR(result, ten, 3, 11, "'bullets' must be an array of strings, got a string");
    EXPECT_ERROR(result, ten, 6, 19, "'bullets' must be an array of strings: item 2 is an integer");
    EXPECT_ERROR(result, ten, 6, 31, "item 4 is a boolean");
    CHECK(result.diagnostics.size() == 3);
}
