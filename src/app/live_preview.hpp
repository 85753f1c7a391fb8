// What an edit does on screen: when a valid new deck takes over (schedule/adoption), and, in the
// --windowed preview, the errors of a refused edit drawn over the last good slide until fixed.
#pragma once

#include "app/deck_reloader.hpp"
#include "base/millis.hpp"
#include "layout/draw_list.hpp"
#include "platform/fonts.hpp"
#include "schedule/adoption.hpp"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace affiche {

// The file paths whose bytes differ between two decks' held fonts and images (either side may
// be null: no bytes held).
std::set<std::string> changed_files(const AssetBytes* old, const AssetBytes* fresh);

class LivePreview {
  public:
    // content_dir: shown paths are made relative to it on the panel ("slides/a.toml:3:1: ...").
    LivePreview(bool windowed, std::string content_dir)
        : windowed_(windowed), content_dir_(std::move(content_dir)) {}

    // Quiet time after the last file event before a reload, ms: short in the preview, so an
    // edit shows within a second; longer on the TV, where a deploy writes many files.
    Millis quiet_ms() const { return windowed_ ? 150 : 500; }
    // The deck now on screen: its held bytes, to tell which images or fonts the next edit changed.
    void deck_started(std::shared_ptr<const AssetBytes> assets) { assets_ = std::move(assets); }
    // The play index at which fresh takes over now, or nullopt to wait for the next slide
    // boundary. on_screen: the deck shown, at play index `index`.
    std::optional<int> adopt_now(const Deck& on_screen, int index, bool paused,
                                 const DeckReloader::Result& fresh) const;
    // The formatted errors of the last refused edit (empty once the files are good again).
    // True when the picture must be drawn again (the panel appears, changes or goes).
    bool set_errors(const std::vector<std::string>& errors);
    // A notice shown over every frame, full screen too (the Pi image's affiche.toml errors):
    // its first line is the heading, the others the problems; empty = none.
    void set_notice(std::vector<std::string> lines);
    // Whether a frame has a panel to draw over it: the preview's errors (never on the full
    // screen of the service), else the notice.
    bool has_panel() const { return (windowed_ && !errors_.empty()) || !notice_.empty(); }
    // Draws the errors panel on the renderer's current target, of size screen (px).
    void draw(SDL_Renderer* renderer, Size screen);

  private:
    bool windowed_;
    std::string content_dir_;
    std::shared_ptr<const AssetBytes> assets_;
    std::vector<std::string> errors_;
    std::vector<std::string> panel_lines_; // errors_ with paths relative to the content folder
    std::vector<std::string> notice_;
    // The panel's own fonts (the system's DejaVu, whatever the deck's theme), opened on first use.
    std::unique_ptr<FontCache> fonts_;
    std::unique_ptr<TtfMeasurer> measurer_;
    DrawList panel_;
    Size panel_size_; // the screen size panel_ was laid out for; {} = lay out again
};

} // namespace affiche
