# End-to-end tests: the real programs started by the tests, on fixture decks. Included by
# tests/CMakeLists.txt when not cross-compiling.

# affiche_e2e_test(NAME SOURCE [LINK_SDL] [PROPERTIES ...]): one doctest executable that runs the
# real player (AFFICHE_BIN) on the sources (AFFICHE_SOURCE_DIR); PROPERTIES go to each test case.
# One value per property: doctest_discover_tests splits a list value (a;b) into words.
function(affiche_e2e_test name source)
  cmake_parse_arguments(PARSE_ARGV 2 e2e "LINK_SDL" "" "PROPERTIES")
  add_executable(${name} ${PROJECT_SOURCE_DIR}/tests/e2e/${source})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE affiche_base doctest::doctest) # base: the process runner
  if(e2e_LINK_SDL) # to read PNGs back (SDL_image)
    target_link_libraries(${name} PRIVATE SDL2::SDL2 SDL2_image::SDL2_image)
  endif()
  target_compile_definitions(${name} PRIVATE
    AFFICHE_SOURCE_DIR="${PROJECT_SOURCE_DIR}" AFFICHE_BIN="$<TARGET_FILE:affiche>")
  if(SYSTEMD_FOUND)
    target_compile_definitions(${name} PRIVATE AFFICHE_HAVE_SYSTEMD=1)
  endif()
  add_dependencies(${name} affiche)
  doctest_discover_tests(${name} PROPERTIES ${e2e_PROPERTIES})
  set_property(GLOBAL APPEND PROPERTY AFFICHE_E2E_PROGRAMS ${name}) # for test_case_names
endfunction()

set(headless ENVIRONMENT "SDL_VIDEODRIVER=offscreen")
set(affiche $<TARGET_FILE:affiche>)
set(sync $<TARGET_FILE:affiche-sync>)

# The real binary headless on a fixture deck: --render PNGs checked pixel by pixel.
affiche_e2e_test(affiche_e2e_tests test_render_e2e.cpp LINK_SDL PROPERTIES ${headless})
# --render --at and --schedule on a deck with opening hours.
affiche_e2e_test(affiche_schedule_e2e_tests test_schedule_e2e.cpp PROPERTIES ${headless})
# As a service (tests/e2e/player_session.hpp): the player spawned, edited, swapped, signalled;
# status, log, sd_notify. One topic per executable.
set(service ${headless} ENVIRONMENT_MODIFICATION "SDL_RENDER_DRIVER=set:software" TIMEOUT 60
  LABELS service_e2e)
affiche_e2e_test(affiche_service_status_e2e_tests test_service_status_e2e.cpp PROPERTIES ${service})
affiche_e2e_test(affiche_service_reload_e2e_tests test_service_reload_e2e.cpp PROPERTIES ${service})
affiche_e2e_test(affiche_service_swap_e2e_tests test_service_content_swap_e2e.cpp
  PROPERTIES ${service})
affiche_e2e_test(affiche_service_signals_e2e_tests test_service_signals_e2e.cpp LINK_SDL
  PROPERTIES ${service})
affiche_e2e_test(affiche_service_notify_e2e_tests test_service_notify_e2e.cpp PROPERTIES ${service})
affiche_e2e_test(affiche_service_schedule_e2e_tests test_service_schedule_e2e.cpp
  PROPERTIES ${service})
# The announcement: from and until under the fake clock, the band on screenshots, restarts.
affiche_e2e_test(affiche_service_announcement_e2e_tests test_service_announcement_e2e.cpp LINK_SDL
  PROPERTIES ${service})
affiche_e2e_test(affiche_live_edit_e2e_tests test_live_edit_e2e.cpp LINK_SDL PROPERTIES ${service})
# --thumbnail through real inotify: replaced by rename at slide changes only, never while off.
affiche_e2e_test(affiche_service_thumbnail_e2e_tests test_service_thumbnail_e2e.cpp LINK_SDL
  PROPERTIES ${service})
# On a real X server (Xvfb, started by the test; skipped when absent): the X11 window, the
# renderer choice, and the GLES2 renderer (the Pi's) against the software renderer's frames.
affiche_e2e_test(affiche_xvfb_e2e_tests test_xvfb_e2e.cpp LINK_SDL PROPERTIES
  SKIP_RETURN_CODE 77 TIMEOUT 120 LABELS xvfb)
