// The studio's announcement API against a real server in-process: PUT writes
// slides/announcement.toml and publishes a revision holding it, bad fields are refused by name,
// DELETE publishes one without it, session and CSRF are required, and the preview shows it.
#include "studio_test_server.hpp"
#include "support/minisign_keys.hpp"
#include "support/text_file.hpp"

#include "base/file_read.hpp"
#include "base/local_time.hpp"
#include "studio/publication.hpp"
#include "sync/publish_site.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace affiche;
using namespace affiche::testing;
using nlohmann::json;

namespace {

json body_of(const httplib::Result& res) {
    REQUIRE(res);
    return json::parse(res->body, nullptr, false);
}

// The local date-time of Unix time t as the form sends it: "2026-11-30T02:53".
std::string form_time(std::int64_t t) {
    const LocalStamp s = local_stamp(t);
    return format_date(s.day) + "T" + format_hhmm(s.second);
}

// The studio's signing key (StudioConfig::secret_key); false where minisign is absent.
bool make_key(const StudioTestServer& s) {
    if (!have_program("minisign")) return false;
    make_minisign_keys(s.temp().path("test.pub"), s.temp().path("test.key"));
    return true;
}

// The slides/ folder of the site's current publication, unpacked.
std::string published_slides(StudioTestServer& s) {
    auto manifest = previous_manifest(s.studio().config().site_dir);
    REQUIRE(manifest);
    REQUIRE(*manifest);
    auto dir = unpacked_publication(s.studio(), **manifest);
    REQUIRE(dir);
    return *dir + "/slides";
}

const char* const announcement_path = "content/slides/announcement.toml";

} // namespace

TEST_CASE("announcement: PUT writes the file and publishes it, GET says it shows, DELETE "
          "publishes without it") {
    StudioTestServer s;
    if (!make_key(s)) {
        MESSAGE("minisign missing: announcement publish case skipped");
        return;
    }
    auto login = s.login();
    auto c = s.client();
    const std::int64_t now = s.studio().now();
    CHECK(body_of(c.Get("/api/announcement", login.read()))["announcement"].is_null());

    const std::string text = "Le Dr X a environ 30 minutes de retard";
    const json form = {{"text", text}, {"until", form_time(now + 3600)}};
    auto put = c.Put("/api/announcement", login.change(), form.dump(), "application/json");
    REQUIRE(put);
    CHECK(put->status == 200);
    const json answer = body_of(put);
    CHECK(answer["sequence"] == 1);
    CHECK(answer["announcement"]["text"] == text);
    CHECK(answer["announcement"]["active"] == true);

    const std::string written = read_regular_file(s.temp().path(announcement_path), 1 << 16).bytes;
    CHECK(written.find("[announcement]") != std::string::npos);
    CHECK(written.find(text) != std::string::npos);
    CHECK(written.find("until = " + form_time(now + 3600) + ":00") != std::string::npos);
    const std::string in_archive =
        read_regular_file(published_slides(s) + "/announcement.toml", 1 << 16).bytes;
    CHECK(in_archive == written);

    const json got = body_of(c.Get("/api/announcement", login.read()));
    CHECK(got["announcement"]["text"] == text);
    CHECK(got["announcement"]["until"] == form_time(now + 3600) + ":00");
    CHECK(got["announcement"]["active"] == true);
    // After until: still the file's, but no longer active.
    s.advance(2 * 3600);
    CHECK(body_of(c.Get("/api/announcement", login.read()))["announcement"]["active"] == false);
    s.advance(-2 * 3600);

    auto del = c.Delete("/api/announcement", login.change());
    REQUIRE(del);
    CHECK(del->status == 200);
    CHECK(body_of(del)["sequence"] == 2);
    CHECK(body_of(del)["announcement"].is_null());
    CHECK(!std::filesystem::exists(s.temp().path(announcement_path)));
    CHECK(!std::filesystem::exists(published_slides(s) + "/announcement.toml"));
    CHECK(body_of(c.Get("/api/announcement", login.read()))["announcement"].is_null());
    CHECK(body_of(c.Get("/api/history", login.read()))["history"].size() == 2);
}

