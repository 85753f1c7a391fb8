// The studio's HTTP API against a real server in-process: login, sessions, CSRF, rate limit,
// slide reads and checked writes, previews equal to `affiche --render`, uploads, publish, /site/.
#include "studio_test_server.hpp"

#include "base/file_read.hpp"
#include "deck/deck_loader.hpp"
#include "deck/reading_time.hpp"
#include "studio/upload_name.hpp"
#include "support/minisign_keys.hpp"
#include "support/process.hpp"
#include "support/wait_for.hpp"

#include <SDL.h>
#include <SDL_image.h>

#include <doctest/doctest.h>

#include <arpa/inet.h>

#include <algorithm>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <functional>
#include <thread>

using namespace affiche;
using namespace affiche::testing;
using nlohmann::json;

namespace {

std::string file_text(const std::string& path) {
    return read_regular_file(path, 1 << 26).bytes;
}

json body_of(const httplib::Result& res) {
    REQUIRE(res);
    return json::parse(res->body, nullptr, false);
}

// A small real PNG, written by SDL_image (the tests keep no binary fixture for it).
std::string small_png(const TempDir& temp) {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 40, 30, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface);
    SDL_FillRect(surface, nullptr, SDL_MapRGB(surface->format, 200, 120, 40));
    const std::string path = temp.path("small.png");
    REQUIRE(IMG_SavePNG(surface, path.c_str()) == 0);
    SDL_FreeSurface(surface);
    return read_regular_file(path, 1 << 20).bytes;
}

// A raw TCP connection to the server on loopback; -1 when it fails.
int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) return fd;
    ::close(fd);
    return -1;
}

// Sends byte_at(0), byte_at(1)... one every 200 ms, reading whatever comes back, while go_on(n)
// holds; true when the server closed the connection meanwhile.
bool trickle_until_closed(int fd, const std::function<char(std::size_t)>& byte_at,
                          const std::function<bool(std::size_t)>& go_on) {
    bool closed = false;
    for (std::size_t sent = 0; !closed && go_on(sent); ++sent) {
        const char byte = byte_at(sent);
        closed = ::send(fd, &byte, 1, MSG_NOSIGNAL) != 1;
        pollfd p{fd, POLLIN, 0};
        while (!closed && ::poll(&p, 1, 200) == 1) {
            char buffer[512];
            closed = ::recv(fd, buffer, sizeof buffer, 0) <= 0; // an answer, then the end
        }
    }
    return closed;
}

} // namespace

TEST_CASE("login: a wrong password says nothing more, a right one gives a cookie and a token") {
    StudioTestServer s;
    auto c = s.client();
    auto bad = c.Post("/api/login", R"({"password":"non"})", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 401);
    CHECK(body_of(bad)["errors"][0]["message"] == "Mot de passe incorrect.");
    CHECK(!bad->has_header("Set-Cookie"));
    auto good = c.Post("/api/login", R"({"password":"motdepasse-test"})", "application/json");
    REQUIRE(good);
    CHECK(good->status == 200);
    CHECK(body_of(good)["csrf"].get<std::string>().size() == 64);
    const std::string cookie = good->get_header_value("Set-Cookie");
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(good->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
          std::string::npos);
}

TEST_CASE("login flood: a growing wait per address, then a right password works again") {
    StudioTestServer s;
    auto c = s.client();
    for (int i = 0; i < free_login_failures + 1; ++i)
        CHECK(c.Post("/api/login", R"({"password":"x"})", "application/json")->status == 401);
    auto limited = c.Post("/api/login", R"({"password":"motdepasse-test"})", "application/json");
    REQUIRE(limited);
    CHECK(limited->status == 429); // even the right password waits
    CHECK(limited->get_header_value("Retry-After") == "1");
    s.advance(1);
    CHECK(c.Post("/api/login", R"({"password":"x"})", "application/json")->status == 401);
    CHECK(c.Post("/api/login", R"({"password":"x"})", "application/json")
              ->get_header_value("Retry-After") == "2");
    s.advance(2);
    CHECK(c.Post("/api/login", R"({"password":"motdepasse-test"})", "application/json")->status ==
          200);
}

