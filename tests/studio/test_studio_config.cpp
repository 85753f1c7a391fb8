// Tests of studio.toml (serve --config): every key read, errors at path:line:col, and the real
// program started from a file with a command-line option that wins over it.
#include "studio/studio_config.hpp"

#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/wait_for.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace affiche;

namespace {

Result<ServeOptions> load(const testing::TempDir& tmp, const std::string& text) {
    tmp.write("studio.toml", text);
    return load_studio_config(tmp.path("studio.toml"));
}

// "path:LINE:COL: error: ..." of a failed load.
std::string where(const Result<ServeOptions>& r) {
    REQUIRE_FALSE(r.ok());
    return std::to_string(r.error().loc.line) + ":" + std::to_string(r.error().loc.column);
}

} // namespace

TEST_CASE("studio config: every key becomes the serve option it stands for") {
    testing::TempDir tmp("studioconf");
    auto c = load(tmp, "# the package's file\n"
                       "content = \"/var/lib/affiche-studio/content\"\n"
                       "site = \"/var/lib/affiche-studio/site\"\n"
                       "key = \"/etc/affiche/studio.key\"\n"
                       "state = \"/var/lib/affiche-studio/state\"\n"
                       "listen = \"0.0.0.0:8470\"\n"
                       "tls_cert = \"/etc/affiche/studio-tls.crt\"\n"
                       "tls_key = \"/etc/affiche/studio-tls.key\"\n");
    REQUIRE(c.ok());
    const ServeOptions expected = {{"--content", "/var/lib/affiche-studio/content"},
                                   {"--site", "/var/lib/affiche-studio/site"},
                                   {"--key", "/etc/affiche/studio.key"},
                                   {"--state", "/var/lib/affiche-studio/state"},
                                   {"--listen", "0.0.0.0:8470"},
                                   {"--tls-cert", "/etc/affiche/studio-tls.crt"},
                                   {"--tls-key", "/etc/affiche/studio-tls.key"}};
    CHECK(*c == expected);
}

TEST_CASE("studio config: every key is optional (the command line may give it)") {
    testing::TempDir tmp("studioconf");
    auto empty = load(tmp, "# nothing yet\n");
    REQUIRE(empty.ok());
    CHECK(empty->empty());
    auto some = load(tmp, "content = \"/srv/deck\"\n");
    REQUIRE(some.ok());
    CHECK(*some == ServeOptions{{"--content", "/srv/deck"}});
}

TEST_CASE("studio config: errors name path:line:col") {
    testing::TempDir tmp("studioconf");
    auto unknown = load(tmp, "content = \"/srv/deck\"\n  contnet = \"/x\"\n");
    CHECK(where(unknown) == "2:3");
    CHECK(format_diagnostic(unknown.error()).starts_with(tmp.path("studio.toml") + ":2:3: "));
    CHECK(format_diagnostic(unknown.error()).find("contnet") != std::string::npos);

    auto relative = load(tmp, "site = \"/srv/site\"\nstate = \"state\"\n");
    CHECK(where(relative) == "2:9");
    CHECK(format_diagnostic(relative.error()).find("'state'") != std::string::npos);

    auto type = load(tmp, "key = 3\n");
    CHECK(where(type) == "1:7");

    for (const char* bad : {"\"8470\"", "\"0.0.0.0:\"", "\":8470\"", "\"0.0.0.0:65536\"",
                            "\"0.0.0.0:-1\"", "\"0.0.0.0:84x\""}) {
        CAPTURE(bad);
        auto listen = load(tmp, "\n\nlisten = " + std::string(bad) + "\n");
        CHECK(where(listen) == "3:10");
        CHECK(format_diagnostic(listen.error()).find("'listen'") != std::string::npos);
    }

    auto cert_only = load(tmp, "listen = \"0.0.0.0:8470\"\ntls_cert = \"/etc/c.crt\"\n");
    CHECK(where(cert_only) == "2:12");
    CHECK(format_diagnostic(cert_only.error()).find("'tls_key'") != std::string::npos);
    auto key_only = load(tmp, "tls_key = \"/etc/c.key\"\n");
    CHECK(where(key_only) == "1:11");

    auto broken = load(tmp, "content = \"/srv\n");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().loc.line == 1);

    // The first error in the file's order, whichever check found it.
    auto two = load(tmp, "state = \"rel\"\nfoo = 1\n");
    CHECK(where(two) == "1:9");

    auto missing = load_studio_config(tmp.path("none.toml"));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().loc.path == tmp.path("none.toml"));
}

