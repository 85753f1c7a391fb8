// Writing the --thumbnail file: shrink (on the renderer), read back (small), encode until it
// fits, rename.
#include "app/thumbnail_writer.hpp"

#include "base/atomic_file.hpp"
#include "platform/image_encode.hpp"

#include <ctime>

namespace affiche {

namespace {
// CPU time this thread has used, ms: on a busy machine a write's wall time also counts the time
// other processes held the core; this does not (but misses a GPU driver's own threads).
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}
} // namespace

ThumbnailWriter::ThumbnailWriter(std::string path) : path_(std::move(path)) {
    format_ = thumbnail_format(path_).value_or(ThumbnailFormat::jpeg);
}

std::optional<EncodedThumbnail> encode_thumbnail(SDL_Surface* picture, ThumbnailFormat format,
                                                 std::string& error) {
    const Size full{picture->w, picture->h};
    for (const ThumbnailEncoding& e : thumbnail_encodings(format, full)) {
        SurfacePtr resized;
        SDL_Surface* source = picture;
        if (e.size != full) {
            auto shrunk = resized_surface(picture, e.size);
            if (!shrunk) {
                error = shrunk.error().message;
                return std::nullopt;
            }
            resized = std::move(*shrunk);
            source = resized.get();
        }
        Result<std::string> bytes = format == ThumbnailFormat::jpeg
                                        ? encode_surface_jpeg(source, e.quality)
                                        : encode_surface_png(source);
        if (!bytes) {
            error = bytes.error().message;
            return std::nullopt;
        }
        if (bytes->size() <= thumbnail_max_bytes) return EncodedThumbnail{std::move(*bytes), e};
    }
    // The same words each time: a picture that never fits is logged once (LogOnce).
    error = "no encoding of the picture fits in " + std::to_string(thumbnail_max_bytes / 1024) +
            " KB, not even the smallest";
    return std::nullopt;
}

std::optional<ThumbnailWriter::Written> ThumbnailWriter::write(Stage& stage, Size screen,
                                                               const FrameOverlays& overlays) {
    // Measurements, not decisions: the real time the loop spent here, and the CPU time.
    const Uint64 start = SDL_GetPerformanceCounter();
    const double cpu_start = thread_cpu_ms();
    std::string error;
    Written w;
    SurfacePtr picture = stage.small_picture(thumbnail_size(screen), overlays, error);
    std::optional<EncodedThumbnail> encoded;
    if (picture) encoded = encode_thumbnail(picture.get(), format_, error);
    if (!encoded) {
        errors_.error("cannot make the thumbnail " + path_ + ": " + error);
        return std::nullopt;
    }
    const Result<Done> r = write_file_atomically(path_, encoded->bytes, Durability::crash);
    if (!r.ok()) {
        errors_.diagnostic(r.error());
        return std::nullopt;
    }
    w.bytes = encoded->bytes.size();
    w.encoding = encoded->encoding;
    w.ms = static_cast<double>(SDL_GetPerformanceCounter() - start) * 1000.0 /
           static_cast<double>(SDL_GetPerformanceFrequency());
    w.cpu_ms = thread_cpu_ms() - cpu_start;
    return w;
}

} // namespace affiche