TEST_CASE("calls without a session, without the CSRF token, or after a day idle are refused") {
    StudioTestServer s;
    auto c = s.client();
    CHECK(c.Get("/api/deck")->status == 401);
    CHECK(c.Get("/api/slides/chimio-definition")->status == 401);
    CHECK(c.Get("/api/slides/chimio-definition/preview.png")->status == 401);
    CHECK(c.Post("/api/publish", "{}", "application/json")->status == 401);
    const std::string file = s.temp().path("content/slides/20-chimio.toml");
    const std::string before = file_text(file);
    auto login = s.login();
    auto got = c.Get("/api/slides/chimio-definition", login.read());
    REQUIRE(got);
    httplib::Headers no_csrf = login.read();
    no_csrf.emplace("If-Match", got->get_header_value("ETag"));
    auto put =
        c.Put("/api/slides/chimio-definition", no_csrf, R"({"title":"X"})", "application/json");
    REQUIRE(put);
    CHECK(put->status == 403);
    no_csrf.emplace("X-CSRF-Token", "0000");
    CHECK(c.Put("/api/slides/chimio-definition", no_csrf, R"({"title":"X"})", "application/json")
              ->status == 403);
    CHECK(file_text(file) == before);
    s.advance(session_idle_seconds + 1);
    CHECK(c.Get("/api/deck", login.read())->status == 401);
}

TEST_CASE("GET /api/deck lists the slides in play order") {
    StudioTestServer s;
    auto login = s.login();
    auto deck = body_of(s.client().Get("/api/deck", login.read()));
    const LoadResult loaded = load_deck(s.temp().path("content"));
    REQUIRE(loaded.deck);
    REQUIRE(deck["slides"].size() == static_cast<std::size_t>(loaded.deck->shown_count()));
    for (int i = 0; i < loaded.deck->shown_count(); ++i) {
        CHECK(deck["slides"][static_cast<std::size_t>(i)]["id"] == loaded.deck->shown(i).id);
        CHECK(deck["slides"][static_cast<std::size_t>(i)]["file"].get<std::string>().starts_with(
            "slides/"));
    }
}

TEST_CASE("PUT a slide: only the value's bytes change, stale tags, bad values and no tag refused") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const std::string file = s.temp().path("content/slides/20-chimio.toml");
    const std::string before = file_text(file);
    auto got = c.Get("/api/slides/chimio-definition", login.read());
    REQUIRE(got);
    CHECK(body_of(got)["title"] == "La chimiothérapie");
    // The slide's own duration, as the player's loader reads it from the shipped deck.
    const LoadResult loaded = load_deck(s.temp().path("content"));
    REQUIRE(loaded.deck);
    const auto& slides = loaded.deck->slides;
    const auto shown = std::find_if(slides.begin(), slides.end(),
                                    [](const Slide& sl) { return sl.id == "chimio-definition"; });
    REQUIRE(shown != slides.end());
    CHECK(body_of(got)["duration"] == shown->duration_s);
    const std::string tag = got->get_header_value("ETag");
    auto headers = [&](const std::string& t) {
        auto h = login.change();
        h.emplace("If-Match", t);
        return h;
    };
    // No tag: 428.
    CHECK(c.Put("/api/slides/chimio-definition", login.change(), R"({"title":"A"})",
                "application/json")
              ->status == 428);
    // Invalid values: 422, each error names its key, in French; nothing written.
    auto invalid = c.Put("/api/slides/chimio-definition", headers(tag),
                         R"({"duration": 0, "image_position": "dessous"})", "application/json");
    REQUIRE(invalid);
    CHECK(invalid->status == 422);
    std::set<std::string> keys;
    const json invalid_body = body_of(invalid);
    for (const auto& e : invalid_body["errors"])
        keys.insert(e["key"].is_string() ? e["key"].get<std::string>() : "");
    CHECK(keys == std::set<std::string>{std::string("duration"), std::string("image_position")});
    CHECK(body_of(invalid)["errors"][0]["message"].get<std::string>().find("doit") !=
          std::string::npos);
    CHECK(file_text(file) == before);
    // A good edit: the file differs only in the title's bytes (three words for two: the slide's
    // 18 s still reads them, see the reading-time test below).
    auto ok = c.Put("/api/slides/chimio-definition", headers(tag),
                    R"({"title":"<img src=x onerror=alert(1)>"})", "application/json");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    const std::string after = file_text(file);
    std::string expected = before;
    const std::string old_title = "\"La chimiothérapie\"";
    expected.replace(expected.find(old_title), old_title.size(),
                     "\"<img src=x onerror=alert(1)>\"");
    CHECK(after == expected);
    CHECK(body_of(c.Get("/api/slides/chimio-definition", login.read()))["title"] ==
          "<img src=x onerror=alert(1)>");
    // The old tag is stale now: 412 with the "changed meanwhile" message.
    auto stale = c.Put("/api/slides/chimio-definition", headers(tag), R"({"title":"B"})",
                       "application/json");
    REQUIRE(stale);
    CHECK(stale->status == 412);
    CHECK(body_of(stale)["errors"][0]["message"].get<std::string>().find("modifiée entre-temps") !=
          std::string::npos);
    CHECK(file_text(file) == after);
}