TEST_CASE("announcement: bad text or until refused with the field named, nothing written") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const std::int64_t now = s.studio().now();
    const std::string soon = form_time(now + 3600);
    auto refused_field = [&](const json& form) {
        auto res = c.Put("/api/announcement", login.change(), form.dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 422);
        const json errors = body_of(res)["errors"];
        REQUIRE(errors.is_array());
        REQUIRE(!errors.empty());
        for (const auto& e : errors)
            CHECK(!e["message"].get<std::string>().empty());
        return errors[0]["key"].get<std::string>();
    };
    std::string long_text;
    for (int i = 0; i < 141; ++i)
        long_text += "é"; // 141 code points, 282 bytes
    CHECK(refused_field({{"text", long_text}, {"until", soon}}) == "text");
    CHECK(refused_field({{"text", ""}, {"until", soon}}) == "text");
    CHECK(refused_field({{"text", "Deux\nlignes"}, {"until", soon}}) == "text");
    CHECK(refused_field({{"text", 12}, {"until", soon}}) == "text");
    CHECK(refused_field({{"text", "Retard"}}) == "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", "demain midi"}}) == "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", "2026-13-45T12:00"}}) == "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", form_time(now + 8 * 86400)}}) == "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", form_time(now - 3600)}}) == "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", soon}, {"from", form_time(now + 7200)}}) ==
          "until");
    CHECK(refused_field({{"text", "Retard"}, {"until", soon}, {"style", "clignotant"}}) == "style");
    CHECK(refused_field({{"text", "Retard"}, {"until", soon}, {"couleur", "rouge"}}) == "couleur");
    CHECK(!std::filesystem::exists(s.temp().path(announcement_path)));
    // 140 code points are fine (checked only, through the preview: nothing published here).
    std::string just = long_text.substr(2);
    auto ok =
        c.Post("/api/announcement/preview.png?size=480x270&slide=chimio-definition", login.change(),
               json({{"text", just}, {"until", soon}}).dump(), "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(!std::filesystem::exists(s.temp().path(announcement_path)));
    // The preview is the slide with the band: not the slide alone, and another text draws
    // another picture.
    auto alone = c.Get("/api/slides/chimio-definition/preview.png?size=480x270", login.read());
    REQUIRE(alone);
    CHECK(alone->status == 200);
    CHECK(ok->body != alone->body);
    auto other =
        c.Post("/api/announcement/preview.png?size=480x270&slide=chimio-definition", login.change(),
               json({{"text", "Fermé à 16 h"}, {"until", soon}}).dump(), "application/json");
    REQUIRE(other);
    CHECK(other->status == 200);
    CHECK(other->body != ok->body);
    CHECK(other->body != alone->body);
}

TEST_CASE("announcement: the calls need a session, and changes the CSRF token") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const json form = {{"text", "Retard"}, {"until", form_time(s.studio().now() + 3600)}};
    CHECK(c.Get("/api/announcement")->status == 401);
    CHECK(c.Put("/api/announcement", form.dump(), "application/json")->status == 401);
    CHECK(c.Delete("/api/announcement")->status == 401);
    CHECK(c.Put("/api/announcement", login.read(), form.dump(), "application/json")->status == 403);
    CHECK(c.Delete("/api/announcement", login.read())->status == 403);
    CHECK(c.Post("/api/announcement/preview.png", login.read(), form.dump(), "application/json")
              ->status == 403);
    CHECK(!std::filesystem::exists(s.temp().path(announcement_path)));
    CHECK(c.Get("/api/announcement", login.read())->status == 200);
}

TEST_CASE("announcement: « fin de la journée » is today's closing hour, else 18:00") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    json end = body_of(c.Get("/api/announcement", login.read()))["day_end"];
    CHECK(end["time"] == "18:00"); // the shipped deck sets no opening hours
    CHECK(end["from_schedule"] == false);
    // Every day open until 17:30 (in two ranges), whatever the test machine's weekday.
    const std::string deck_toml = s.temp().path("content/slides/deck.toml");
    std::string text = read_regular_file(deck_toml, 1 << 20).bytes + "\n[opening_hours]\n";
    for (const char* day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        text += std::string(day) + " = [\"08:30-12:30\", \"14:00-17:30\"]\n";
    write_text(deck_toml, text);
    end = body_of(c.Get("/api/announcement", login.read()))["day_end"];
    CHECK(end["time"] == "17:30");
    CHECK(end["from_schedule"] == true);
}
