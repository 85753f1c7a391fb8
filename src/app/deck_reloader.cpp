// A one-at-a-time background loader of decks, whose failures never end the player.
#include "app/deck_reloader.hpp"

#include "base/i18n.hpp"
#include "base/result.hpp"
#include "base/utf8.hpp"
#include "platform/image_check.hpp"
#include "schedule/announcement_slides.hpp"
#include "service/revision.hpp"

#include <SDL_thread.h>

namespace affiche {

namespace {

DeckReloader::Result load_on_worker(const DeckReloader::Load& load, const std::string& dir) {
    // SDL_SetError's per-thread storage would leak with every reload: free it, also on a throw.
    struct TlsCleanup {
        ~TlsCleanup() { SDL_TLSCleanup(); }
    } cleanup;
    return load ? load(dir) : load_everything(dir);
}

} // namespace

void decode_images(LoadResult& r) {
    if (!r.deck || !r.content) return;
    Diagnostics images = decode_check(*r.deck, *r.content);
    if (has_errors(images)) r.deck.reset();
    for (auto& d : images)
        r.diagnostics.push_back(std::move(d));
}

LoadResult load_and_verify(const std::string& dir) {
    LoadResult r = load_deck(dir);
    decode_images(r);
    return r;
}

DeckReloader::Result load_everything(const std::string& dir) {
    try {
        DeckReloader::Result r{load_and_verify(dir), {}, nullptr};
        if (r.load.deck) insert_announcement_slots(*r.load.deck); // style "slide" only
        if (r.load.content) {
            r.revision = deck_revision(*r.load.content);
            if (r.load.deck) r.assets = assets_from(*r.load.deck, *r.load.content);
        }
        r.load.content.reset(); // the assets keep what plays; the rest of the bytes can go
        return r;
    } catch (...) {
        return refused_reload(dir, describe_current_exception());
    }
}

DeckReloader::Result refused_reload(const std::string& dir, const std::string& what) {
    DeckReloader::Result r;
    r.load.diagnostics.push_back(
        failure(SourceLoc{printable(dir, 400), 0, 0},
                trf("cannot load the deck: {1}", {printable(what, 400)}),
                tr("the last good deck plays on; the next change is loaded again")));
    return r;
}

DeckReloader::DeckReloader(Load load)
    : worker_(
          [load = std::move(load)](const std::string& dir) { return load_on_worker(load, dir); },
          refused_reload) {}

} // namespace affiche
