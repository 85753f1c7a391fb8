// Test support: a real studio server in-process on a free loopback port, over a copy of the
// shipped deck, with a password set and an injectable clock.
#pragma once

#include "studio/password_file.hpp"
#include "studio/studio_server.hpp"
#include "support/temp_dir.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

namespace affiche::testing {

inline constexpr const char* test_password = "motdepasse-test";

class StudioTestServer {
  public:
    // tls: a certificate and key (files, made by the test) for HTTPS; empty: plain HTTP.
    struct Tls {
        std::string cert, key;
    };
    explicit StudioTestServer(const Tls& tls = {}) : temp_("studio") {
        namespace fs = std::filesystem;
        init_studio_language();
        fs::create_directories(temp_.path("content"));
        for (const char* folder : {"slides", "images", "fonts"})
            fs::copy(std::string(AFFICHE_SOURCE_DIR) + "/" + folder,
                     temp_.path("content/") + folder, fs::copy_options::recursive);
        StudioConfig c;
        c.content_dir = temp_.path("content");
        c.site_dir = temp_.path("site");
        c.state_dir = temp_.path("state");
        c.secret_key = temp_.path("test.key");
        c.www_dir = std::string(AFFICHE_SOURCE_DIR) + "/src/studio/www";
        c.tls_cert = tls.cert;
        c.tls_key = tls.key;
        fs::create_directories(c.state_dir);
        fs::create_directories(c.site_dir);
        (void)set_password(c.state_dir, test_password);
        studio_ = std::make_unique<Studio>(c);
        studio_->now = [this] { return now_.load(); };
        std::string error;
        server_ = make_server(*studio_, error);
        if (!server_) throw std::runtime_error(error);
        port_ = server_->bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_->listen_after_bind(); });
    }
    ~StudioTestServer() {
        server_->stop();
        thread_.join();
    }

    Studio& studio() { return *studio_; }
    const TempDir& temp() const { return temp_; }
    int port() const { return port_; }
    void advance(std::int64_t seconds) { now_ += seconds; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(60, 0);
        return c;
    }
    // Logs in; the cookie header and CSRF token of the new session.
    struct Login {
        std::string cookie;
        std::string csrf;
        httplib::Headers read() const { return {{"Cookie", cookie}}; }
        httplib::Headers change() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
    };
    Login login() {
        auto c = client();
        auto res = c.Post("/api/login", R"({"password":")" + std::string(test_password) + "\"}",
                          "application/json");
        Login l;
        if (!res || res->status != 200) return l;
        const std::string set = res->get_header_value("Set-Cookie");
        l.cookie = set.substr(0, set.find(';'));
        l.csrf = nlohmann::json::parse(res->body)["csrf"];
        return l;
    }

  private:
    TempDir temp_;
    std::atomic<std::int64_t> now_{1796000000}; // 2026-11-30
    std::unique_ptr<Studio> studio_;
    std::unique_ptr<httplib::Server> server_;
    int port_ = 0;
    std::thread thread_;
};

} // namespace affiche::testing
