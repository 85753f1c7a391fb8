// The deck as plain data: settings, theme, overlays and slides, as loaded from a content folder.
#pragma once

#include "base/color.hpp"
#include "base/error.hpp"
#include "base/local_time.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// Where a slide's image goes relative to its text.
enum class ImagePosition { right, left, top, full, background };

enum class Transition { fade, cut };

// How several languages follow each other: every slide of the first language, then every
// slide of the second ("deck"), or slide by slide in file order ("interleave").
enum class LanguageOrder { deck, interleave };

// Weekday bits: bit 0 = Monday ... bit 6 = Sunday.
inline constexpr std::uint8_t all_days = 0x7F;

// When a slide may show (slide file keys, overridden key by key by the slide's own keys).
struct SlideSchedule {
    std::optional<LocalStamp> from;  // shown from this moment on
    std::optional<LocalStamp> until; // shown before this moment; a date means the next midnight
    std::uint8_t days = all_days;    // with hours: the day each range starts
    std::vector<TimeRange> hours;    // empty = all day
    SourceLoc until_loc;             // where `until` is written, for "already past" warnings
    SourceLoc loc;                   // where the first schedule key is written
    bool any() const { return from || until || days != all_days || !hours.empty(); }
};

// Days first..last inclusive.
struct DateRange {
    LocalDay first = 0;
    LocalDay last = 0;
};

// The practice's week, from deck.toml [opening_hours]: outside it the screen is off.
struct OpeningHours {
    bool set = false;                           // false: no table, the screen is always on
    std::array<std::vector<TimeRange>, 7> week; // index 0 = Monday; empty = closed that day
    std::vector<DateRange> closed;              // closed dates, whatever the weekday
    SourceLoc loc;
};

// deck.toml [screen]: how the screen is switched off outside opening hours.
struct ScreenPowerSettings {
    bool cec = true;  // HDMI-CEC standby / wake of the TV
    bool dpms = true; // DPMS off on the DRM connector
};

// deck.toml [burn_in]: the static overlays drift slowly so no pixel holds the same edge all day.
struct BurnInSettings {
    bool enabled = true;
    int amplitude_px = 4; // at most this far from the rest position, each axis
    int step_minutes = 3; // one step along the path every this many minutes
};

struct Slide {
    std::string id;      // from the file, or "<file-stem>-<n>" when absent
    std::string lang;    // "fr", "ar", ... (file-level `lang`, else the deck's first language)
    std::string section; // groups slides for the position dots; "" = no group
    std::string title;
    std::string subtitle;
    std::string body;                 // one paragraph; "\n\n" separates paragraphs
    std::vector<std::string> bullets; // shown after body
    std::string image;                // file name relative to images/, "" = none
    std::string image_path;           // resolved absolute or content-relative path
    SourceLoc image_loc;              // where `image` is written, for errors found later
    ImagePosition image_position = ImagePosition::right;
    std::string image_alt;           // description, for docs and logs
    double duration_s = 0;           // resolved: slide value or deck default
    std::optional<Color> background; // overrides theme.background
    std::optional<Color> text_color; // overrides theme.text
    bool enabled = true;
    SlideSchedule schedule;
    bool fallback = false; // shown only when no other slide is eligible
    // The announcement's own slide (style "slide"), put in the play order by the player
    // (schedule/announcement_slides.hpp): not in any file, no position dot.
    bool announcement = false;
    SourceLoc fallback_loc;
    SourceLoc loc; // the [[slide]] table's position
};

struct Theme {
    Color background{0x10, 0x2A, 0x43, 255};
    Color text{0xF7, 0xF4, 0xEC, 255};
    Color accent{0xA8, 0xDA, 0xDC, 255}; // titles, bullets, progress bar
    Color muted{0xC9, 0xD6, 0xE3, 255};  // footer, clock, inactive dots
    std::string font = "";               // file in fonts/; "" = system fallback
    std::string font_bold = "";
    std::string font_arabic = "";
    std::string font_arabic_bold = "";
    // Resolved paths ("" = system fallback).
    std::string font_path, font_bold_path, font_arabic_path, font_arabic_bold_path;
    double margin = 0.05;         // safe area on each side, fraction of the screen's width/height
    double title_size = 0.075;    // title font size, fraction of screen height (px = size * H)
    double body_size = 0.058;     // largest body font size, fraction of screen height
    double min_cap_height = 0.03; // smallest readable capital height, fraction of screen height
};

struct Overlays {
    bool progress = true; // thin bar: time left on the slide
    bool clock = true;    // HH:MM, 24 h, local time
    bool footer = true;   // footer_text at the bottom
    bool position = true; // one dot per slide, grouped by section
    std::string footer_text;
    // The footer of the slides in a language, by language code ("ar" -> "عيادة ..."): a slide
    // whose language is not listed shows footer_text.
    std::map<std::string, std::string, std::less<>> footer_text_by_language;
    // The footer text a slide in language lang shows.
    const std::string& footer_for(std::string_view lang) const {
        const auto it = footer_text_by_language.find(lang);
        return it == footer_text_by_language.end() ? footer_text : it->second;
    }
};

// How an announcement shows: a band over every slide, or a slide of its own between the slides.
enum class AnnouncementStyle { band, slide };

// slides/announcement.toml: a short message shown from `from` (or at once) until `until`, then
// gone by itself (docs/slide-format.md, "Announcement"); when it shows: schedule.hpp's
// announcement_active.
struct Announcement {
    std::string text;               // one paragraph, 1..max_announcement_chars code points
    std::optional<LocalStamp> from; // none: shown as soon as loaded
    LocalStamp until;               // shown before this local moment
    AnnouncementStyle style = AnnouncementStyle::band;
    SourceLoc loc;       // the [announcement] table
    SourceLoc until_loc; // where `until` is written, for "past" and "too far" messages
};

// The longest announcement text, in code points (a band read from 4 m holds about two lines).
inline constexpr std::size_t max_announcement_chars = 140;
// How far ahead `until` may be: an announcement is for today or this week, not a slide.
inline constexpr int max_announcement_days = 7;

struct DeckSettings {
    double default_duration_s = 15;
    Transition transition = Transition::fade;
    double transition_s = 1.0;
    std::vector<std::string> languages{"fr"}; // languages shown, in this order
    LanguageOrder language_order = LanguageOrder::deck;
};

struct Deck {
    std::string content_dir;
    DeckSettings settings;
    Theme theme;
    Overlays overlays;
    OpeningHours opening_hours;
    ScreenPowerSettings screen_power;
    BurnInSettings burn_in;
    std::optional<Announcement> announcement; // slides/announcement.toml, when there is one
    std::vector<Slide> slides; // every slide in file order, enabled or not, all languages
    // Indices into slides of what plays, in play order (enabled, language filtered and ordered).
    std::vector<int> play_order;
    int shown_count() const { return static_cast<int>(play_order.size()); }
    // The slide at position play_index of the play order (0 <= play_index < shown_count()).
    const Slide& shown(int play_index) const {
        return slides[static_cast<std::size_t>(play_order[static_cast<std::size_t>(play_index)])];
    }
};

} // namespace affiche
