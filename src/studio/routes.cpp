// The studio's routing table: which group of routes is registered, in one list.
#include "studio/routes.hpp"

namespace affiche {

void register_routes(httplib::Server& server, Studio& studio) {
    register_session_routes(server, studio);
    register_deck_routes(server, studio);
    register_slide_routes(server, studio);
    register_preview_routes(server, studio);
    register_image_routes(server, studio);
    register_publish_routes(server, studio);
    register_screen_routes(server, studio);
    register_announcement_routes(server, studio);
    register_static_routes(server, studio); // last: the web interface's files and /site/
}

} // namespace affiche
