// Renders previews on a dedicated SDL thread, keeping a display and a composer per size warm.
#include "studio/preview_renderer.hpp"

#include "app/deck_report.hpp"
#include "app/render_command.hpp"
#include "platform/display.hpp"
#include "platform/image_check.hpp"
#include "platform/slide_composer.hpp"

#include <SDL.h>

#include <future>
#include <list>
#include <optional>

namespace affiche {

namespace {

// Kept warm: the last few (deck, size) pairs, so typing on one slide reuses fonts and images.
constexpr std::size_t warm_composers = 3;

struct Warm {
    Size size;
    std::shared_ptr<const Deck> deck;   // the deck as composed (play order possibly extended)
    std::shared_ptr<const Deck> source; // the deck asked for (held: its address is the key)
    std::string extra_id;               // the slide appended to the play order, if any
    std::optional<Display> display;
    std::unique_ptr<SlideComposer> composer;
};

// What the checks of drafts keep between two pauses in typing: fonts, measured widths and image
// sizes, for as long as the drafts use the same fonts from the same asset bytes.
struct WarmCheck {
    std::shared_ptr<const AssetBytes> assets;
    Theme theme;
    std::unique_ptr<FontCache> fonts;
    std::unique_ptr<TtfMeasurer> measurer;
    std::unique_ptr<ImageStore> images;

    void prepare(const Deck& deck, const std::shared_ptr<const AssetBytes>& for_assets) {
        if (fonts && assets == for_assets && same_fonts(theme, deck.theme)) return;
        measurer.reset();
        assets = for_assets;
        theme = deck.theme;
        fonts = std::make_unique<FontCache>(theme, assets);
        measurer = std::make_unique<TtfMeasurer>(*fonts);
        images = std::make_unique<ImageStore>(assets);
    }
};

} // namespace

struct PreviewRenderer::State {
    SdlLibrary sdl;
    std::optional<std::string> sdl_error;
    std::list<Warm> warm; // most recently used first
    WarmCheck check;
};

PreviewRenderer::PreviewRenderer() : thread_([this] { run(); }) {}

PreviewRenderer::~PreviewRenderer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void PreviewRenderer::post(std::function<void(State&)> job) {
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void PreviewRenderer::run() {
    State state;
    state.sdl_error = state.sdl.init(true);
    for (;;) {
        std::function<void(State&)> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (jobs_.empty()) break;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job(state);
    }
    state.warm.clear(); // textures and windows go before SDL quits (and State's check before it)
}

namespace {

// The play index of id in deck, extending the play order when the slide does not play.
std::optional<int> play_index_of(const Deck& deck, const std::string& id, Deck& extended,
                                 bool& extend) {
    for (int i = 0; i < deck.shown_count(); ++i)
        if (deck.shown(i).id == id) return i;
    for (std::size_t k = 0; k < deck.slides.size(); ++k) {
        if (deck.slides[k].id != id) continue;
        extended = deck;
        extended.play_order.push_back(static_cast<int>(k));
        extend = true;
        return extended.shown_count() - 1;
    }
    return std::nullopt;
}

Result<std::string> draw(std::list<Warm>& warm, const std::shared_ptr<const Deck>& deck,
                         const std::shared_ptr<const AssetBytes>& assets, const std::string& id,
                         Size size, const std::string& band) {
    Deck extended;
    bool extend = false;
    const auto index = play_index_of(*deck, id, extended, extend);
    if (!index) return failure({}, "unknown slide " + id);
    auto it = warm.begin();
    for (; it != warm.end(); ++it)
        if (it->source == deck && it->size.w == size.w && it->size.h == size.h &&
            it->extra_id == (extend ? id : ""))
            break;
    if (it == warm.end()) {
        Warm w;
        w.size = size;
        w.source = deck;
        w.extra_id = extend ? id : "";
        // A composer keeps its deck alive: the extended copy, or the deck itself.
        w.deck = extend ? std::make_shared<const Deck>(std::move(extended)) : deck;
        // Reuse the display of this size when one is warm (creating a window costs most), and
        // its composer when the new deck draws with the same fonts from the same bytes (a draft
        // being typed): its open fonts and measured widths serve again.
        for (auto& other : warm)
            if (other.size.w == size.w && other.size.h == size.h && other.display) {
                if (other.composer && other.composer->adopt(w.deck, assets))
                    w.composer = std::move(other.composer);
                other.composer.reset();
                w.display = std::move(other.display);
                other.display.reset();
                break;
            }
        if (!w.display) {
            DisplayOptions options;
            options.headless = true;
            options.size = size;
            auto display = open_display(options);
            if (!display) return display.error();
            w.display = std::move(*display);
        }
        if (!w.composer)
            w.composer =
                std::make_unique<SlideComposer>(w.deck, assets, w.display->renderer.get(),
                                                w.display->size, w.display->max_texture_side);
        warm.remove_if([](const Warm& x) { return !x.display; });
        warm.push_front(std::move(w));
        while (warm.size() > warm_composers)
            warm.pop_back();
        it = warm.begin();
    } else {
        warm.splice(warm.begin(), warm, it);
        it = warm.begin();
    }
    it->composer->set_band(band);
    if (auto drawn = draw_rendered_slide(*it->composer, *index, "10:30"); !drawn)
        return drawn.error();
    auto png = encode_png(it->display->renderer.get(), it->display->size);
    SDL_RenderPresent(it->display->renderer.get());
    return png;
}

} // namespace

Result<std::string> PreviewRenderer::render(std::shared_ptr<const Deck> deck,
                                            std::shared_ptr<const AssetBytes> assets,
                                            const std::string& id, Size size,
                                            const std::string& band) {
    std::promise<Result<std::string>> done;
    auto result = done.get_future();
    post([&](State& state) {
        if (state.sdl_error) {
            done.set_value(failure({}, "cannot start SDL: " + *state.sdl_error));
            return;
        }
        done.set_value(draw(state.warm, deck, assets, id, size, band));
    });
    return result.get();
}

Diagnostics PreviewRenderer::readability(const Deck& deck,
                                         std::shared_ptr<const AssetBytes> assets) {
    std::promise<Diagnostics> done;
    auto result = done.get_future();
    post([&](State& state) {
        if (state.sdl_error) return done.set_value(Diagnostics{});
        state.check.prepare(deck, assets);
        done.set_value(readability_warnings(deck, *state.check.fonts, *state.check.measurer,
                                            *state.check.images));
    });
    return result.get();
}

std::optional<std::string> PreviewRenderer::decode_problem(const std::string& bytes,
                                                           const ImageHeader& header) {
    std::promise<std::optional<std::string>> done;
    auto result = done.get_future();
    post([&](State&) { done.set_value(decode_failure(bytes, header)); });
    return result.get();
}

} // namespace affiche
