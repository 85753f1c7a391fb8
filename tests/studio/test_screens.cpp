// The screens' reports against a real in-process studio: a new screen waits, an editor approves
// it, its reports show; another key, a replay, a stale time, an oversized or malformed body and a
// bad signature are refused with their code and counted, the last good state kept; pruning.
#include "studio_test_server.hpp"

#include "base/utc_time.hpp"
#include "studio/screen_overview.hpp"
#include "studio/screen_store.hpp"
#include "support/text_file.hpp"
#include "sync/manifest.hpp"
#include "sync/publish_site.hpp"
#include "sync/report_signing.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

using namespace affiche;
using namespace affiche::testing;
using nlohmann::json;

namespace {

std::string base64(std::string_view bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1); // the terminating NUL
    return out;
}

const std::string fake_png = std::string("\x89PNG\r\n\x1a\n", 8) + "thumbnail bytes";

// A screen's key pair and counter, making signed reports as affiche-sync does.
struct Device {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    std::int64_t counter = 0;
    Device() {
        REQUIRE(sodium_init() >= 0);
        crypto_sign_keypair(pk, sk);
    }
    std::string key() const { return std::string(reinterpret_cast<const char*>(pk), sizeof pk); }
    json report(const std::string& name, std::int64_t time, const std::string& revision) {
        return {{"name", name},
                {"key", base64(key())},
                {"time", format_utc(time)},
                {"counter", ++counter},
                {"revision_on_screen", revision},
                {"revision_pending", nullptr},
                {"screen_on", true},
                {"screen_reason", "open until 18:30"},
                {"sync_result", "unchanged"},
                {"sync_error", ""},
                {"player_version", "1.0"},
                {"sync_version", "1.0"},
                {"uptime_s", 120},
                {"announcement", nullptr},
                {"thumbnail", {{"type", "image/png"}, {"data", base64(fake_png)}}}};
    }
    std::string sign(const std::string& body) const {
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(body.data()),
                             body.size(), sk);
        return base64(std::string(reinterpret_cast<const char*>(sig), sizeof sig));
    }
};

int post(StudioTestServer& s, const std::string& body, const std::string& signature) {
    auto res = s.client().Post("/api/screens/report", {{"X-Affiche-Signature", signature}}, body,
                               "application/json");
    REQUIRE(res);
    return res->status;
}

int post(StudioTestServer& s, const Device& d, const json& report) {
    const std::string body = report.dump();
    return post(s, body, d.sign(body));
}

json screens(StudioTestServer& s, const StudioTestServer::Login& login) {
    auto res = s.client().Get("/api/screens", login.read());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    return json::parse(res->body);
}

json screen(StudioTestServer& s, const StudioTestServer::Login& login, const std::string& name) {
    const json all = screens(s, login);
    for (const auto& x : all["screens"])
        if (x["name"] == name) return x;
    return nullptr;
}

std::int64_t now_of(StudioTestServer& s) {
    return s.studio().now();
}

// A screen approved with one good report (revision "aaaa...") on record.
void approved_screen(StudioTestServer& s, const StudioTestServer::Login& login, Device& d,
                     const std::string& name) {
    REQUIRE(post(s, d, d.report(name, now_of(s), "aaaaaaaaaaaaaaaa")) == 202);
    REQUIRE(s.client()
                .Post("/api/screens/" + name + "/approve", login.change(), "{}", "application/json")
                ->status == 200);
    REQUIRE(post(s, d, d.report(name, now_of(s), "aaaaaaaaaaaaaaaa")) == 200);
}

std::string metric(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    if (at == std::string::npos) return "";
    const auto start = at + name.size() + 2;
    return text.substr(start, text.find('\n', start) - start);
}

} // namespace

