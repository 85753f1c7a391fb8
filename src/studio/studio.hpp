// What every request handler of the studio shares: its folders, the deck, previews, sessions.
#pragma once

#include "studio/deck_workspace.hpp"
#include "studio/login_limiter.hpp"
#include "studio/preview_renderer.hpp"
#include "studio/screen_store.hpp"
#include "studio/sessions.hpp"

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

namespace affiche {

struct StudioConfig {
    std::string content_dir;
    std::string site_dir;
    std::string secret_key; // minisign secret key file: publish signs with it, in process
    std::string state_dir;  // password hash, publication history, screens.sqlite
    std::string www_dir;    // the web interface's files
    std::string host = "127.0.0.1";
    int port = 8470;
    std::string tls_cert; // both set: HTTPS
    std::string tls_key;
    std::string player_program; // `affiche` beside the studio, for publish's decode check
    bool tls() const { return !tls_cert.empty() && !tls_key.empty(); }
};

// A draft deck as checked (check_deck at the studio's now, the edited file's bytes in place of
// the file), kept so the check and the preview of one typing pause load it once and draw it with
// the same warm composer.
struct DraftLoad {
    std::string key; // the folder's fingerprint, the time, the file and its draft bytes
    Diagnostics diagnostics;
    std::shared_ptr<const Deck> deck; // null when the draft has errors
    std::shared_ptr<const AssetBytes> assets;
};

class Studio {
  public:
    // Opens STATE_DIR/screens.sqlite: screens_error() says why when it cannot.
    explicit Studio(StudioConfig config);

    const StudioConfig& config() const { return config_; }
    DeckWorkspace& workspace() { return workspace_; }
    PreviewRenderer& previews() { return previews_; }
    SessionStore& sessions() { return sessions_; }
    LoginLimiter& limiter() { return limiter_; }
    // One password verification at a time: each takes 32 MiB for ~0.1 s.
    std::mutex& login_mutex() { return login_mutex_; }
    // One publication at a time.
    std::mutex& publish_mutex() { return publish_mutex_; }
    // The screens' reports (own mutex: the report routes never take the publish mutex).
    ScreenStore& screens() { return *screens_; }
    const std::string& screens_error() const { return screens_error_; }
    // The last draft checked, when its key matches; else checks and keeps this one.
    std::shared_ptr<const DraftLoad> draft(const std::string& file, const std::string& text);
    // The announcement band the screens draw over deck's slides now ("" for none): its text when
    // it has style "band" and is active at now().
    std::string band_now(const Deck& deck) const;
    // Unix seconds; tests replace it.
    std::function<std::int64_t()> now;

  private:
    StudioConfig config_;
    DeckWorkspace workspace_;
    PreviewRenderer previews_;
    SessionStore sessions_;
    LoginLimiter limiter_;
    std::mutex login_mutex_;
    std::mutex publish_mutex_;
    std::unique_ptr<ScreenStore> screens_;
    std::string screens_error_;
    std::mutex draft_mutex_;
    std::shared_ptr<const DraftLoad> last_draft_;
};

} // namespace affiche
