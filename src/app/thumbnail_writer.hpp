// The --thumbnail file: the picture on screen, small, encoded to fit its size limit, and written
// atomically. When to write it is the loop's decision (Player): once a new slide is fully shown.
#pragma once

#include "app/stage.hpp"
#include "app/thumbnail_plan.hpp"
#include "platform/log.hpp"

#include <cstddef>
#include <optional>
#include <string>

namespace affiche {

// The bytes of picture in format, with the first of thumbnail_encodings that fits in
// thumbnail_max_bytes, and that encoding; nullopt and error set when none fits or SDL_image fails.
struct EncodedThumbnail {
    std::string bytes;
    ThumbnailEncoding encoding;
};
std::optional<EncodedThumbnail> encode_thumbnail(SDL_Surface* picture, ThumbnailFormat format,
                                                 std::string& error);

class ThumbnailWriter {
  public:
    // path "" = no thumbnail; otherwise its extension names the format (checked by
    // parse_options: .jpg, .jpeg or .png).
    explicit ThumbnailWriter(std::string path);
    bool enabled() const { return !path_.empty(); }

    // What one write did, for the event trace and bench/thumbnail.sh.
    struct Written {
        double ms = 0;     // wall time of the whole write: shrink, read-back, encodings, file
        double cpu_ms = 0; // the loop thread's CPU time meanwhile
        std::size_t bytes = 0;
        ThumbnailEncoding encoding;
    };
    // Draws the stage's picture with these overlays at thumbnail size, encodes it with the first
    // encoding that fits thumbnail_max_bytes (thumbnail_plan.hpp) and replaces the file
    // (temp file + rename). nullopt when nothing was written: the reason is logged once, and the
    // last thumbnail stays.
    std::optional<Written> write(Stage& stage, Size screen, const FrameOverlays& overlays);

  private:
    std::string path_;
    ThumbnailFormat format_ = ThumbnailFormat::jpeg;
    LogOnce errors_;
};

} // namespace affiche
