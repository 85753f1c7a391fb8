# Where the systemd unit, sysusers and tmpfiles snippets are installed, and the systemd/*.in
# templates filled with the install directories (so no path is hard-coded to /usr/local).
#
# With the prefix /usr (the Debian package) the directories are those pkg-config's "systemd" module
# names (Debian 12: /lib/systemd/system, /usr/lib/sysusers.d, /usr/lib/tmpfiles.d). With another
# prefix (/usr/local by default) the module is asked with its prefixes moved there, so
# `sudo cmake --install build` stays under /usr/local (/usr/local/lib/systemd/system,
# /usr/local/lib/sysusers.d and /usr/local/lib/tmpfiles.d are searched by systemd too).
# Each can be given by hand: -DAFFICHE_SYSTEMD_UNIT_DIR=... -DAFFICHE_SYSUSERS_DIR=...
# -DAFFICHE_TMPFILES_DIR=...

set(affiche_pc_prefix_args "")
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(affiche_pc_prefix_args --define-variable=prefix=${CMAKE_INSTALL_PREFIX}
                             --define-variable=root_prefix=${CMAKE_INSTALL_PREFIX})
endif()

# Sets out_var (unless given with -D) to the systemd module's pc_var, else prefix/fallback.
function(affiche_systemd_dir out_var pc_var fallback)
  if(DEFINED ${out_var})
    return()
  endif()
  set(dir "")
  if(PKG_CONFIG_EXECUTABLE)
    execute_process(
      COMMAND ${PKG_CONFIG_EXECUTABLE} ${affiche_pc_prefix_args} --variable=${pc_var} systemd
      OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status ERROR_QUIET)
    if(NOT status EQUAL 0)
      set(dir "")
    endif()
  endif()
  if(dir STREQUAL "")
    set(dir "${CMAKE_INSTALL_PREFIX}/${fallback}")
    message(STATUS "pkg-config has no systemd module (package systemd): ${out_var} is ${dir}")
  endif()
  set(${out_var} "${dir}" PARENT_SCOPE)
endfunction()

affiche_systemd_dir(AFFICHE_SYSTEMD_UNIT_DIR systemdsystemunitdir lib/systemd/system)
affiche_systemd_dir(AFFICHE_SYSUSERS_DIR sysusersdir lib/sysusers.d)
affiche_systemd_dir(AFFICHE_TMPFILES_DIR tmpfilesdir lib/tmpfiles.d)
message(STATUS "systemd unit: ${AFFICHE_SYSTEMD_UNIT_DIR}, sysusers: ${AFFICHE_SYSUSERS_DIR}, "
               "tmpfiles: ${AFFICHE_TMPFILES_DIR}")

# What the templates may name: @AFFICHE_BINDIR@ (e.g. /usr/bin), @AFFICHE_DATA_DIR@ (the sample
# deck, e.g. /usr/share/affiche).
set(AFFICHE_BINDIR "${CMAKE_INSTALL_FULL_BINDIR}")

# Generates build/systemd/NAME.{service,timer,sysusers,tmpfiles} from systemd/NAME.KIND.in (or
# copies systemd/NAME.KIND when it has no template) and installs those that exist: units to the
# unit directory, snippets as NAME.conf. affiche_install_systemd(affiche-sync) does the same for
# the sync program's files.
function(affiche_install_systemd name)
  foreach(kind service timer sysusers tmpfiles)
    set(src "${CMAKE_SOURCE_DIR}/systemd/${name}.${kind}")
    set(out "${CMAKE_BINARY_DIR}/systemd/${name}.${kind}")
    if(EXISTS "${src}.in")
      configure_file("${src}.in" "${out}" @ONLY)
    elseif(EXISTS "${src}")
      configure_file("${src}" "${out}" COPYONLY)
    else()
      continue()
    endif()
    if(kind STREQUAL "sysusers")
      install(FILES "${out}" DESTINATION "${AFFICHE_SYSUSERS_DIR}" RENAME "${name}.conf")
    elseif(kind STREQUAL "tmpfiles")
      install(FILES "${out}" DESTINATION "${AFFICHE_TMPFILES_DIR}" RENAME "${name}.conf")
    else()
      install(FILES "${out}" DESTINATION "${AFFICHE_SYSTEMD_UNIT_DIR}")
    endif()
  endforeach()
endfunction()