TEST_CASE("a preview is byte for byte what affiche --render draws") {
    StudioTestServer s;
    auto login = s.login();
    const std::string out = s.temp().path("render");
    const Run render =
        run_program({AFFICHE_BIN, "--render", out, "--size", "1280x720", s.temp().path("content")},
                    child_environment({}, {{"SDL_VIDEODRIVER", "offscreen"}}));
    REQUIRE_MESSAGE(render.code == 0, render.output);
    auto png =
        s.client().Get("/api/slides/chimio-definition/preview.png?size=1280x720", login.read());
    REQUIRE(png);
    CHECK(png->status == 200);
    CHECK(png->get_header_value("Content-Type") == "image/png");
    CHECK(png->body == file_text(out + "/02-chimio-definition.png"));
    CHECK(s.client()
              .Get("/api/slides/chimio-definition/preview.png?size=9x9", login.read())
              ->status == 400);
}

TEST_CASE(
    "a draft's preview, drawn with the fonts kept from earlier drafts, is the saved slide's") {
    // Typing keeps one composer (fonts, measured widths) from draft to draft: what it draws for
    // the last draft must be what a fresh one draws once that draft is saved.
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const std::string path = "/api/slides/chimio-definition/preview.png?size=1280x720";
    REQUIRE(c.Get(path.c_str(), login.read())->status == 200);
    std::string last;
    for (const char* title : {"Premier essai", "Deuxième essai"}) {
        auto draft = c.Post(path.c_str(), login.change(), json({{"title", title}}).dump(),
                            "application/json");
        REQUIRE(draft);
        REQUIRE(draft->status == 200);
        CHECK(draft->body != last);
        last = draft->body;
    }
    auto got = c.Get("/api/slides/chimio-definition", login.read());
    auto h = login.change();
    h.emplace("If-Match", got->get_header_value("ETag"));
    REQUIRE(c.Put("/api/slides/chimio-definition", h, json({{"title", "Deuxième essai"}}).dump(),
                  "application/json")
                ->status == 200);
    auto saved = c.Get(path.c_str(), login.read());
    REQUIRE(saved);
    CHECK(saved->body == last);
}

TEST_CASE("draft check: errors and the readability warning name their field") {
    StudioTestServer s;
    auto login = s.login();
    std::string long_body;
    for (int i = 0; i < 60; ++i)
        long_body += "Beaucoup trop de mots pour une seule diapositive lue de loin. ";
    auto res = s.client().Post("/api/slides/chimio-definition/check", login.change(),
                               json({{"background", "bleu"}}).dump(), "application/json");
    auto body = body_of(res);
    INFO(res->body);
    REQUIRE(body["errors"].size() == 1);
    CHECK(body["errors"][0]["key"] == "background");
    CHECK(body["errors"][0]["message"].get<std::string>().find("couleur") != std::string::npos);
    // A picture without its description.
    body = body_of(s.client().Post("/api/slides/chimio-definition/check", login.change(),
                                   json({{"image_alt", nullptr}}).dump(), "application/json"));
    REQUIRE(body["errors"].size() == 1);
    CHECK(body["errors"][0]["key"] == "image_alt");
    res = s.client().Post("/api/slides/chimio-definition/check", login.change(),
                          json({{"body", long_body}}).dump(), "application/json");
    body = body_of(res);
    INFO(res->body);
    bool too_small = false;
    for (const auto& w : body["warnings"])
        too_small = too_small || (w["key"] == "body" &&
                                  w["message"].get<std::string>().find("4 m") != std::string::npos);
    CHECK(too_small);
}

