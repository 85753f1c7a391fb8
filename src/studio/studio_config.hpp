// The studio's settings file (/etc/affiche/studio.toml): the serve options it stands for.
#pragma once

#include "base/result.hpp"

#include <map>
#include <optional>
#include <string>

namespace affiche {

// Command-line option ("--content") -> value: what `serve --config FILE` adds to the options
// given on the command line (which win).
using ServeOptions = std::map<std::string, std::string>;

// Where `serve` listens: "ADDR:PORT" (the port may be 0: a free one).
struct ListenAddress {
    std::string host;
    int port = 0;
};
// "127.0.0.1:8470", "0.0.0.0:8470", "[::]:8470" -> host and port; nullopt when malformed.
std::optional<ListenAddress> parse_listen(const std::string& text);

// Reads path: keys content, site, key, state, tls_cert, tls_key (absolute paths) and listen
// (ADDR:PORT), each optional. Returns them as options, or the Diagnostic at path:line:col of the
// first problem: an unknown key, a wrong type, a relative path, a malformed listen, a TLS
// certificate without its key (or the reverse).
Result<ServeOptions> load_studio_config(const std::string& path);

} // namespace affiche
