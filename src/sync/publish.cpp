// Publishing a deck: check it like `affiche --check`, pack it, write and sign the manifest, prune.
#include "sync/publish.hpp"

#include "base/file_read.hpp"
#include "deck/deck_loader.hpp"
#include "service/revision.hpp"
#include "sync/archive_writer.hpp"
#include "sync/durable_file.hpp"
#include "sync/minisign_signature.hpp"
#include "sync/publish_site.hpp"
#include "sync/safe_extract.hpp"
#include "sync/sha256.hpp"
#include "sync/trusted_keys.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <limits>
#include <unistd.h>

namespace affiche {

namespace fs = std::filesystem;

namespace {

// Temporary files of one publication, removed unless kept.
class TempFiles {
  public:
    ~TempFiles() {
        for (const auto& p : paths_)
            ::unlink(p.c_str());
    }
    std::string add(const std::string& site_dir, const std::string& name) {
        paths_.push_back(site_dir + "/." + name + ".tmp-" + std::to_string(::getpid()));
        return paths_.back();
    }
    void track(std::string path) { paths_.push_back(std::move(path)); }

  private:
    std::vector<std::string> paths_;
};

struct CheckedDeck {
    std::string revision;
    ContentListing listing;
};

// load_deck is the part of `affiche --check` that needs no SDL (see publish.hpp).
Result<CheckedDeck> check_deck(const PublishOptions& o) {
    LoadResult loaded = load_deck(o.content_dir);
    for (const auto& d : loaded.diagnostics)
        if (o.on_diagnostic) o.on_diagnostic(d);
    const int errors = count(loaded.diagnostics, Severity::error);
    if (!loaded.deck || errors > 0 || !loaded.content)
        return failure({o.content_dir},
                       "the deck has " + std::to_string(std::max(errors, 1)) + " error" +
                           (errors == 1 ? "" : "s") + ": nothing was published",
                       "fix them; `affiche --check` lists the same");
    if (!o.player_program.empty()) {
        auto status = run_program({o.player_program, "--check", o.content_dir});
        if (!status) return status.error();
        if (*status != 0)
            return failure({o.content_dir},
                           "`" + o.player_program +
                               " --check` refused the deck: nothing was published",
                           "its messages above say what to fix");
    }
    return CheckedDeck{deck_revision(*loaded.content), loaded.content->listing()};
}

// Packs the deck to a temporary file; the manifest's archive fields filled in.
Result<std::string> pack(const PublishOptions& o, const CheckedDeck& deck, TempFiles& temps,
                         Manifest& m, std::uint64_t& files) {
    const ArchiveCompression compression = best_compression();
    m.archive = "deck-" + deck.revision + compression.suffix;
    const std::string temp = temps.add(o.site_dir, m.archive);
    const std::uint64_t largest = std::max({max_toml_bytes, max_image_bytes, max_font_bytes});
    auto packed = write_deck_archive(o.content_dir, deck.listing.folders, deck.listing.files, temp,
                                     compression, largest);
    if (!packed) return packed.error();
    files = packed->files;
    // A deck the screens' default extraction limits would refuse is better refused here.
    const ExtractLimits& screens = o.screen_limits;
    if (packed->files + packed->folders > screens.max_entries ||
        packed->bytes_in > screens.max_total_bytes)
        return failure({o.content_dir},
                       "the deck is larger than a screen accepts (" +
                           std::to_string(screens.max_entries) + " files and folders, " +
                           format_bytes(screens.max_total_bytes) + ")",
                       "remove unused images, or make them smaller");
    if (deck_revision(o.content_dir) != deck.revision)
        return failure({o.content_dir}, "the deck changed while it was being published",
                       "publish again once the edits are saved");
    auto sha = sha256_file(temp);
    if (!sha) return sha.error();
    m.sha256 = *sha;
    std::error_code ec;
    m.size = fs::file_size(temp, ec);
    if (ec) return failure({temp}, "cannot read: " + ec.message());
    return temp;
}

// The .minisig text for text, in-process or by the minisign tool.
Result<std::string> sign_manifest(const PublishOptions& o, const std::optional<SecretKey>& key,
                                  const std::string& text, const Manifest& m, TempFiles& temps) {
    const std::string comment = manifest_trusted_comment(m);
    if (key) {
        std::string sig = sign_bytes(*key, text, comment);
        // Checked before it is published, with the key's own public half.
        auto checked = verify_with_keys(
            text, std::string(manifest_file_name), sig,
            std::string(manifest_file_name) + std::string(signature_suffix), {public_key_of(*key)});
        if (!checked) return checked.error();
        return sig;
    }
    const std::string temp = temps.add(o.site_dir, std::string(manifest_file_name));
    const std::string sig = temp + std::string(signature_suffix);
    temps.track(sig);
    if (auto w = write_file_durably(temp, text); !w) return w.error();
    std::vector<std::string> argv = {
        o.minisign_program, "-S", "-m", temp, "-x", sig, "-t", comment};
    if (!o.minisign_secret_key.empty()) argv.insert(argv.end(), {"-s", o.minisign_secret_key});
    auto status = run_program(argv);
    FileBytes bytes = read_regular_file(sig, 16 * 1024);
    if (!status) return status.error();
    if (*status != 0 || !bytes.ok())
        return failure({o.minisign_program}, "`minisign -Sm` failed: nothing was published",
                       "check its message above, or sign in-process with --key");
    return std::move(bytes.bytes);
}

// Everything after the checks: the site folder exists, the key (if any) is read.
Result<PublishReport> publish_into_site(const PublishOptions& o, const CheckedDeck& deck,
                                        const std::optional<SecretKey>& key) {
    auto previous = previous_manifest(o.site_dir);
    if (!previous) return previous.error();
    if (*previous && (*previous)->sequence == std::numeric_limits<std::int64_t>::max())
        return failure({o.site_dir}, "the sequence number cannot go higher");
    PublishReport report;
    Manifest& m = report.manifest;
    m.revision = deck.revision;
    m.sequence = *previous ? (*previous)->sequence + 1 : 1;
    m.created = o.now != 0 ? o.now : static_cast<std::int64_t>(std::time(nullptr));
    m.expires = m.created + o.expires_in;
    TempFiles temps;
    auto temp_archive = pack(o, deck, temps, m, report.files);
    if (!temp_archive) return temp_archive.error();
    const std::string text = format_manifest(m);
    auto sig = sign_manifest(o, key, text, m, temps);
    if (!sig) return sig.error();
    report.archive_path = o.site_dir + "/" + m.archive;
    auto reused = place_archive(*temp_archive, report.archive_path, m.sha256);
    if (!reused) return reused.error();
    report.archive_reused = *reused;
    report.manifest_path = o.site_dir + "/" + std::string(manifest_file_name);
    // The signature first: a reader between the two renames sees a mismatch and retries later.
    if (auto w = write_file_durably(report.manifest_path + std::string(signature_suffix), *sig); !w)
        return w.error();
    if (auto w = write_file_durably(report.manifest_path, text); !w) return w.error();
    auto pruned = prune_archives(o.site_dir, o.keep, m.archive);
    if (!pruned) return pruned.error();
    report.pruned = std::move(*pruned);
    return report;
}

} // namespace

Result<PublishReport> publish(const PublishOptions& o) {
    if (!sodium_ready()) return failure({o.site_dir}, "libsodium cannot start");
    if (o.expires_in <= 0)
        return failure({o.site_dir}, "the expiry must be in the future", "e.g. --expires 30d");
    auto deck = check_deck(o);
    if (!deck) return deck.error();
    std::optional<SecretKey> key; // read first: a wrong password stops before anything is written
    if (!o.secret_key.empty()) {
        auto read = read_secret_key(o.secret_key, o.password);
        if (!read) return read.error();
        key = *read;
    }
    std::error_code ec;
    const bool created = fs::create_directories(o.site_dir, ec);
    if (ec) return failure({o.site_dir}, "cannot create: " + ec.message());
    auto report = publish_into_site(o, *deck, key);
    if (!report && created) fs::remove(o.site_dir, ec); // only removed while still empty
    return report;
}

std::optional<std::string> password_from_environment() {
    const char* p = std::getenv(key_password_env);
    if (!p) return std::nullopt;
    return std::string(p);
}

std::string player_beside_this_program() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    const auto player = self.parent_path() / "affiche";
    return ::access(player.c_str(), X_OK) == 0 ? player.string() : "";
}

} // namespace affiche
