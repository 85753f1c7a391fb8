// The studio's side of publishing: sync's publish() on the content folder, the history of
// publications, and the deck as last published (for the diff page).
#pragma once

#include "base/result.hpp"
#include "deck/deck_loader.hpp"
#include "studio/studio.hpp"
#include "sync/manifest.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace affiche {

// Publishes content_dir (or another folder: a restored version) to the site folder with the
// studio's key, exactly as `affiche-sync publish` does, and records it in the history.
// Errors: the refusal of publish (an invalid deck, a key problem), in its diagnostic.
Result<Manifest> publish_from_studio(Studio& studio, const std::string& content_dir);

// The publications so far, newest first: [{"sequence", "revision", "created", "archive"}].
nlohmann::json publication_history(const Studio& studio);

// The deck of the site's current manifest, unpacked once under STATE_DIR/published/<revision>
// and loaded; nullopt when nothing is published yet. manifest gets the manifest.
std::optional<LoadResult> published_deck(Studio& studio, std::optional<Manifest>& manifest);

// Unpacks the archive of a publication into STATE_DIR/published/<revision> (once); its path.
Result<std::string> unpacked_publication(Studio& studio, const Manifest& m);

} // namespace affiche
