// Tests of the screen report's pieces: device key file, counter, body from the player's status,
// signature over the exact body, the URLs and names accepted, and a pass whose report fails.
#include "sync/device_key.hpp"
#include "sync/minisign_text.hpp"
#include "sync/pull.hpp"
#include "sync/report_sender.hpp"
#include "sync/report_signing.hpp"
#include "sync/screen_report.hpp"

#include "base/json_reader.hpp"
#include "pull_test_support.hpp"
#include "service/status_file.hpp"

#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sodium.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

using namespace affiche;
using affiche::testing::no_minisign;
using affiche::testing::PullBench;
using affiche::testing::read_text;
using affiche::testing::TempDir;
namespace fs = std::filesystem;

namespace {

// A loopback port nobody listens on: bound by the kernel's choice, then closed.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(fd);
    return ntohs(a.sin_port);
}

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::lstat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

JsonValue parsed(const std::string& text) {
    auto doc = parse_json(text);
    REQUIRE(doc);
    return *doc;
}

} // namespace

TEST_CASE("device key: made on first use with mode 0600, then the same key is read back") {
    TempDir tmp("devkey");
    const std::string state = tmp.path("state");
    auto first = load_or_create_device_key(state);
    REQUIRE_MESSAGE(first.ok(), format_diagnostic(first.error()));
    CHECK(first->created);
    CHECK(first->public_key.size() == 32);
    CHECK(first->secret_key.size() == 64);
    const std::string file = state + "/device.key";
    CHECK(mode_of(file) == 0600);
    CHECK_FALSE(fs::exists(file + ".tmp"));
    CHECK(read_text(file) == encode_base64(first->secret_key) + "\n");
    auto again = load_or_create_device_key(state);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->public_key == first->public_key);
    CHECK(report_fingerprint(again->public_key) == report_fingerprint(first->public_key));
}

TEST_CASE("device key: garbage, a mismatched key or a link is an error and is never replaced") {
    TempDir tmp("devkey");
    const std::string state = tmp.path("state");
    const std::string file = state + "/device.key";
    SUBCASE("garbage") {
        tmp.write("state/device.key", "not a key\n");
    }
    SUBCASE("base64 of the wrong size") {
        tmp.write("state/device.key", encode_base64("x") + "\n");
    }
    SUBCASE("a public half that is not the seed's") {
        std::string secret(64, '\x01');
        tmp.write("state/device.key", encode_base64(secret) + "\n");
    }
    SUBCASE("a symbolic link to a good key") {
        TempDir other("devkey-other");
        REQUIRE(load_or_create_device_key(other.path("s")).ok());
        fs::create_directories(state);
        fs::copy_file(other.path("s/device.key"), tmp.path("real.key"));
        fs::create_symlink(tmp.path("real.key"), file);
    }
    const std::string before = fs::is_symlink(file) ? "" : read_text(file);
    auto key = load_or_create_device_key(state);
    REQUIRE_FALSE(key.ok());
    CHECK(key.error().loc.path == file);
    if (!before.empty()) CHECK(read_text(file) == before);
    CHECK_FALSE(load_or_create_device_key(state).ok()); // still refused: not replaced
}

TEST_CASE("report counter: strictly above the last one and at least the Unix time") {
    CHECK(next_report_counter(0, 1000) == 1000);
    CHECK(next_report_counter(1000, 1000) == 1001);
    CHECK(next_report_counter(5000, 1000) == 5001); // a clock set back never lowers it
    TempDir tmp("counter");
    CHECK(read_report_memory(tmp.path("none")).ok());
    CHECK(read_report_memory(tmp.path("none"))->counter == 0);
    REQUIRE(write_report_memory(tmp.path(""), {42, "line one\nline two"}, Durability::crash).ok());
    auto m = read_report_memory(tmp.path(""));
    REQUIRE(m.ok());
    CHECK(m->counter == 42);
    CHECK(m->last_error == "line one line two");
    tmp.write("report.state", "counter x\n");
    CHECK_FALSE(read_report_memory(tmp.path("")).ok());
    tmp.write("report.state", "last_error \n");
    CHECK_FALSE(read_report_memory(tmp.path("")).ok());
}

TEST_CASE("report counter: strictly increases across passes, recorded before sending") {
    TempDir tmp("counter");
    SyncConfig c;
    c.state_dir = tmp.path("state");
    c.name = "salle-2";
    c.report_url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/api/screens/report";
    SyncReport pass;
    pass.result = "unchanged";
    std::int64_t last = 0;
    for (int run = 0; run < 3; ++run) {
        // The same second each time: the counter must still go up.
        auto status = send_screen_report(c, pass, 1795935600);
        REQUIRE(status);
        CHECK(status->result == "error");
        auto m = read_report_memory(c.state_dir);
        REQUIRE(m.ok());
        CHECK(m->counter > last);
        CHECK(m->last_error == status->error);
        last = m->counter;
    }
    CHECK(last == 1795935602);
}

