// Every URL the studio answers, registered in one place: one function per page or API group.
#pragma once

#include "studio/studio.hpp"

#include <httplib.h>

namespace affiche {

// Registers every group below. A new page or API group (screens, announcements) adds its
// register_* function here and in its own routes_*.cpp file.
void register_routes(httplib::Server& server, Studio& studio);

void register_session_routes(httplib::Server& server, Studio& studio); // routes_session.cpp
void register_deck_routes(httplib::Server& server, Studio& studio);    // routes_deck.cpp
void register_slide_routes(httplib::Server& server, Studio& studio);   // routes_slides.cpp
void register_preview_routes(httplib::Server& server, Studio& studio); // routes_previews.cpp
void register_image_routes(httplib::Server& server, Studio& studio);   // routes_images.cpp
void register_publish_routes(httplib::Server& server, Studio& studio); // routes_publish.cpp
void register_screen_routes(httplib::Server& server, Studio& studio);  // routes_screens.cpp
void register_static_routes(httplib::Server& server, Studio& studio);  // routes_static.cpp
// routes_announcement.cpp
void register_announcement_routes(httplib::Server& server, Studio& studio);

} // namespace affiche
