// The player's renderer in the studio: slides drawn offscreen to PNG on one thread that owns SDL.
#pragma once

#include "base/geometry.hpp"
#include "base/result.hpp"
#include "deck/deck.hpp"
#include "deck/image_header.hpp"
#include "platform/asset_bytes.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace affiche {

// Preview sizes accepted, pixels on each side: a thumbnail to a 4K screen.
inline constexpr int min_preview_side = 64;
inline constexpr int max_preview_side = 3840;

class PreviewRenderer {
  public:
    // Starts the thread; SDL (offscreen video, software renderer, fonts, images) starts on it.
    PreviewRenderer();
    ~PreviewRenderer();
    PreviewRenderer(const PreviewRenderer&) = delete;
    PreviewRenderer& operator=(const PreviewRenderer&) = delete;

    // The slide with this id drawn at size exactly as `affiche --render --size WxH` draws it
    // (clock 10:30, progress halfway), as PNG bytes. A slide outside the play order (disabled,
    // another language) is drawn as if it played last. band: the announcement band's text drawn
    // over it ("" for none), as the player draws it. Blocks the caller until drawn.
    Result<std::string> render(std::shared_ptr<const Deck> deck,
                               std::shared_ptr<const AssetBytes> assets, const std::string& id,
                               Size size, const std::string& band = "");
    // The readability warnings `affiche --check` adds (real font metrics), for a deck.
    Diagnostics readability(const Deck& deck, std::shared_ptr<const AssetBytes> assets);

    // Why the player's decoder refuses these image bytes (nullopt: they decode), on SDL's thread.
    std::optional<std::string> decode_problem(const std::string& bytes, const ImageHeader& header);

  private:
    struct State;
    void run();
    void post(std::function<void(State&)> job);

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void(State&)>> jobs_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace affiche
