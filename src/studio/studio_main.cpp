// affiche-studio: the practice's web editor (serve) and its password (passwd).
#include "base/command_line.hpp"
#include "studio/password_file.hpp"
#include "studio/studio_config.hpp"
#include "studio/studio_server.hpp"
#include "sync/player_check.hpp"
#include "sync/publish.hpp"

#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <thread>
#include <variant>
#include <vector>

namespace affiche {

namespace {

const char* const usage =
    "usage: affiche-studio serve --content DIR --site SITE_DIR --key SECRET_KEY --state STATE_DIR\n"
    "                            [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE] [--www "
    "DIR]\n"
    "       affiche-studio serve --config FILE [any option above, which wins over the file]\n"
    "       affiche-studio passwd --state STATE_DIR    (or passwd --config FILE)\n"
    "serve   the web editor; plain HTTP only on a loopback address (default 127.0.0.1:8470),\n"
    "        any other address needs --tls-cert and --tls-key; --config reads them from a TOML\n"
    "        file (keys content, site, key, state, listen, tls_cert, tls_key)\n"
    "passwd  sets the editors' password (asked twice on a terminal, else one line of stdin)\n";

// Every option takes a value; serve and passwd each read the ones they need.
constexpr OptionSpec studio_options[] = {
    {"--content", true}, {"--site", true},   {"--key", true},
    {"--state", true},   {"--listen", true}, {"--tls-cert", true},
    {"--tls-key", true}, {"--www", true},    {"--config", true},
};

int usage_error(const std::string& what) {
    std::fprintf(stderr, "affiche-studio: %s\n%s", what.c_str(), usage);
    return 2;
}

std::string default_www_dir() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    // Installed: <prefix>/bin/affiche-studio and <prefix>/share/affiche-studio/www.
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share/affiche-studio/www";
        if (std::filesystem::exists(installed / "index.html", ec)) return installed.string();
    }
    return AFFICHE_STUDIO_SOURCE_WWW; // a build folder: the sources' files
}

// One line from standard input; on a terminal without echo.
std::string read_password_line(const char* prompt, bool terminal) {
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        tcgetattr(0, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(0, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (terminal) {
        tcsetattr(0, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

// Adds the settings of --config FILE to args, where the command line did not give them. False
// (the error printed) when the file is wrong.
bool add_config_file(ServeOptions& args) {
    if (!args.count("--config")) return true;
    const auto settings = load_studio_config(args.at("--config"));
    if (!settings) {
        std::fprintf(stderr, "%s\n", format_diagnostic(settings.error()).c_str());
        return false;
    }
    for (const auto& [option, value] : *settings)
        args.try_emplace(option, value); // the command line wins
    return true;
}

int run_passwd(const ServeOptions& args) {
    if (!args.count("--state")) return usage_error("passwd needs --state STATE_DIR (or --config)");
    const bool terminal = ::isatty(0);
    const std::string first = read_password_line("Mot de passe : ", terminal);
    if (terminal && read_password_line("Encore une fois : ", terminal) != first) {
        std::fprintf(stderr, "affiche-studio: les deux mots de passe diffèrent\n");
        return 1;
    }
    if (first.size() < 8) {
        std::fprintf(stderr, "affiche-studio: 8 caractères au moins\n");
        return 1;
    }
    std::error_code ec;
    std::filesystem::create_directories(args.at("--state"), ec);
    if (auto r = set_password(args.at("--state"), first); !r) {
        std::fprintf(stderr, "affiche-studio: %s\n", format_diagnostic(r.error()).c_str());
        return 1;
    }
    std::printf("password set in %s\n", password_path(args.at("--state")).c_str());
    return 0;
}

int run_serve(const ServeOptions& args) {
    for (const char* needed : {"--content", "--site", "--key", "--state"})
        if (!args.count(needed))
            return usage_error(std::string("serve needs ") + needed + " (or its key in --config)");
    StudioConfig c;
    c.content_dir = std::filesystem::absolute(args.at("--content")).lexically_normal().string();
    if (c.content_dir.size() > 1 && c.content_dir.back() == '/') c.content_dir.pop_back();
    c.site_dir = args.at("--site");
    c.secret_key = args.at("--key");
    c.state_dir = args.at("--state");
    c.www_dir = args.count("--www") ? args.at("--www") : default_www_dir();
    c.player_program = player_beside_this_program().value_or("");
    if (args.count("--tls-cert")) c.tls_cert = args.at("--tls-cert");
    if (args.count("--tls-key")) c.tls_key = args.at("--tls-key");
    if (args.count("--listen")) {
        const auto listen = parse_listen(args.at("--listen"));
        if (!listen) return usage_error("--listen needs ADDR:PORT (port 0 to 65535)");
        c.host = listen->host;
        c.port = listen->port;
    }
    if (!c.tls() && !is_loopback(c.host))
        return usage_error("plain HTTP only on a loopback address: give --tls-cert and --tls-key");
    std::error_code ec;
    std::filesystem::create_directories(c.state_dir, ec);
    std::filesystem::create_directories(c.site_dir, ec);
    if (!std::filesystem::exists(password_path(c.state_dir)))
        std::fprintf(stderr,
                     "affiche-studio: no password yet: run affiche-studio passwd --state %s\n",
                     c.state_dir.c_str());

    // SIGTERM and SIGINT stop the server from a thread of their own (sigwait). Blocked before
    // the studio starts its threads (the preview renderer's), which inherit the mask: else the
    // signal may land on one of them and end the program by its default action (status 143).
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    Studio studio(c);
    studio.now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    std::string error;
    auto server = make_server(studio, error);
    if (!server) {
        std::fprintf(stderr, "affiche-studio: %s\n", error.c_str());
        return 1;
    }
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server->stop();
    });
    stopper.detach();
    const int port = c.port == 0 ? server->bind_to_any_port(c.host)
                                 : (server->bind_to_port(c.host, c.port) ? c.port : -1);
    if (port < 0) {
        std::fprintf(stderr, "affiche-studio: cannot listen on %s:%d\n", c.host.c_str(), c.port);
        return 1;
    }
    std::printf("affiche-studio: listening on %s://%s:%d/\n", c.tls() ? "https" : "http",
                c.host.c_str(), port);
    std::fflush(stdout);
    server->listen_after_bind();
    return 0;
}

} // namespace

} // namespace affiche

int main(int argc, char** argv) {
    using namespace affiche;
    init_studio_language();
    if (sodium_init() < 0) {
        std::fprintf(stderr, "affiche-studio: libsodium cannot start\n");
        return 1;
    }
    auto split =
        split_command_line(std::vector<std::string>(argv + 1, argv + argc), studio_options);
    if (auto* error = std::get_if<UsageError>(&split)) return usage_error(error->message);
    const CommandLine& line = std::get<CommandLine>(split);
    if (line.positional.empty()) return usage_error("missing command");
    const std::string& command = line.positional[0];
    if (line.positional.size() > 1) return usage_error("bad argument " + line.positional[1]);
    ServeOptions args; // the last of each option given wins
    for (const CommandLine::Option& o : line.options)
        args[o.name] = o.value;
    if (!add_config_file(args)) return 2;
    if (command == "serve") return run_serve(args);
    if (command == "passwd") return run_passwd(args);
    return usage_error("unknown command " + command);
}