TEST_CASE("studio config: listen addresses") {
    auto v4 = parse_listen("0.0.0.0:8470");
    REQUIRE(v4);
    CHECK(v4->host == "0.0.0.0");
    CHECK(v4->port == 8470);
    auto any_port = parse_listen("127.0.0.1:0");
    REQUIRE(any_port);
    CHECK(any_port->port == 0);
    auto v6 = parse_listen("[::1]:443");
    REQUIRE(v6);
    CHECK(v6->host == "::1");
    CHECK(v6->port == 443);
    auto name = parse_listen("localhost:65535");
    REQUIRE(name);
    CHECK(name->host == "localhost");
    CHECK_FALSE(parse_listen("8470"));
    CHECK_FALSE(parse_listen("0.0.0.0:"));
    CHECK_FALSE(parse_listen(":8470"));
    CHECK_FALSE(parse_listen("0.0.0.0:70000"));
    CHECK_FALSE(parse_listen("0.0.0.0: 80"));
}

#ifdef AFFICHE_STUDIO_BIN
TEST_CASE("affiche-studio serve --config: a broken file stops it with path:line:col") {
    testing::TempDir tmp("studioconf");
    tmp.write("studio.toml", "content = \"/srv\"\nlisten = \"everywhere\"\n");
    const auto run =
        testing::run_program({AFFICHE_STUDIO_BIN, "serve", "--config", tmp.path("studio.toml")});
    CHECK(run.code == 2);
    CHECK(run.output.find(tmp.path("studio.toml") + ":2:10: ") != std::string::npos);
}

TEST_CASE("affiche-studio: usage errors exit 2 with what is wrong and the usage") {
    const std::vector<std::pair<std::vector<std::string>, std::string>> wrong = {
        {{}, "affiche-studio: missing command"},
        {{"serve", "--bogus", "x"}, "affiche-studio: unknown option '--bogus'"},
        {{"serve", "--state"}, "affiche-studio: --state needs a value"},
        {{"passwd", "--state", "/tmp", "extra"}, "affiche-studio: bad argument extra"},
        {{"--state", "/tmp", "publish"}, "affiche-studio: unknown command publish"},
        {{"serve", "--content", "/srv"},
         "affiche-studio: serve needs --site (or its key in --config)"},
    };
    for (const auto& [args, message] : wrong) {
        std::vector<std::string> argv{AFFICHE_STUDIO_BIN};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto run = testing::run_program(argv);
        INFO(message << "\n" << run.output);
        CHECK(run.code == 2);
        CHECK(run.output.find(message + "\n") != std::string::npos);
        CHECK(run.output.find("usage: affiche-studio serve") != std::string::npos);
    }
}

TEST_CASE("affiche-studio passwd --config: the state folder of the file") {
    testing::TempDir tmp("studioconf");
    tmp.write("studio.toml", "state = \"" + tmp.path("state") + "\"\n");
    const auto run =
        testing::run_shell("echo motdepasse-long | '" + std::string(AFFICHE_STUDIO_BIN) +
                           "' passwd --config '" + tmp.path("studio.toml") + "'");
    CHECK_MESSAGE(run.code == 0, run.output);
    CHECK(std::filesystem::is_regular_file(tmp.path("state/password")));
}

TEST_CASE("affiche-studio serve --config: the file's settings, a command-line option wins") {
    namespace fs = std::filesystem;
    testing::TempDir tmp("studioconf");
    fs::create_directories(tmp.path("content"));
    fs::copy(std::string(AFFICHE_SOURCE_DIR) + "/tests/fixtures/basic", tmp.path("content"),
             fs::copy_options::recursive);
    // The file asks for every address without TLS (refused); --listen on loopback overrides it.
    tmp.write("studio.toml", "content = \"" + tmp.path("content") + "\"\nsite = \"" +
                                 tmp.path("site") + "\"\nkey = \"" + tmp.path("studio.key") +
                                 "\"\nstate = \"" + tmp.path("state") +
                                 "\"\nlisten = \"0.0.0.0:8470\"\n");
    const auto refused =
        testing::run_program({AFFICHE_STUDIO_BIN, "serve", "--config", tmp.path("studio.toml")});
    CHECK(refused.code == 2);
    CHECK(refused.output.find("loopback") != std::string::npos);

    const std::string log = tmp.path("serve.log");
    testing::Process studio({AFFICHE_STUDIO_BIN, "serve", "--config", tmp.path("studio.toml"),
                             "--listen", "127.0.0.1:0"},
                            testing::child_environment({}, {{"SDL_VIDEODRIVER", "offscreen"}}),
                            log);
    auto log_text = [&log] {
        std::ifstream in(log);
        std::ostringstream s;
        s << in.rdbuf();
        return s.str();
    };
    const bool listening = testing::wait_for(
        [&] { return log_text().find("listening on http://127.0.0.1:") != std::string::npos; },
        60'000);
    CHECK_MESSAGE(listening, log_text());
    // It made the state and site folders the file names.
    CHECK(fs::is_directory(tmp.path("state")));
    CHECK(fs::is_directory(tmp.path("site")));
    CHECK(studio.stop(30'000) == 0);
}
#endif