TEST_CASE("reorder, duplicate, add and delete slides") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    auto ids = [&] {
        std::vector<std::string> out;
        const json deck = body_of(c.Get("/api/deck", login.read()));
        for (const auto& slide : deck["slides"])
            out.push_back(slide["id"]);
        return out;
    };
    auto order = ids();
    REQUIRE(order.size() > 3);
    auto moved = c.Post("/api/slides/" + order[2] + "/move", login.change(),
                        json({{"before", order[1]}}).dump(), "application/json");
    REQUIRE(moved);
    CHECK(moved->status == 200);
    auto now = ids();
    CHECK(now[1] == order[2]);
    CHECK(now[2] == order[1]);
    auto copy = body_of(
        c.Post("/api/slides/" + order[1] + "/duplicate", login.change(), "{}", "application/json"));
    CHECK(copy["id"] == order[1] + "-copie");
    auto added = body_of(c.Post("/api/slides", login.change(),
                                json({{"after", order[0]}, {"title", "Bonjour"}}).dump(),
                                "application/json"));
    CHECK(ids()[1] == added["id"]);
    CHECK(c.Delete("/api/slides/" + added["id"].get<std::string>(), login.change())->status == 200);
    CHECK(ids().size() == order.size() + 1);
}

TEST_CASE("uploads: names made safe, never outside images/, bad pictures refused by name") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const std::string png = small_png(s.temp());
    REQUIRE(!png.empty());
    auto upload = [&](const std::string& name, const std::string& bytes) {
        httplib::MultipartFormDataItems items = {{"file", bytes, name, "image/png"}};
        return c.Post("/api/images", login.change(), items);
    };
    auto traversal = upload("../../../etc/évil name.PNG", png);
    REQUIRE(traversal);
    CHECK(traversal->status == 201);
    CHECK(body_of(traversal)["name"] == "vil-name.png");
    CHECK(std::filesystem::exists(s.temp().path("content/images/vil-name.png")));
    auto long_name = upload(std::string(1000, 'a') + std::string("\x01\x7f", 2) + ".png", png);
    CHECK(body_of(long_name)["name"].get<std::string>().size() <= max_upload_name);
    auto windows = upload("C:\\Users\\x\\..\\photo.png", png);
    CHECK(body_of(windows)["name"] == "photo.png");
    auto truncated = upload("coupee.png", png.substr(0, png.size() / 2));
    REQUIRE(truncated);
    CHECK(truncated->status == 422);
    CHECK(body_of(truncated)["errors"][0]["message"].get<std::string>().find("coupee.png") !=
          std::string::npos);
    CHECK(upload("texte.txt", "bonjour")->status == 422);
    CHECK(upload("faux.png", "pas une image")->status == 422);
    CHECK(!std::filesystem::exists(s.temp().path("content/images/coupee.png")));
    // The library says which slide uses a picture, and refuses to delete it then.
    auto library = body_of(c.Get("/api/images", login.read()));
    CHECK(library["images"].size() > 2);
    CHECK(c.Delete("/api/images/chimio.svg", login.change())->status == 409);
    CHECK(c.Delete("/api/images/photo.png", login.change())->status == 200);
}

TEST_CASE("publish signs into the site folder, served at /site/ with ETag and 304") {
    if (!have_program("minisign")) {
        MESSAGE("minisign missing: publish case skipped");
        return;
    }
    StudioTestServer s;
    make_minisign_keys(s.temp().path("test.pub"), s.temp().path("test.key"));
    auto login = s.login();
    auto c = s.client();
    auto diff = body_of(c.Get("/api/publish/diff", login.read()));
    CHECK(diff["published"].is_null());
    auto published = c.Post("/api/publish", login.change(), "{}", "application/json");
    REQUIRE(published);
    CHECK(published->status == 200);
    CHECK(body_of(published)["sequence"] == 1);
    auto manifest = c.Get("/site/manifest.toml");
    REQUIRE(manifest);
    CHECK(manifest->status == 200);
    const std::string etag = manifest->get_header_value("ETag");
    CHECK(!etag.empty());
    auto again = c.Get("/site/manifest.toml", {{"If-None-Match", etag}});
    CHECK(again->status == 304);
    CHECK(c.Get("/site/../state/password")->status == 404);
    CHECK(c.Get("/site/%2e%2e/state/password")->status == 404);
    // An edit shows in the diff; the history lists the publication.
    auto got = c.Get("/api/slides/chimio-definition", login.read());
    auto h = login.change();
    h.emplace("If-Match", got->get_header_value("ETag"));
    CHECK(c.Put("/api/slides/chimio-definition", h, R"({"title":"Nouveau"})", "application/json")
              ->status == 200);
    diff = body_of(c.Get("/api/publish/diff", login.read()));
    CHECK(diff["changed"] == json::array({"chimio-definition"}));
    CHECK(body_of(c.Get("/api/history", login.read()))["history"].size() == 1);
}

