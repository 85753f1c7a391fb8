// Checks of the files a deck names (images, fonts): inside their folder, readable, with a hint
// naming a close file when missing; private to affiche_deck.
#pragma once

#include "deck/content_snapshot.hpp"
#include "toml/table_reader.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace affiche {

// The names of one folder's files, indexed once per load for "did you mean ...?" hints.
class FolderNames {
  public:
    // At most this many names of a similar length are compared with a missing one.
    static constexpr std::size_t max_compared = 64;
    FolderNames(const ContentListing& listing, std::string_view folder);
    // "did you mean 'x'?", the list of a few files, or "put the file in images/".
    std::string hint(std::string_view missing) const;

  private:
    std::string inside_;                   // "images/"
    std::vector<std::string_view> names_;  // sorted by length, then by name
    std::vector<std::string_view> sorted_; // by name, for the listing of a few
    // Hints worked out so far: past max_similar_diagnostics, the report shows no more of them.
    mutable std::size_t hints_ = 0;
};

// A file named by a key of a slide file or deck.toml.
struct NamedFile {
    std::string_view key;    // "image"
    std::string name;        // the key's value, relative to the folder
    std::string_view folder; // "images"
    FileKind kind;
    std::string_view what;     // "image", "font" in messages
    std::string_view fallback; // when set, a missing file is a warning saying this happens
};

// Reads content_dir/folder/name through the snapshot and returns its bytes when it is a file
// inside the folder, or reports why not and returns nullptr.
std::shared_ptr<const std::string> check_named_file(const TableReader& r, ContentSnapshot& snapshot,
                                                    const FolderNames& present,
                                                    const NamedFile& file);

} // namespace affiche
