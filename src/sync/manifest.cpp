// The manifest's text: written by publish in a fixed form, read with toml++ and checked field by
// field with path:line:col errors.
#include "sync/manifest.hpp"

#include "base/file_read.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_file.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace affiche {

namespace {

constexpr std::array<std::string_view, 8> known_keys = {
    "format", "revision", "sequence", "created", "expires", "archive", "size", "sha256"};

bool is_lower_hex(std::string_view s, std::size_t length) {
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool valid_revision(std::string_view s) {
    return is_lower_hex(s, 16);
}
bool valid_sha256(std::string_view s) {
    return is_lower_hex(s, 64);
}
bool valid_archive_name(std::string_view s) {
    return !s.empty() && s.size() <= 200 && s[0] != '.' &&
           std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '.';
           });
}

// Reads the manifest's fields from its table: every one required, each checked at its position.
struct FieldReader {
    const toml::table& table;
    const std::string& path;

    SourceLoc loc(std::string_view key) const {
        return to_loc(path, table.get(key)->source().begin);
    }

    Result<const toml::node*> get(std::string_view key) const {
        const toml::node* node = table.get(key);
        if (!node)
            return failure({path}, "the manifest has no '" + std::string(key) + "'",
                           "publish writes every key; was it edited by hand?");
        return node;
    }

    Diagnostic must_be(std::string_view key, const std::string& what) const {
        return failure(loc(key), "'" + std::string(key) + "' must be " + what);
    }

    Result<std::int64_t> integer(std::string_view key, std::int64_t min) const {
        auto node = get(key);
        if (!node) return node.error();
        const auto* v = (*node)->as_integer();
        if (!v) return must_be(key, "an integer");
        if (v->get() < min) return must_be(key, "an integer of at least " + std::to_string(min));
        return v->get();
    }

    // An offset date-time in UTC ("Z"), whole seconds.
    Result<std::int64_t> time(std::string_view key) const {
        auto node = get(key);
        if (!node) return node.error();
        const auto* v = (*node)->as_date_time();
        const char* what = "a UTC date-time such as 2026-11-29T08:00:00Z";
        if (!v) return must_be(key, what);
        const toml::date_time& t = v->get();
        if (!t.offset || t.offset->minutes != 0 || t.time.nanosecond != 0)
            return must_be(key, what);
        auto unix = utc_unix_time({t.date.year, t.date.month, t.date.day}, t.time.hour,
                                  t.time.minute, t.time.second);
        if (!unix) return must_be(key, what);
        return *unix;
    }

    Result<std::string> string(std::string_view key, bool (*valid)(std::string_view),
                               const char* what) const {
        auto node = get(key);
        if (!node) return node.error();
        const auto* v = (*node)->as_string();
        if (!v) return must_be(key, "a \"string\"");
        if (!valid(v->get())) return must_be(key, what);
        return v->get();
    }
};

Result<Manifest> read_fields(const FieldReader& r) {
    Manifest m;
    auto format = r.integer("format", 1);
    if (!format) return format.error();
    if (*format != manifest_format_version)
        return failure(r.loc("format"),
                       "manifest format " + std::to_string(*format) +
                           " is not the one this affiche-sync reads (1)",
                       "update affiche-sync on this screen");
    m.format = static_cast<int>(*format);
    auto revision = r.string("revision", valid_revision, "16 lowercase hex digits");
    if (!revision) return revision.error();
    auto sequence = r.integer("sequence", 1);
    if (!sequence) return sequence.error();
    if (*sequence > max_sequence)
        return failure(r.loc("sequence"),
                       "'sequence' must be at most " + std::to_string(max_sequence),
                       "a screen that took it could never take a later publication");
    auto created = r.time("created");
    if (!created) return created.error();
    auto expires = r.time("expires");
    if (!expires) return expires.error();
    auto archive = r.string("archive", valid_archive_name,
                            "a plain file name (letters, digits, '.', '_', '-')");
    if (!archive) return archive.error();
    auto size = r.integer("size", 1);
    if (!size) return size.error();
    auto sha = r.string("sha256", valid_sha256, "64 lowercase hex digits");
    if (!sha) return sha.error();
    if (*expires <= *created) return failure(r.loc("expires"), "'expires' must be after 'created'");
    m.revision = *revision;
    m.sequence = *sequence;
    m.created = *created;
    m.expires = *expires;
    m.archive = *archive;
    m.size = static_cast<std::uint64_t>(*size);
    m.sha256 = *sha;
    return m;
}

} // namespace

std::string format_manifest(const Manifest& m) {
    std::string out = "# affiche deck manifest, written and signed by affiche-sync publish\n";
    out += "format = " + std::to_string(m.format) + "\n";
    out += "revision = \"" + m.revision + "\"\n";
    out += "sequence = " + std::to_string(m.sequence) + "\n";
    out += "created = " + format_utc(m.created) + "\n";
    out += "expires = " + format_utc(m.expires) + "\n";
    out += "archive = \"" + m.archive + "\"\n";
    out += "size = " + std::to_string(m.size) + "\n";
    out += "sha256 = \"" + m.sha256 + "\"\n";
    return out;
}

Result<Manifest> parse_manifest(std::string_view text, const std::string& path) {
    Diagnostics out;
    const auto table = parse_toml_bytes(path, text, out);
    if (table) TableReader(*table, path, out).check_keys(known_keys, "in the manifest");
    for (const Diagnostic& d : out)
        if (d.severity == Severity::error) return d; // the first error, in file order
    return read_fields({*table, path});
}

Result<Manifest> read_manifest(const std::string& path) {
    FileBytes file = read_regular_file(path, max_toml_bytes);
    if (!file.ok()) return failure({path}, "cannot read the manifest: " + file.reason);
    return parse_manifest(file.bytes, path);
}

std::string manifest_trusted_comment(const Manifest& m) {
    return "affiche-manifest sequence:" + std::to_string(m.sequence) + " revision:" + m.revision;
}

Result<Done> check_trusted_comment(const Manifest& m, std::string_view comment,
                                   const std::string& sig_path) {
    auto field = [&](std::string_view name) -> std::optional<std::string_view> {
        const std::size_t at = comment.find(name);
        if (at == std::string_view::npos) return std::nullopt;
        std::string_view rest = comment.substr(at + name.size());
        return rest.substr(0, rest.find_first_of(" \t"));
    };
    if (auto seq = field("sequence:"); seq && *seq != std::to_string(m.sequence))
        return failure({sig_path, 3, 1}, "the signed sequence " + std::string(*seq) +
                                             " differs from the manifest's " +
                                             std::to_string(m.sequence));
    if (auto rev = field("revision:"); rev && *rev != m.revision)
        return failure({sig_path, 3, 1}, "the signed revision " + std::string(*rev) +
                                             " differs from the manifest's " + m.revision);
    return Done{};
}

Result<std::int64_t> parse_duration_seconds(std::string_view text) {
    static constexpr std::int64_t max_seconds = std::int64_t{10} * 366 * 86400; // 10 years
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    const std::string_view unit(end, static_cast<std::size_t>(text.data() + text.size() - end));
    const std::int64_t scale = unit.empty() || unit == "s" ? 1
                               : unit == "m"               ? 60
                               : unit == "h"               ? 3600
                               : unit == "d"               ? 86400
                                                           : 0;
    if (ec != std::errc() || end == text.data() || scale == 0 || n <= 0 || n > max_seconds / scale)
        return failure({}, "'" + std::string(text) + "' is not a duration",
                       "write a positive number with s, m, h or d, e.g. 30d (at most 10 years)");
    return n * scale;
}

} // namespace affiche
