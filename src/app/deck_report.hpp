// Loading a deck for the command line: diagnostics printed, plus the too-much-text warnings
// that need real font metrics.
#pragma once

#include "deck/deck_loader.hpp"
#include "platform/asset_bytes.hpp"
#include "platform/fonts.hpp"
#include "platform/images.hpp"

#include <memory>

#include <string>

namespace affiche {

// Layout checks with the deck's own fonts at 1920x1080 and 1080x1920: a warning for each slide
// whose body would need capitals smaller than theme.min_cap_height. Needs TTF_Init. Fonts and
// images come from assets (the bytes the load read), so the check reads no file again.
Diagnostics readability_warnings(const Deck& deck, std::shared_ptr<const AssetBytes> assets);
// The same with fonts, widths and image sizes kept from earlier checks (the studio checks a
// draft at every pause in typing): fonts made for deck.theme, images over the same assets.
Diagnostics readability_warnings(const Deck& deck, const FontCache& fonts,
                                 const TtfMeasurer& measurer, ImageStore& images);

// Prints each diagnostic on stderr, and a summary line when there are any.
void print_diagnostics(const Diagnostics& ds);

// Resolves the content folder: the given one, else the current folder when it has slides/,
// else the installed deck. "" when none exists.
std::string resolve_content_dir(const std::string& given);

} // namespace affiche
