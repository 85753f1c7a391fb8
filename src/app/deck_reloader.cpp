// A one-at-a-time background loader with an eventfd to wake the loop when it is done.
#include "app/deck_reloader.hpp"

#include "platform/image_check.hpp"
#include "service/revision.hpp"

#include <SDL_thread.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cstdint>

namespace affiche {

LoadResult load_and_verify(const std::string& dir) {
    LoadResult r = load_deck(dir);
    if (r.deck) {
        Diagnostics images = decode_check(*r.deck);
        if (has_errors(images)) r.deck.reset();
        for (auto& d : images)
            r.diagnostics.push_back(std::move(d));
    }
    return r;
}

DeckReloader::Result load_everything(const std::string& dir) {
    DeckReloader::Result r{load_and_verify(dir), deck_revision(dir), nullptr};
    if (r.load.deck) r.assets = read_assets(*r.load.deck);
    return r;
}

DeckReloader::DeckReloader() {
    event_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

DeckReloader::~DeckReloader() {
    if (worker_.joinable()) worker_.join();
    if (event_fd_ >= 0) close(event_fd_);
}

void DeckReloader::request(const std::string& dir) {
    std::lock_guard lock(mutex_);
    if (running_) {
        queued_ = dir;
        return;
    }
    start(dir);
}

void DeckReloader::start(const std::string& dir) {
    // Called with mutex_ held and no load running.
    if (worker_.joinable()) worker_.join();
    running_ = true;
    worker_ = std::thread([this, dir] {
        Result r = load_everything(dir);
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(r);
            running_ = false;
        }
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = write(event_fd_, &one, sizeof one);
        SDL_TLSCleanup(); // SDL_SetError's per-thread storage would leak with every reload
    });
}

std::optional<DeckReloader::Result> DeckReloader::take() {
    std::uint64_t count = 0;
    [[maybe_unused]] const auto n = read(event_fd_, &count, sizeof count);
    std::lock_guard lock(mutex_);
    std::optional<Result> out = std::move(result_);
    result_.reset();
    if (!running_ && queued_) {
        const std::string dir = *queued_;
        queued_.reset();
        start(dir);
        // A result superseded by a newer request is dropped: the newer one is what counts.
        if (out) out.reset();
    }
    return out;
}

bool DeckReloader::busy() const {
    std::lock_guard lock(mutex_);
    return running_ || queued_.has_value();
}

} // namespace affiche
