// The manifest's text: written by publish, read strictly (a TOML subset) with path:line:col errors.
#include "sync/manifest.hpp"

#include "base/file_read.hpp"
#include "sync/minisign_text.hpp"

#include <algorithm>
#include <charconv>
#include <map>

namespace affiche {

namespace {

enum class ValueKind { string, integer, datetime };

struct RawValue {
    ValueKind kind = ValueKind::string;
    std::string text; // string content, digits, or the date-time
    int line = 0;
    int column = 0;
};

constexpr std::string_view known_keys[] = {"format",  "revision", "sequence", "created",
                                           "expires", "archive",  "size",     "sha256"};

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

bool is_lower_hex(std::string_view s, std::size_t length) {
    return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::size_t skip_blanks(std::string_view s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t'))
        ++i;
    return i;
}

// Reads one `key = value` line into raw; returns an error or nothing.
std::optional<Diagnostic> read_line(std::string_view text, int number, const std::string& path,
                                    std::map<std::string, RawValue, std::less<>>& raw) {
    std::size_t i = skip_blanks(text, 0);
    if (i == text.size() || text[i] == '#') return std::nullopt;
    const std::size_t key_start = i;
    while (i < text.size() && is_key_char(text[i]))
        ++i;
    const auto col = [](std::size_t at) { return static_cast<int>(at) + 1; };
    if (i == key_start)
        return failure({path, number, col(i)}, "expected a key, as in `sequence = 7`");
    const std::string key(text.substr(key_start, i - key_start));
    i = skip_blanks(text, i);
    if (i == text.size() || text[i] != '=')
        return failure({path, number, col(i)}, "expected '=' after '" + key + "'");
    i = skip_blanks(text, i + 1);
    RawValue value{ValueKind::integer, {}, number, col(i)};
    std::size_t end = i;
    if (i < text.size() && text[i] == '"') {
        end = text.find('"', i + 1);
        if (end == std::string_view::npos)
            return failure({path, number, col(i)}, "unterminated string");
        value.kind = ValueKind::string;
        value.text = text.substr(i + 1, end - i - 1);
        if (value.text.find_first_of("\\\x7f") != std::string::npos ||
            std::any_of(value.text.begin(), value.text.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            return failure({path, number, col(i)}, "escapes and control characters are not used "
                                                   "in a manifest string");
        ++end;
    } else {
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '#')
            ++end;
        value.text = text.substr(i, end - i);
        if (value.text.empty()) return failure({path, number, col(i)}, "expected a value");
        if (value.text.find('T') != std::string::npos) value.kind = ValueKind::datetime;
    }
    end = skip_blanks(text, end);
    if (end < text.size() && text[end] != '#')
        return failure({path, number, col(end)}, "unexpected text after the value");
    if (std::find(std::begin(known_keys), std::end(known_keys), key) == std::end(known_keys))
        return failure({path, number, col(key_start)}, "unknown key '" + key + "' in the manifest",
                       "keys: format, revision, sequence, created, expires, archive, size, sha256");
    if (raw.count(key))
        return failure({path, number, col(key_start)}, "'" + key + "' is given twice");
    raw.emplace(key, std::move(value));
    return std::nullopt;
}

struct FieldReader {
    const std::map<std::string, RawValue, std::less<>>& raw;
    const std::string& path;

    Result<const RawValue*> get(std::string_view key, ValueKind kind, const char* what) const {
        auto it = raw.find(key);
        if (it == raw.end())
            return failure({path}, "the manifest has no '" + std::string(key) + "'",
                           "publish writes every key; was it edited by hand?");
        if (it->second.kind != kind)
            return failure({path, it->second.line, it->second.column},
                           "'" + std::string(key) + "' must be " + what);
        return &it->second;
    }

    Result<std::int64_t> integer(std::string_view key, std::int64_t min) const {
        auto v = get(key, ValueKind::integer, "an integer");
        if (!v) return v.error();
        std::int64_t n = 0;
        const std::string& s = (*v)->text;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec != std::errc() || end != s.data() + s.size() || n < min)
            return failure({path, (*v)->line, (*v)->column},
                           "'" + std::string(key) + "' must be an integer of at least " +
                               std::to_string(min));
        return n;
    }

    Result<std::int64_t> time(std::string_view key) const {
        auto v = get(key, ValueKind::datetime, "a UTC date-time such as 2026-11-29T08:00:00Z");
        if (!v) return v.error();
        return parse_utc((*v)->text, path, (*v)->line, (*v)->column);
    }

    Result<std::string> string(std::string_view key, bool (*valid)(std::string_view),
                               const char* what) const {
        auto v = get(key, ValueKind::string, "a \"string\"");
        if (!v) return v.error();
        if (!valid((*v)->text))
            return failure({path, (*v)->line, (*v)->column},
                           "'" + std::string(key) + "' must be " + what);
        return (*v)->text;
    }
};

bool valid_revision(std::string_view s) {
    return is_lower_hex(s, 16);
}
bool valid_sha256(std::string_view s) {
    return is_lower_hex(s, 64);
}
bool valid_archive_name(std::string_view s) {
    return !s.empty() && s.size() <= 200 && s[0] != '.' &&
           std::all_of(s.begin(), s.end(), [](char c) { return is_key_char(c) || c == '.'; });
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
    std::map<std::string, RawValue, std::less<>> raw;
    for (const auto& line : split_minisign_lines(text))
        if (auto error = read_line(line.text, line.number, path, raw)) return *error;
    const FieldReader r{raw, path};
    Manifest m;
    auto format = r.integer("format", 1);
    if (!format) return format.error();
    if (*format != manifest_format_version)
        return failure({path, raw.at("format").line, raw.at("format").column},
                       "manifest format " + std::to_string(*format) +
                           " is not the one this affiche-sync reads (1)",
                       "update affiche-sync on this screen");
    m.format = static_cast<int>(*format);
    auto revision = r.string("revision", valid_revision, "16 lowercase hex digits");
    if (!revision) return revision.error();
    auto sequence = r.integer("sequence", 1);
    if (!sequence) return sequence.error();
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
    if (*expires <= *created)
        return failure({path, raw.at("expires").line, raw.at("expires").column},
                       "'expires' must be after 'created'");
    m.revision = *revision;
    m.sequence = *sequence;
    m.created = *created;
    m.expires = *expires;
    m.archive = *archive;
    m.size = static_cast<std::uint64_t>(*size);
    m.sha256 = *sha;
    return m;
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
