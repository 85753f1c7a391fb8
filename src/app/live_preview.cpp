// Edits on screen: adoption timing from the slide diff, and the preview's errors panel.
#include "app/live_preview.hpp"

#include "layout/error_overlay.hpp"
#include "platform/draw_list_renderer.hpp"

namespace affiche {

std::set<std::string> changed_files(const AssetBytes* old, const AssetBytes* fresh) {
    std::set<std::string> out;
    if (!old || !fresh) return out;
    for (const auto& [path, bytes] : fresh->files) {
        const std::string* before = old->find(path);
        if (!before || !bytes || *before != *bytes) out.insert(path);
    }
    for (const auto& entry : old->files) {
        if (!fresh->find(entry.first)) out.insert(entry.first);
    }
    return out;
}

std::optional<int> LivePreview::adopt_now(const Deck& on_screen, int index, bool paused,
                                          const DeckReloader::Result& fresh) const {
    if (!fresh.load.deck) return std::nullopt;
    const AdoptMode mode = windowed_ ? AdoptMode::preview
                           : paused  ? AdoptMode::at_once
                                     : AdoptMode::service;
    const AdoptionPlan plan = plan_adoption(on_screen, index, *fresh.load.deck,
                                            changed_files(assets_.get(), fresh.assets.get()), mode);
    if (!plan.now) return std::nullopt;
    return plan.first;
}

bool LivePreview::set_errors(const std::vector<std::string>& errors) {
    if (errors == errors_) return false;
    errors_ = errors;
    panel_size_ = {};
    panel_lines_.clear();
    const std::string prefix = content_dir_ + "/";
    for (const std::string& e : errors_)
        panel_lines_.push_back(e.starts_with(prefix) ? e.substr(prefix.size()) : e);
    return windowed_;
}

void LivePreview::set_notice(std::vector<std::string> lines) {
    notice_ = std::move(lines);
    panel_size_ = {};
}

void LivePreview::draw(SDL_Renderer* renderer, Size screen) {
    if (!has_panel()) return;
    if (!fonts_) {
        fonts_ = std::make_unique<FontCache>(Theme{});
        measurer_ = std::make_unique<TtfMeasurer>(*fonts_);
    }
    if (panel_size_ != screen) {
        if (windowed_ && !errors_.empty()) {
            panel_ = layout_error_overlay(panel_lines_, screen, *measurer_);
        } else {
            const std::vector<std::string> problems(notice_.begin() + 1, notice_.end());
            panel_ = layout_error_overlay(problems, screen, *measurer_, notice_.front());
        }
        panel_size_ = screen;
    }
    affiche::draw({renderer, fonts_.get(), nullptr, 0}, panel_);
}

} // namespace affiche
