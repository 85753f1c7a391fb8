// Reading studio.toml with the deck's TOML reader, so its errors look like the deck's:
// path:line:col.
#include "studio/studio_config.hpp"

#include "base/file_read.hpp"
#include "base/i18n.hpp"
#include "toml/table_reader.hpp"
#include "toml/toml_file.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace affiche {

namespace {

// Each key of the file and the serve option it stands for.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> key_options = {{
    {"content", "--content"},
    {"site", "--site"},
    {"key", "--key"},
    {"state", "--state"},
    {"listen", "--listen"},
    {"tls_cert", "--tls-cert"},
    {"tls_key", "--tls-key"},
}};
constexpr std::array<std::string_view, 7> keys = {"content", "site",     "key",    "state",
                                                  "listen",  "tls_cert", "tls_key"};

void read_top(const TableReader& t, ServeOptions& options) {
    t.check_keys(keys, tr("in the studio configuration"));
    for (const auto& [key, option] : key_options) {
        const std::optional<std::string> value = t.string(key);
        if (!value) continue;
        if (key == "listen") {
            if (!parse_listen(*value)) {
                t.error(t.value_loc(key), tr("'listen' must be ADDRESS:PORT (port 0 to 65535)"),
                        "listen = \"0.0.0.0:8470\"");
                continue;
            }
        } else if (!value->starts_with("/")) {
            t.error(t.value_loc(key),
                    format_text(tr("'{1}' must be an absolute path (starting with /)"),
                                {std::string(key)}));
            continue;
        }
        options[std::string(option)] = *value;
    }
    // HTTPS needs both; one alone is a mistake, not plain HTTP.
    const bool cert = t.get("tls_cert") != nullptr;
    const bool key = t.get("tls_key") != nullptr;
    if (cert && !key) {
        t.error(t.value_loc("tls_cert"), tr("'tls_cert' needs 'tls_key' too (the certificate's "
                                            "private key)"));
    } else if (key && !cert) {
        t.error(t.value_loc("tls_key"), tr("'tls_key' needs 'tls_cert' too (the certificate)"));
    }
}

} // namespace

std::optional<ListenAddress> parse_listen(const std::string& text) {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return std::nullopt;
    ListenAddress out;
    out.host = text.substr(0, colon);
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, out.port);
    if (ec != std::errc() || end != last || out.port < 0 || out.port > 65535) return std::nullopt;
    // "[::1]" -> "::1": the form cpp-httplib's bind takes.
    if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']')
        out.host = out.host.substr(1, out.host.size() - 2);
    return out;
}

Result<ServeOptions> load_studio_config(const std::string& path) {
    const FileBytes file = read_regular_file(path, max_toml_bytes);
    if (!file.ok())
        return failure({path, 0, 0},
                       format_text(tr("cannot read the configuration: {1}"), {file.reason}));
    Diagnostics out;
    ServeOptions options;
    if (auto table = parse_toml_bytes(path, file.bytes, out))
        read_top(TableReader(*table, path, out), options);
    // The first error in file order (unknown keys are found before the values are read).
    const Diagnostic* first = nullptr;
    for (const Diagnostic& d : out) {
        if (d.severity != Severity::error) continue;
        if (!first || d.loc.line < first->loc.line ||
            (d.loc.line == first->loc.line && d.loc.column < first->loc.column))
            first = &d;
    }
    if (first) return *first;
    return options;
}

} // namespace affiche
