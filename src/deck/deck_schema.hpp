// The keys and value ranges of deck.toml and slide files; private to the deck loader.
#pragma once

#include "deck/schedule_reader.hpp" // the schedule keys, read by schedule_reader.cpp
#include "toml/table_reader.hpp"

#include <string_view>

namespace affiche::deck_schema {

constexpr std::string_view deck_file_keys[] = {"deck",          "theme",  "overlays",
                                               "opening_hours", "screen", "burn_in"};
constexpr std::string_view deck_keys[] = {"duration", "transition", "transition_duration",
                                          "languages", "language_order"};
constexpr std::string_view theme_keys[] = {
    "background", "text",       "accent",      "muted",
    "font",       "font_bold",  "font_arabic", "font_arabic_bold",
    "margin",     "title_size", "body_size",   "min_cap_height"};
constexpr std::string_view overlay_keys[] = {"progress", "clock", "footer", "footer_text",
                                             "footer_text_by_language", "position"};
constexpr std::string_view slide_file_keys[] = {"lang",  "section", "slide", "from",
                                                "until", "days",    "hours"};
constexpr std::string_view slide_keys[] = {
    "id",        "title",    "subtitle",   "body",       "bullets", "image", "image_position",
    "image_alt", "duration", "background", "text_color", "enabled", "lang",  "section",
    "from",      "until",    "days",       "hours",      "fallback"};

// Names in the order of the matching enum's values.
constexpr std::string_view transition_names[] = {"fade", "cut"};
constexpr std::string_view language_order_names[] = {"deck", "interleave"};
constexpr std::string_view image_position_names[] = {"right", "left", "top", "full", "background"};

constexpr NumberRange duration_range{0, 3600, true, "seconds"};
constexpr NumberRange transition_range{0, 10, false, "seconds"};
constexpr NumberRange margin_range{0, 0.2, false, "(fraction of the screen)"};
constexpr NumberRange text_size_range{0.02, 0.3, false, "(fraction of the screen height)"};
constexpr NumberRange cap_height_range{0.005, 0.2, false, "(fraction of the screen height)"};

} // namespace affiche::deck_schema