TEST_CASE("report body: the player's status file read, every field of the specification") {
    StatusReport player;
    player.version = "0.9.1";
    player.revision = "0123456789abcdef";
    player.pending_revision = "fedcba9876543210";
    player.screen.on = false;
    player.screen.reason = "closed until 08:00";
    const std::string without = to_json(player);
    // The player's own announcement field, as its status writer puts it.
    player.announcement.present = true;
    player.announcement.text = "Le Dr X a 30 min de retard";
    player.announcement.until = "2026-12-08T12:00:00";
    player.announcement.style = "band";
    player.announcement.showing = true;
    const std::string status = to_json(player);
    const PlayerView v = parse_player_view(status);
    CHECK(v.known);
    CHECK(v.version == "0.9.1");
    CHECK(v.revision == "0123456789abcdef");
    CHECK(v.pending_revision == "fedcba9876543210");
    CHECK(v.screen_on == false);
    CHECK(v.screen_reason == "closed until 08:00");
    CHECK(v.announcement == "Le Dr X a 30 min de retard");
    CHECK_FALSE(parse_player_view(without).announcement); // none: null
    CHECK_FALSE(parse_player_view("{\"announcement\": {\"text\": \"x\", \"showing\": false}}")
                    .announcement);
    CHECK_FALSE(parse_player_view("not json").known);
    CHECK_FALSE(parse_player_view("not json").screen_on);

    ScreenReport r;
    r.name = "salle-2";
    r.public_key = std::string(32, '\x07');
    r.time_unix = 1795935600;
    r.counter = 1795935601;
    r.revision_on_screen = v.revision;
    r.screen_on = v.screen_on;
    r.screen_reason = v.screen_reason;
    r.sync_result = "unchanged";
    r.player_version = v.version;
    r.sync_version = "1.2.3";
    r.uptime_s = 77;
    r.announcement = v.announcement;
    r.thumbnail = Thumbnail{"image/png", "\x89PNG\r\n\x1a\nxyz"};
    const JsonValue body = parsed(screen_report_json(r));
    CHECK(body.string_at("name") == "salle-2");
    CHECK(decode_report_key(*body.string_at("key")) == r.public_key);
    CHECK(body.string_at("time") == "2026-11-29T07:00:00Z");
    CHECK(body.get("counter")->number == 1795935601.0);
    CHECK(body.string_at("revision_on_screen") == "0123456789abcdef");
    CHECK(body.get("revision_pending")->type == JsonValue::Type::null);
    CHECK(body.boolean_at("screen_on") == false);
    CHECK(body.string_at("screen_reason") == "closed until 08:00");
    CHECK(body.string_at("sync_result") == "unchanged");
    CHECK(body.string_at("sync_error") == "");
    CHECK(body.string_at("player_version") == "0.9.1");
    CHECK(body.string_at("sync_version") == "1.2.3");
    CHECK(body.get("uptime_s")->number == 77.0);
    CHECK(body.string_at("announcement") == "Le Dr X a 30 min de retard");
    REQUIRE(body.get("thumbnail"));
    CHECK(body.get("thumbnail")->string_at("type") == "image/png");
    CHECK(decode_base64(*body.get("thumbnail")->string_at("data")) == r.thumbnail->bytes);
    CHECK(body.members.size() == 15);

    r.screen_on.reset();
    r.announcement.reset();
    r.thumbnail.reset();
    const JsonValue empty = parsed(screen_report_json(r));
    CHECK(empty.get("screen_on")->type == JsonValue::Type::null);
    CHECK(empty.get("announcement")->type == JsonValue::Type::null);
    CHECK(empty.get("thumbnail")->type == JsonValue::Type::null);
}

TEST_CASE("report body: signed with the device key, verified by libsodium over the exact bytes") {
    TempDir tmp("sign");
    auto key = load_or_create_device_key(tmp.path("state"));
    REQUIRE(key.ok());
    ScreenReport r;
    r.name = "accueil";
    r.public_key = key->public_key;
    r.time_unix = 1795935600;
    r.counter = 1;
    const std::string body = screen_report_json(r);
    const auto sig = decode_base64(sign_report(body, key->secret_key));
    REQUIRE(sig);
    const auto pub = decode_report_key(*parsed(body).string_at("key"));
    REQUIRE(pub);
    CHECK(crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig->data()),
                                      reinterpret_cast<const unsigned char*>(body.data()),
                                      body.size(),
                                      reinterpret_cast<const unsigned char*>(pub->data())) == 0);
}

