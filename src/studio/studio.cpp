// The studio's shared state that needs code: its screens' store, opened at start, the last draft
// deck, loaded once per typing pause, and the announcement band of the moment.
#include "studio/studio.hpp"

#include "schedule/deck_check.hpp"
#include "schedule/schedule.hpp"

namespace affiche {

Studio::Studio(StudioConfig config) : config_(std::move(config)), workspace_(config_.content_dir) {
    auto store = ScreenStore::open(config_.state_dir + "/screens.sqlite");
    if (store)
        screens_ = std::move(store).value();
    else
        screens_error_ = format_diagnostic(store.error());
}

std::shared_ptr<const DraftLoad> Studio::draft(const std::string& file, const std::string& text) {
    const auto state = workspace_.state();
    const std::int64_t at = now();
    const std::string key =
        std::to_string(state->fingerprint) + '\0' + std::to_string(at) + '\0' + file + '\0' + text;
    std::lock_guard lock(draft_mutex_);
    if (last_draft_ && last_draft_->key == key) return last_draft_;
    // The header check of images, not their decoding: the saved deck's images were decoded, and
    // the save decodes again (write_checked).
    LoadResult load = check_deck(workspace_.dir(), at, {}, {{file, text}});
    auto fresh = std::make_shared<DraftLoad>();
    fresh->key = key;
    fresh->diagnostics = std::move(load.diagnostics);
    if (load.deck) {
        fresh->deck = std::make_shared<const Deck>(std::move(*load.deck));
        if (load.content) fresh->assets = assets_from(*fresh->deck, *load.content);
        // Typing changes text, not pictures or fonts: the bytes already held are used again,
        // so the previews keep their open fonts and measured widths (one PreviewRenderer key).
        for (const auto& held : {last_draft_ ? last_draft_->assets : nullptr, state->assets})
            if (fresh->assets && held && same_assets(*fresh->assets, *held)) {
                fresh->assets = held;
                break;
            }
    }
    last_draft_ = fresh;
    return last_draft_;
}

std::string Studio::band_now(const Deck& deck) const {
    if (!deck.announcement || deck.announcement->style != AnnouncementStyle::band) return "";
    return announcement_active(deck, now()) ? deck.announcement->text : "";
}

} // namespace affiche
