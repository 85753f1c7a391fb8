# affiche-studio's tests: unit tests against a real in-process server (label studio, ~3 s), the
# interface in headless Chromium + Selenium then a real pull and render, and the Écrans page
# with a real screen and player (label browser, ~30 s and ~20 s),
# and the systemd unit (label systemd).
file(GLOB AFFICHE_STUDIO_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/test_*.cpp)
add_executable(affiche_studio_tests ${CMAKE_CURRENT_LIST_DIR}/../main.cpp ${AFFICHE_STUDIO_TEST_SOURCES})
target_include_directories(affiche_studio_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_link_libraries(affiche_studio_tests PRIVATE affiche_studio doctest::doctest)
target_compile_definitions(affiche_studio_tests PRIVATE
  AFFICHE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" AFFICHE_BINARY_DIR="${PROJECT_BINARY_DIR}")
add_dependencies(affiche_studio_tests affiche_catalogues)
if(NOT CMAKE_CROSSCOMPILING)
  # The preview == `affiche --render` case runs the real player; serve --config the real studio.
  target_compile_definitions(affiche_studio_tests PRIVATE AFFICHE_BIN="$<TARGET_FILE:affiche>"
    AFFICHE_STUDIO_BIN="$<TARGET_FILE:affiche-studio>")
  add_dependencies(affiche_studio_tests affiche affiche-studio)
  # The three programs and the sources, as every studio script test takes them.
  set(programs $<TARGET_FILE:affiche-studio> $<TARGET_FILE:affiche-sync> $<TARGET_FILE:affiche>
    ${PROJECT_SOURCE_DIR})
  affiche_script_test(studio_browser studio/browser_test.py ARGS ${programs}
    PROPERTIES LABELS browser TIMEOUT 600 COST 300)
  # The Écrans page with a real screen: an announcement from the Annonce card, `affiche-sync
  # pull` reporting to the studio, `affiche --thumbnail` offscreen; the thumbnail shows the band
  # after one more pull, and not once withdrawn (about 20 s).
  affiche_script_test(studio_browser_fleet studio/browser_fleet_test.py ARGS ${programs}
    PROPERTIES LABELS browser TIMEOUT 600)
  # The announcement end to end: studio PUT, a real pull from /site/, the band in
  # `affiche --render --at` before until and not after, then withdrawn (about 10 s).
  affiche_script_test(studio_announcement_e2e studio/announcement_e2e.sh ARGS ${programs}
    PROPERTIES LABELS studio_e2e TIMEOUT 180)
  affiche_script_test(systemd_studio_verify studio/systemd_studio_verify.sh
    ARGS $<TARGET_FILE:affiche-studio> PROPERTIES LABELS systemd)
endif()
doctest_discover_tests(affiche_studio_tests PROPERTIES LABELS studio TIMEOUT 120
  ENVIRONMENT "SDL_VIDEODRIVER=offscreen")