TEST_CASE("screens: a new screen waits with its fingerprint, once approved its reports show") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    Device d;
    CHECK(post(s, d, d.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa")) == 202);
    json pending = screen(s, login, "salle-1");
    REQUIRE(pending.is_object());
    CHECK(pending["state"] == "pending");
    CHECK(pending["fingerprint"] == report_fingerprint(d.key()));
    CHECK(pending["fingerprint"].get<std::string>().size() == 19);
    CHECK(pending["revision"].is_null()); // nothing of a pending screen's report is trusted
    CHECK(c.Get("/api/screens/salle-1/thumbnail", login.read())->status == 404);

    // Session, CSRF, and the fingerprint the page showed.
    CHECK(c.Get("/api/screens")->status == 401);
    CHECK(c.Post("/api/screens/salle-1/approve", login.read(), "{}", "application/json")->status ==
          403);
    CHECK(c.Post("/api/screens/salle-1/approve", login.change(),
                 R"({"fingerprint":"0000-0000-0000-0000"})", "application/json")
              ->status == 409);
    CHECK(
        c.Post("/api/screens/salle-9/approve", login.change(), "{}", "application/json")->status ==
        404);
    const json approve = {{"fingerprint", pending["fingerprint"]}};
    auto approved =
        c.Post("/api/screens/salle-1/approve", login.change(), approve.dump(), "application/json");
    REQUIRE(approved);
    CHECK(approved->status == 200);
    CHECK(screen(s, login, "salle-1")["state"] == "approved");

    s.advance(60);
    json report = d.report("salle-1", now_of(s), "bbbbbbbbbbbbbbbb");
    report["announcement"] = "Le Dr X a environ 30 minutes de retard";
    const std::string body = report.dump();
    auto res = c.Post("/api/screens/report", {{"X-Affiche-Signature", d.sign(body)}}, body,
                      "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body) == json{{"state", "approved"}});
    json shown = screen(s, login, "salle-1");
    CHECK(shown["revision"] == "bbbbbbbbbbbbbbbb");
    CHECK(shown["screen_on"] == true);
    CHECK(shown["screen_reason"] == "open until 18:30");
    CHECK(shown["sync_result"] == "unchanged");
    CHECK(shown["announcement"] == "Le Dr X a environ 30 minutes de retard");
    CHECK(shown["last_report"] == format_utc(now_of(s)));
    CHECK(shown["late_since"].is_null()); // nothing published: nothing to be late on
    CHECK(shown["silent"] == false);
    auto thumbnail = c.Get("/api/screens/salle-1/thumbnail", login.read());
    REQUIRE(thumbnail);
    CHECK(thumbnail->status == 200);
    CHECK(thumbnail->get_header_value("Content-Type") == "image/png");
    CHECK(thumbnail->body == fake_png);
    CHECK(c.Get("/api/screens/salle-1/thumbnail")->status == 401);

    auto metrics = c.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metric(metrics->body, "affiche_studio_screens_approved") == "1");
    CHECK(metric(metrics->body, "affiche_studio_screens_seen") == "1");
    CHECK(metric(metrics->body, "affiche_studio_screens_late") == "0");
    // Ten silent minutes: the shipped deck has no opening hours, so the practice is always open.
    s.advance(600);
    metrics = c.Get("/metrics");
    CHECK(metric(metrics->body, "affiche_studio_screens_seen") == "0");
    CHECK(metric(metrics->body, "affiche_studio_screens_silent") == "1");
    CHECK(screen(s, login, "salle-1")["silent"] == true);
}

TEST_CASE("screens: refused reports get their code, are counted, and keep the last good state") {
    StudioTestServer s;
    auto login = s.login();
    Device d;
    approved_screen(s, login, d, "salle-1");
    const json good = screen(s, login, "salle-1");
    const std::string good_thumbnail =
        s.client().Get("/api/screens/salle-1/thumbnail", login.read())->body;

    SUBCASE("another key for an approved name: 401") {
        Device other;
        CHECK(post(s, other, other.report("salle-1", now_of(s), "cccccccccccccccc")) == 401);
        CHECK(screen(s, login, "salle-1")["refused"]["other_key"] == 1);
    }
    SUBCASE("a replayed report: 409, and a lower counter too") {
        const std::string body = d.report("salle-1", now_of(s), "cccccccccccccccc").dump();
        s.advance(1);
        CHECK(post(s, body, d.sign(body)) == 200); // the first time is fine
        CHECK(post(s, body, d.sign(body)) == 409);
        json lower = d.report("salle-1", now_of(s), "dddddddddddddddd");
        lower["counter"] = 1;
        CHECK(post(s, d, lower) == 409);
        CHECK(screen(s, login, "salle-1")["refused"]["replayed"] == 2);
        CHECK(screen(s, login, "salle-1")["revision"] == "cccccccccccccccc");
        return; // the state moved on with the good report, by design
    }
    SUBCASE("more than 5 minutes off the studio's clock: 422, either way") {
        CHECK(post(s, d, d.report("salle-1", now_of(s) - 301, "cccccccccccccccc")) == 422);
        CHECK(post(s, d, d.report("salle-1", now_of(s) + 301, "cccccccccccccccc")) == 422);
        CHECK(post(s, d, d.report("salle-1", now_of(s) - 299, "aaaaaaaaaaaaaaaa")) == 200);
        CHECK(screen(s, login, "salle-1")["refused"]["stale"] == 2);
        return;
    }
    SUBCASE("more than 256 KiB: 413, counted for the name it begins with") {
        json big = d.report("salle-1", now_of(s), "cccccccccccccccc");
        big["thumbnail"]["data"] = base64(fake_png + std::string(200 * 1024, 'x'));
        const std::string body = big.dump();
        REQUIRE(body.size() > max_report_bytes);
        CHECK(post(s, body, d.sign(body)) == 413);
        CHECK(screen(s, login, "salle-1")["refused"]["oversized"] == 1);
        // Just under the limit is accepted (the limit is the body's, not the picture's).
        json fits = d.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa");
        fits["thumbnail"]["data"] = base64(fake_png + std::string(150 * 1024, 'x'));
        CHECK(post(s, d, fits) == 200);
        return;
    }
    SUBCASE("malformed: not JSON (no screen to count it for), or a field of the wrong type") {
        CHECK(post(s, "{\"name\": \"salle-1\", ", "AAAA") == 400);
        CHECK(screens(s, login)["refused_unknown"]["malformed"] == 1);
        json wrong = d.report("salle-1", now_of(s), "cccccccccccccccc");
        wrong["counter"] = "7";
        CHECK(post(s, d, wrong) == 400);
        wrong = d.report("salle-1", now_of(s), "cccccccccccccccc");
        wrong["thumbnail"] = {{"type", "image/gif"}, {"data", base64("GIF89a")}};
        CHECK(post(s, d, wrong) == 400);
        CHECK(screen(s, login, "salle-1")["refused"]["malformed"] == 2);
    }
    SUBCASE("a bad or missing signature: 401") {
        const std::string body = d.report("salle-1", now_of(s), "cccccccccccccccc").dump();
        std::string tampered = body;
        tampered.replace(tampered.find("cccc"), 4, "dddd");
        CHECK(post(s, tampered, d.sign(body)) == 401);
        CHECK(post(s, body, "") == 401);
        CHECK(post(s, body, "not base64!") == 401);
        CHECK(screen(s, login, "salle-1")["refused"]["signature"] == 3);
    }
    const json after = screen(s, login, "salle-1");
    CHECK(after["revision"] == good["revision"]);
    CHECK(after["last_report"] == good["last_report"]);
    CHECK(after["state"] == "approved");
    CHECK(after["fingerprint"] == good["fingerprint"]);
    CHECK(s.client().Get("/api/screens/salle-1/thumbnail", login.read())->body == good_thumbnail);
    auto metrics = s.client().Get("/metrics")->body;
    CHECK(metrics.find("affiche_studio_reports_refused_total{kind=\"") != std::string::npos);
}

TEST_CASE("screens: late on the published revision since its publication, or since a rollback") {
    StudioTestServer s;
    auto login = s.login();
    Device d;
    approved_screen(s, login, d, "salle-1"); // on revision aaaa... since now
    s.advance(600);
    CHECK(post(s, d, d.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa")) == 200);
    // A publication (its manifest is what the studio compares with), 400 s ago.
    Manifest m;
    m.revision = "bbbbbbbbbbbbbbbb";
    m.sequence = 3;
    m.created = now_of(s) - 400;
    m.expires = m.created + 30 * 86400;
    m.archive = "deck-bbbbbbbbbbbbbbbb.tar.zst";
    m.size = 10;
    m.sha256 = std::string(64, 'e');
    write_text(s.temp().path("site/") + std::string(manifest_file_name), format_manifest(m));
    json shown = screen(s, login, "salle-1");
    CHECK(shown["published_revision"] == "bbbbbbbbbbbbbbbb");
    CHECK(shown["late_since"] == format_utc(m.created));
    CHECK(metric(s.client().Get("/metrics")->body, "affiche_studio_screens_late") == "1");
    s.advance(30);
    CHECK(post(s, d, d.report("salle-1", now_of(s), "bbbbbbbbbbbbbbbb")) == 200);
    CHECK(screen(s, login, "salle-1")["late_since"].is_null());
    CHECK(metric(s.client().Get("/metrics")->body, "affiche_studio_screens_late") == "0");
    // Back on the old one (a rollback): late since that report, not since the publication.
    s.advance(30);
    CHECK(post(s, d, d.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa")) == 200);
    CHECK(screen(s, login, "salle-1")["late_since"] == format_utc(now_of(s)));
}

TEST_CASE("screens: silence counts only during the deck's opening hours") {
    StudioTestServer s;
    auto login = s.login();
    Device d;
    approved_screen(s, login, d, "salle-1");
    // Open on Tuesdays only: the test clock is a Monday (a Sunday west of Greenwich).
    const std::string deck = s.temp().path("content/slides/deck.toml");
    write_text(deck, read_text(deck) + "\n[opening_hours]\ntue = \"08:30-12:30\"\n");
    s.advance(600);
    CHECK(screen(s, login, "salle-1")["silent"] == false);
    CHECK(metric(s.client().Get("/metrics")->body, "affiche_studio_screens_silent") == "0");
    CHECK(metric(s.client().Get("/metrics")->body, "affiche_studio_screens_seen") == "0");
}

TEST_CASE("screens: forgetting a screen lets a new key for its name wait for approval") {
    StudioTestServer s;
    auto login = s.login();
    Device d;
    approved_screen(s, login, d, "salle-1");
    Device replaced;
    CHECK(post(s, replaced, replaced.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa")) == 401);
    CHECK(s.client().Delete("/api/screens/salle-1", login.read())->status == 403);
    CHECK(s.client().Delete("/api/screens/salle-1", login.change())->status == 200);
    CHECK(post(s, replaced, replaced.report("salle-1", now_of(s), "aaaaaaaaaaaaaaaa")) == 202);
    CHECK(screen(s, login, "salle-1")["fingerprint"] == report_fingerprint(replaced.key()));
}

TEST_CASE("screens store: proof of play in spans, kept 30 days, never more rows than its bound") {
    TempDir temp("screens");
    ScreenStoreLimits limits;
    limits.max_play_rows = 5;
    auto opened = ScreenStore::open(temp.path("screens.sqlite"), limits);
    REQUIRE(opened);
    ScreenStore& store = **opened;
    Device d;
    std::int64_t now = 1796000000;
    auto report = [&](const std::string& revision) {
        ReceivedReport r;
        r.name = "salle-1";
        r.key = d.key();
        r.time = now;
        r.counter = ++d.counter;
        r.revision_on_screen = revision;
        r.screen_on = true;
        return r;
    };
    CHECK(store.receive(report("a"), now) == ScreenStore::Verdict::pending);
    CHECK(store.approve("salle-1", "") == ScreenStore::Approval::approved);
    // The same state again and again: one span.
    for (int i = 0; i < 10; ++i) {
        now += 60;
        CHECK(store.receive(report("a"), now) == ScreenStore::Verdict::accepted);
    }
    CHECK(store.play_rows() == 1);
    CHECK(store.plays("salle-1")[0].reports == 10);
    // Each change of revision: a new span; past 5 rows the oldest go.
    for (int i = 0; i < 8; ++i) {
        now += 60;
        CHECK(store.receive(report(i % 2 ? "a" : "b"), now) == ScreenStore::Verdict::accepted);
    }
    store.prune(now);
    CHECK(store.play_rows() == 5);
    CHECK(store.plays("salle-1").front().revision == "a");
    // 31 days later, the next report prunes everything older than 30 days.
    now += 31 * 86400;
    CHECK(store.receive(report("c"), now) == ScreenStore::Verdict::accepted);
    const auto left = store.plays("salle-1");
    REQUIRE(left.size() == 1);
    CHECK(left[0].revision == "c");
    // Only the latest thumbnail per screen is kept: it is a column of the screen, not a row.
    auto with_picture = report("c");
    with_picture.thumbnail = "first";
    with_picture.thumbnail_type = "image/png";
    now += 60;
    store.receive(with_picture, now);
    with_picture = report("c");
    with_picture.thumbnail = "second";
    with_picture.thumbnail_type = "image/png";
    now += 60;
    store.receive(with_picture, now);
    CHECK(store.thumbnail("salle-1")->second == "second");
}

TEST_CASE("screens store: at most max_pending unknown screens wait, the oldest go") {
    TempDir temp("screens");
    ScreenStoreLimits limits;
    limits.max_pending = 3;
    auto opened = ScreenStore::open(temp.path("screens.sqlite"), limits);
    REQUIRE(opened);
    Device d;
    for (int i = 0; i < 5; ++i) {
        ReceivedReport r;
        r.name = "x" + std::to_string(i);
        r.key = d.key();
        r.counter = i;
        CHECK((*opened)->receive(r, 1000 + i) == ScreenStore::Verdict::pending);
    }
    const auto rows = (*opened)->screens();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].name == "x2");
}

TEST_CASE(
    "screens metrics: each family's HELP and TYPE once, its samples together, names escaped") {
    ScreensContext c;
    c.now = 1796000000;
    std::vector<ScreenRow> rows(3);
    rows[0].name = "salle-1";
    rows[0].state = "approved";
    rows[0].last_report = c.now - 30;
    rows[0].report = json::object();
    rows[1].name = "hall \"B\"";
    rows[1].state = "approved";
    rows[1].last_report = c.now - 60;
    rows[1].report = json::object();
    rows[2].name = "new";
    rows[2].state = "pending";
    rows[2].refused["stale"] = 2;
    const std::string text = screens_metrics(rows, c, {{"malformed", 1}});
    INFO(text);
    for (const char* family :
         {"affiche_studio_screens_approved", "affiche_studio_reports_refused_total",
          "affiche_studio_screen_last_report_timestamp_seconds",
          "affiche_studio_screen_up_to_date"}) {
        const std::string type = std::string("# TYPE ") + family + " ";
        CHECK(text.find(type) != std::string::npos);
        CHECK(text.find(type) == text.rfind(type));
    }
    CHECK(text.find("affiche_studio_screens_approved 2\n") != std::string::npos);
    CHECK(text.find("# TYPE affiche_studio_screen_up_to_date gauge\n"
                    "affiche_studio_screen_up_to_date{screen=\"salle-1\"} 1\n"
                    "affiche_studio_screen_up_to_date{screen=\"hall \\\"B\\\"\"} 1\n") !=
          std::string::npos);
    CHECK(text.find("affiche_studio_screen_last_report_timestamp_seconds{screen=\"salle-1\"} "
                    "1795999970\n") != std::string::npos);
    CHECK(text.find("affiche_studio_reports_refused_total{kind=\"malformed\"} 1\n") !=
          std::string::npos);
    CHECK(text.find("affiche_studio_reports_refused_total{kind=\"stale\"} 2\n") !=
          std::string::npos);
    CHECK(text.find("affiche_studio_screens_pending 1\n") != std::string::npos);
}
