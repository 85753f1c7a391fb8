// Loads and fully validates a deck on a worker thread, so the screen never waits for the disk.
#pragma once

#include "core/deck_loader.hpp"
#include "platform/asset_bytes.hpp"

#include <memory>

#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace affiche {

class DeckReloader {
  public:
    DeckReloader();
    ~DeckReloader();
    DeckReloader(const DeckReloader&) = delete;
    DeckReloader& operator=(const DeckReloader&) = delete;

    // Readable (for poll) when a result is waiting.
    int fd() const { return event_fd_; }
    // Starts loading dir. While a load runs, the request is remembered and run after it, so the
    // last change is always the one loaded.
    void request(const std::string& dir);
    // The finished load, if any (non-blocking). Starts a remembered request.
    struct Result {
        LoadResult load;
        std::string revision; // hash of the folder's files, for the status report
        std::shared_ptr<const AssetBytes> assets; // the deck's fonts and images, when it loaded
    };
    std::optional<Result> take();
    bool busy() const;

  private:
    void start(const std::string& dir);

    int event_fd_ = -1;
    std::thread worker_;
    mutable std::mutex mutex_;
    bool running_ = false;
    std::optional<Result> result_;
    std::optional<std::string> queued_;
};

// The whole validation of a content folder: TOML, values, files, and every image decoded.
LoadResult load_and_verify(const std::string& dir);

// load_and_verify, the revision hash, and the deck's files read into memory.
DeckReloader::Result load_everything(const std::string& dir);

} // namespace affiche