# The editors' language: --check under LANG=fr_FR.UTF-8 (po/fr.po), prefix unchanged.
affiche_e2e_test(affiche_translations_e2e_tests test_translations_e2e.cpp)

# Tests that need a tool a package build may lack, or take minutes, carry a label so that
# `ctest -LE "soak|systemd"` runs the rest, and exit 77 (skipped) when their tool is missing.
# Every message marked for translation (tr, trn) has its French text in po/fr.po.
affiche_script_test(po_catalogue_complete po_complete.sh ARGS ${PROJECT_SOURCE_DIR})
# No SDL in the core: nothing under src/{base,toml,text,deck,layout,schedule} includes an SDL header.
affiche_script_test(no_sdl_in_core no_sdl_in_core.sh ARGS ${PROJECT_SOURCE_DIR})
# docs/guide-edition.md: every example run on a copy of the shipped deck, in French.
affiche_script_test(guide_examples guide_examples.sh ARGS ${PROJECT_SOURCE_DIR} ${affiche}
  PROPERTIES TIMEOUT 120)
# A minute of 1-second slides and rewritten files; in the ASan build LeakSanitizer checks the exit.
affiche_script_test(soak_short soak_short.sh ENV AFFICHE_BIN=${affiche} PROPERTIES TIMEOUT 180
  LABELS soak COST 300)
# The unit files with systemd-analyze (verify, offline security score).
affiche_script_test(systemd_unit_verify systemd_verify.sh ARGS ${affiche} PROPERTIES LABELS systemd)
affiche_script_test(systemd_sync_verify systemd_sync_verify.sh ARGS ${sync} PROPERTIES LABELS systemd)
# --check, --render and --schedule end at once on TERM and INT, mid-work (about 10 s).
affiche_script_test(commands_signals e2e/commands_signals.sh ARGS ${affiche} PROPERTIES TIMEOUT 180)
# Schedule work bounded: a closed date in 2999 checks at once; too many hour ranges are refused.
affiche_script_test(schedule_bounds e2e/schedule_bounds.sh ARGS ${affiche} PROPERTIES TIMEOUT 60)
# The player's --metrics textfile (headless, 3.5 s).
affiche_script_test(player_metrics player_metrics.sh ARGS ${affiche} PROPERTIES TIMEOUT 60)

# affiche-sync against a real nginx and the fault server (tests/sync/sync_e2e.sh), one test per case.
foreach(case install_304_update file_url redirect_within_http rollback config_file server_down
        dns_failure http_404 http_500 redirect_to_file truncated stalled timeout
        larger_than_signed wrong_sha256 bad_signature unknown_key unsigned malformed
        lower_sequence expired invalid_deck undecodable_image etag_untrusted unasked_304
        etag_dropped_after_4xx etag_refreshed redirect_budget pass_deadline tls_ca)
  affiche_script_test(sync_e2e_${case} sync/sync_e2e.sh ARGS ${sync} ${affiche} ${case}
    PROPERTIES LABELS sync_e2e TIMEOUT 60)
endforeach()
# Screen reports (issue 19): a real nginx serves the deck and receives the signed report.
foreach(case approved pending refused studio_down bad_key)
  affiche_script_test(sync_report_${case} sync/report_e2e.sh ARGS ${sync} ${affiche} ${case}
    PROPERTIES LABELS sync_e2e TIMEOUT 60)
endforeach()
# ... and the real studio receives them: pending, approved, then the revision and the thumbnail.
if(TARGET affiche-studio)
  affiche_script_test(studio_screens_e2e studio/screens_e2e.py ARGS $<TARGET_FILE:affiche-studio> ${sync} ${affiche} ${PROJECT_SOURCE_DIR} PROPERTIES LABELS studio TIMEOUT 120)
endif()
# SIGKILL at random points over 200 passes (minutes under ASan): label sync_kill, so
# `ctest -LE sync_kill` skips it locally; CI runs it. The longest tests carry a COST so that a
# fresh build directory (no timing history: CI) starts them first, beside the short ones, instead
# of last and alone (sync_kill alone at the end took 275 of the ASan run's 695 s).
affiche_script_test(sync_kill sync/sync_kill.sh ARGS ${sync} ${affiche} 200
  PROPERTIES LABELS sync_kill TIMEOUT 900 COST 1000)