TEST_CASE("slow clients: a stalled one is dropped, and neither holds the others") {
    StudioTestServer s;
    auto connect_raw = [&] {
        const int fd = connect_loopback(s.port());
        REQUIRE(fd >= 0);
        return fd;
    };
    // Half a request line, then nothing.
    std::vector<int> stalled;
    for (int i = 0; i < 4; ++i) {
        stalled.push_back(connect_raw());
        REQUIRE(::send(stalled.back(), "GET /api/de", 11, 0) == 11);
    }
    const auto start = std::chrono::steady_clock::now();
    auto served = s.client().Get("/api/deck");
    REQUIRE(served);
    CHECK(served->status == 401);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(3));
    // The server closes a stalled connection after its read timeout (5 s): recv reaches the end
    // (after an error answer, if any).
    bool closed = false;
    for (int reads = 0; reads < 100 && !closed; ++reads) {
        pollfd p{stalled.front(), POLLIN, 0};
        REQUIRE(::poll(&p, 1, (request_read_seconds + 5) * 1000) == 1);
        char buffer[512];
        closed = ::recv(stalled.front(), buffer, sizeof buffer, 0) <= 0;
    }
    CHECK(closed);
    for (int fd : stalled)
        ::close(fd);
}

TEST_CASE("reading time: the slide's shortest duration is suggested, a shorter one refused") {
    StudioTestServer s;
    auto login = s.login();
    auto c = s.client();
    const std::string file = s.temp().path("content/slides/20-chimio.toml");
    const std::string before = file_text(file);
    const LoadResult loaded = load_deck(s.temp().path("content"));
    REQUIRE(loaded.deck);
    auto loaded_slide = [&](const std::string& id) {
        for (const Slide& sl : loaded.deck->slides)
            if (sl.id == id) return sl;
        FAIL("no slide " << id);
        return Slide{};
    };
    // Suggested: GET gives the rule's seconds for the slide's words (docs/content.md's table:
    // chimio-definition, 22 words, 18 s; chimio-palliatif, 36 words, 25 s).
    auto got = c.Get("/api/slides/chimio-definition", login.read());
    REQUIRE(got);
    CHECK(body_of(got)["min_duration"] == 18);
    CHECK(body_of(got)["min_duration"] == slide_reading_seconds(loaded_slide("chimio-definition")));
    auto palliatif = c.Get("/api/slides/chimio-palliatif", login.read());
    REQUIRE(palliatif);
    CHECK(body_of(palliatif)["min_duration"] == 25);
    auto put = [&](const std::string& id, const std::string& tag, const json& body) {
        auto h = login.change();
        h.emplace("If-Match", tag);
        return c.Put("/api/slides/" + id, h, body.dump(), "application/json");
    };
    auto refused_for_duration = [&](const httplib::Result& res, const std::string& words) {
        REQUIRE(res);
        INFO(res->body);
        CHECK(res->status == 422);
        const json errors = body_of(res)["errors"];
        REQUIRE(errors.size() == 1);
        CHECK(errors[0]["key"] == "duration");
        CHECK(errors[0]["message"].get<std::string>().find(words) != std::string::npos);
    };
    const std::string tag = got->get_header_value("ETag");
    // Enforced: a duration below the rule, a text too long for the duration, and a slide left to
    // the deck's default (18 s) when its words need 25 s: 422 on `duration`, nothing written.
    refused_for_duration(put("chimio-definition", tag, {{"duration", 17}}), "au moins 18 s");
    std::string longer = loaded_slide("chimio-definition").body;
    for (int i = 0; i < 10; ++i)
        longer += " Un mot de plus."; // 62 words: 62 / 1.8 = 34.4, 35 + 5 = 40 s
    refused_for_duration(put("chimio-definition", tag, {{"body", longer}}), "au moins 40 s");
    refused_for_duration(
        put("chimio-palliatif", palliatif->get_header_value("ETag"), {{"duration", nullptr}}),
        "durée par défaut du diaporama (18 s)");
    CHECK(file_text(file) == before);
    // The draft check says the same while typing, with the seconds for the draft's words.
    auto check = c.Post("/api/slides/chimio-definition/check", login.change(),
                        json({{"body", longer}}).dump(), "application/json");
    const json checked = body_of(check);
    CHECK(checked["min_duration"] == 40);
    REQUIRE(checked["errors"].size() == 1);
    CHECK(checked["errors"][0]["key"] == "duration");
    // At the rule, or the longer text with its longer duration: written.
    auto ok = put("chimio-definition", tag, {{"body", longer}, {"duration", 40}});
    REQUIRE(ok);
    CHECK(ok->status == 200);
    const LoadResult after = load_deck(s.temp().path("content"));
    REQUIRE(after.deck);
    for (const Slide& sl : after.deck->slides)
        if (sl.id == "chimio-definition") {
            CHECK(sl.duration_s == 40);
            CHECK(slide_reading_seconds(sl) == 40);
        }
    CHECK(body_of(c.Get("/api/slides/chimio-definition", login.read()))["min_duration"] == 40);
}

