// Loads and fully validates a deck on a worker thread, so the screen never waits for the disk.
#pragma once

#include "deck/deck_loader.hpp"
#include "platform/asset_bytes.hpp"
#include "service/reload_worker.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace affiche {

class DeckReloader {
  public:
    struct Result {
        LoadResult load;
        std::string revision; // hash of the folder's files, for the status report
        std::shared_ptr<const AssetBytes> assets; // the deck's fonts and images, when it loaded
    };
    using Load = std::function<Result(const std::string&)>;

    // load is load_everything; tests inject another one (e.g. one that throws bad_alloc).
    explicit DeckReloader(Load load = {});

    // Readable (for poll) when a result is waiting.
    int fd() const { return worker_.fd(); }
    // Starts loading dir. While a load runs, the request is remembered and run after it, so the
    // last change is always the one loaded.
    void request(const std::string& dir) { worker_.request(dir); }
    // The finished load, if any (non-blocking). Starts a remembered request. A load that threw
    // (out of memory, a file system error) comes back as a refused deck with that error.
    std::optional<Result> take() { return worker_.take(); }
    bool busy() const { return worker_.busy(); }

  private:
    LatestOnlyWorker<Result> worker_;
};

// The whole validation of a content folder as the player reloads it: TOML, values, files, and
// every image decoded, all from the bytes read once (LoadResult::content). No rule that depends
// on the time now: that is check_deck's (schedule/deck_check.hpp), with decode_images as extra.
LoadResult load_and_verify(const std::string& dir);

// The SDL part of load_and_verify: every image of a loaded deck decoded by SDL_image; a failure
// is an error added to load.diagnostics, and load.deck is reset.
void decode_images(LoadResult& load);

// load_and_verify, the revision hash, and the deck's files held in memory. Never throws: any
// failure becomes a refused deck (refused_reload).
DeckReloader::Result load_everything(const std::string& dir);

// A result with no deck and one error naming dir and what went wrong.
DeckReloader::Result refused_reload(const std::string& dir, const std::string& what);

} // namespace affiche
