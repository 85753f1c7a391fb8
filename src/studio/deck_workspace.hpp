// The content folder the studio edits: the deck as loaded now, its files' tags, checked writes.
#pragma once

#include "base/local_time.hpp"
#include "base/result.hpp"
#include "deck/deck_loader.hpp"
#include "platform/asset_bytes.hpp"
#include "studio/slide_json.hpp"
#include "toml/toml_spans.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace affiche {

// The deck as the folder holds it at one moment.
struct DeckState {
    std::shared_ptr<const Deck> deck; // null when the folder does not load
    Diagnostics diagnostics;
    std::shared_ptr<const AssetBytes> assets;
    std::uint64_t fingerprint = 0; // changes whenever a file of the folder changes
};

// Where a slide is written.
struct SlidePlace {
    std::string file;    // relative to the content folder: "slides/20-chimio.toml"
    int header_line = 0; // its [[slide]] line
};

// A rule of the studio's beyond the loader's, on the deck as an edit would leave it: what it
// finds refuses the edit.
using DeckRule = std::function<std::vector<FieldError>(const Deck&)>;

// The outcome of a checked edit.
struct EditOutcome {
    enum class Status { written, stale, invalid, refused, failed };
    Status status = Status::written;
    LoadResult check;                 // the deck as it would be (invalid: its errors)
    std::vector<FieldError> refusals; // refused: what the studio's rule found
    std::string tag;                  // the file's new tag (written)
    std::string error;                // failed: why, for the log
};

class DeckWorkspace {
  public:
    explicit DeckWorkspace(std::string content_dir);

    const std::string& dir() const { return dir_; }
    // The deck now: reloaded when a file of the folder changed since the last call (edits by
    // hand, in git, by another studio call), else the same state.
    std::shared_ptr<const DeckState> state();
    // Where the slide with this id is written (in the loaded deck).
    std::optional<SlidePlace> find(const std::string& id);
    // A file's bytes (relative path), or nullopt when it cannot be read.
    std::optional<std::string> read(const std::string& file) const;
    // The file's revision for If-Match: a digest of its bytes, quoted as an HTTP entity tag.
    static std::string tag_of(const std::string& bytes);

    // Checks the folder with these files replaced by these bytes at now (check). Writes them
    // only when expected_tags match the files on disk (else stale) and the check finds no error
    // (else invalid) and rule, when given, nothing (else refused). Edits are serialised: one at a
    // time.
    EditOutcome write_checked(const std::map<std::string, std::string>& files,
                              const std::map<std::string, std::string>& expected_tags, UnixTime now,
                              const DeckRule& rule = {});
    // The check of `affiche --check` (check_deck at now, every image decoded) on the folder with
    // these files replaced by these bytes, without writing.
    LoadResult check(const std::map<std::string, std::string>& files, UnixTime now);

    // Serialises writers that add files (pictures): held while writing.
    std::mutex& write_mutex() { return write_mutex_; }

  private:
    std::uint64_t fingerprint() const;

    std::string dir_;
    std::mutex state_mutex_;
    std::mutex write_mutex_;
    std::shared_ptr<const DeckState> state_;
};

} // namespace affiche
