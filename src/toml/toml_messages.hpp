// toml++'s own syntax error messages in the user's language, as far as their words are known.
#pragma once

#include <string>
#include <string_view>

namespace affiche {

// description: toml++ 3.3's error text, "Error while parsing SCOPE: DETAIL". The frame, the
// scope and the common details are translated (tr); words not known are kept as toml++ wrote
// them. Without a catalogue (English) the text comes back exactly as given.
std::string toml_error_text(std::string_view description);

} // namespace affiche