TEST_CASE("thumbnail: PNG or JPEG within the size sent, anything else or nothing is null") {
    TempDir tmp("thumb");
    CHECK_FALSE(read_thumbnail(tmp.path("missing.jpg")));
    tmp.write("t.jpg", std::string("\xff\xd8\xff\xe0", 4) + "jpeg");
    auto jpeg = read_thumbnail(tmp.path("t.jpg"));
    REQUIRE(jpeg);
    CHECK(jpeg->type == "image/jpeg");
    tmp.write("t.txt", "hello");
    CHECK_FALSE(read_thumbnail(tmp.path("t.txt")));
    tmp.write("big.png", "\x89PNG\r\n\x1a\n" + std::string(max_thumbnail_bytes, 'x'));
    CHECK_FALSE(read_thumbnail(tmp.path("big.png")));
    CHECK(machine_uptime_s() > 0);
}

TEST_CASE("report URL: https anywhere, plain http only to this machine") {
    CHECK_FALSE(report_url_problem("https://studio.local:8443/api/screens/report"));
    CHECK_FALSE(report_url_problem("http://127.0.0.1:8080/api/screens/report"));
    CHECK_FALSE(report_url_problem("http://127.1.2.3/r"));
    CHECK_FALSE(report_url_problem("http://localhost:9/r"));
    CHECK_FALSE(report_url_problem("http://[::1]:8080/r"));
    CHECK(report_url_problem("http://studio.local/api/screens/report"));
    CHECK(report_url_problem("http://127.0.0.1.example.org/r"));
    CHECK(report_url_problem("http://192.168.1.10/r"));
    CHECK(report_url_problem("ftp://127.0.0.1/r"));
    CHECK(report_url_problem("file:///tmp/r"));
    CHECK(report_url_problem("not a url"));
    CHECK(post_report("http://studio.local/r", "{}", "sig").error().message.find("https://") !=
          std::string::npos);
}

TEST_CASE("screen name: a host name's characters, 1 to 64") {
    CHECK_FALSE(screen_name_problem("salle-2"));
    CHECK_FALSE(screen_name_problem("pi4.accueil_1"));
    CHECK(screen_name_problem(""));
    CHECK(screen_name_problem("salle 2"));
    CHECK(screen_name_problem("a/b"));
    CHECK(screen_name_problem(std::string(65, 'a')));
    SyncConfig c;
    CHECK_FALSE(screen_name(c).empty()); // the host name
    c.name = "salle-2";
    CHECK(screen_name(c) == "salle-2");
}

TEST_CASE("pull: a report that cannot be sent changes nothing but status.json's report" *
          no_minisign()) {
    PullBench b;
    b.publish_deck();
    SyncConfig c = b.config();
    c.name = "salle-2";
    c.report_url = "http://127.0.0.1:" + std::to_string(closed_port()) + "/api/screens/report";
    c.player_status = b.tmp.path("player/status.json"); // no player: nulls
    c.player_thumbnail = b.tmp.path("player/thumbnail.jpg");
    SUBCASE("nothing listening") {
        const PullOutcome out = pull_once(c, b.now);
        CHECK(out.kind == PullOutcome::Kind::installed);
        REQUIRE(out.report.report);
        CHECK(out.report.report->result == "error");
        CHECK(out.report.report->error.find("no answer") != std::string::npos);
        const JsonValue status = parsed(read_text(c.status_file));
        CHECK(status.string_at("result") == "installed");
        CHECK(status.get("report")->string_at("result") == "error");
        CHECK(status.get("report")->get("state")->type == JsonValue::Type::null);
        CHECK(fs::exists(c.state_dir + "/device.key"));
    }
    SUBCASE("a garbage device key") {
        b.tmp.write("screen/state/device.key", "garbage\n");
        const PullOutcome out = pull_once(c, b.now);
        CHECK(out.kind == PullOutcome::Kind::installed);
        CHECK(out.message.empty());
        const JsonValue status = parsed(read_text(c.status_file));
        CHECK(status.string_at("result") == "installed");
        CHECK(status.get("report")->string_at("result") == "error");
        CHECK(status.get("report")->string_at("error")->find("device.key") != std::string::npos);
        CHECK(read_text(c.state_dir + "/device.key") == "garbage\n");
        // The next pass too: unchanged, still exit 0 material.
        CHECK(pull_once(c, b.now + 60).kind == PullOutcome::Kind::unchanged);
    }
}

TEST_CASE("pull: no report_url, no report and no key") {
    TempDir tmp("noreport");
    SyncConfig c;
    c.state_dir = tmp.path("state");
    CHECK_FALSE(send_screen_report(c, SyncReport{}, 1795935600));
    CHECK_FALSE(fs::exists(tmp.path("state/device.key")));
}