TEST_CASE("trickling clients: as many as the server has threads are dropped, and the others are "
          "answered meanwhile") {
    StudioTestServer s;
    // Clients that send a request line one byte every 200 ms and never end it, until the server
    // closes their connection: more of them than the server has threads.
    constexpr int trickling = worker_threads + 4;
    std::atomic<int> connected{0};
    std::atomic<int> dropped{0};
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    // Stops and joins them however the test ends (a failed REQUIRE too).
    struct Joiner {
        std::atomic<bool>& stop;
        std::vector<std::thread>& threads;
        ~Joiner() {
            stop = true;
            for (auto& t : threads)
                if (t.joinable()) t.join();
        }
    } joiner{stop, clients};
    for (int i = 0; i < trickling; ++i) {
        clients.emplace_back([&] {
            const int fd = connect_loopback(s.port());
            if (fd < 0) return;
            ++connected;
            const std::string start = "GET /api/deck?";
            const bool closed = trickle_until_closed(
                fd, [&](std::size_t i) { return i < start.size() ? start[i] : 'a'; },
                [&](std::size_t) { return !stop; });
            if (closed) ++dropped;
            ::close(fd);
        });
    }
    REQUIRE(wait_for([&] { return connected == trickling; }, 60000));
    // Another client is answered while the trickling ones go on (the last ones queued are still
    // within their few seconds when a thread frees): a page, then a login and a read.
    auto page = s.client().Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(dropped < trickling); // they keep sending until the server closes them
    auto login = s.login();
    CHECK(login.csrf.size() == 64);
    auto deck = s.client().Get("/api/deck", login.read());
    REQUIRE(deck);
    CHECK(deck->status == 200);
    // Every trickling client is dropped by the server (a request has request_grace_seconds from
    // its first byte, plus one per 64 KiB), none had to stop by itself.
    CHECK(wait_for([&] { return dropped == trickling; }, 120000));
}

TEST_CASE("TLS: the studio's own connections speak HTTPS, and a trickling client is dropped there "
          "too") {
    TempDir keys("studio-tls");
    const Run made =
        run_shell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 "
                  "-nodes -days 2 -subj /CN=127.0.0.1 -keyout '" +
                  keys.path("key.pem") + "' -out '" + keys.path("cert.pem") + "' 2>&1");
    INFO(made.output);
    REQUIRE(made.code == 0);
    StudioTestServer s({keys.path("cert.pem"), keys.path("key.pem")});
    httplib::SSLClient c("127.0.0.1", s.port());
    c.enable_server_certificate_verification(false);
    c.set_read_timeout(60, 0);
    auto login = c.Post("/api/login", R"({"password":"motdepasse-test"})", "application/json");
    REQUIRE(login);
    CHECK(login->status == 200);
    CHECK(login->get_header_value("Set-Cookie").find("Secure") != std::string::npos);
    // A connection that sends bytes of a TLS hello too slowly to ever finish is closed.
    const int fd = connect_loopback(s.port());
    REQUIRE(fd >= 0);
    // A handshake record of the largest size (16 KiB): at 5 bytes a second it would take 55
    // minutes to arrive, so only a deadline ends it within the 600 bytes sent here.
    const unsigned char hello[] = {0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0x00, 0x3f, 0xfc, 0x03};
    const bool closed = trickle_until_closed(
        fd, [&](std::size_t i) { return static_cast<char>(hello[std::min(i, sizeof hello - 1)]); },
        [](std::size_t sent) { return sent < 600; }); // 600 bytes at 5 a second: 2 minutes
    ::close(fd);
    CHECK(closed);
    // Others are still served.
    CHECK(c.Get("/")->status == 200);
}
