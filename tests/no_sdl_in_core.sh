#!/usr/bin/env bash
# "No SDL in the core": no file under src/{base,toml,text,deck,layout,schedule} includes an SDL
# header, in any spelling (<SDL.h>, <SDL2/SDL.h>, "SDL_ttf.h", # include <sdl2/SDL_image.h>...).
# These folders build into affiche-sync and the fuzzers, which do not link SDL; the platform/
# and app/ folders hold what needs it. Fails listing each include found.
# usage: tests/no_sdl_in_core.sh SOURCE_DIR
set -euo pipefail
src=${1:?usage: no_sdl_in_core.sh SOURCE_DIR}
# An #include (spaces allowed around '#') of a header whose file name starts with SDL, in any case,
# directly or below a folder (SDL2/): platform/sdl_handles.hpp, which includes SDL, too.
pattern='^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?sdl[^/>"]*[>"]'

# The pattern itself, on the spellings it must catch and lines it must leave alone: a pattern
# that matched nothing would pass every tree.
must_match=('#include <SDL.h>' '#include <SDL2/SDL.h>' '#include "SDL_ttf.h"'
    '  #  include <sdl2/SDL_image.h>' '#include"SDL_syswm.h"' '#include <SDL2/SDL_render.h>'
    '#include "platform/sdl_handles.hpp"')
must_not=('#include "deck/deck.hpp"' '// #include <SDL.h> in a comment' '#include <libintl.h>'
    '#include "layout/draw_list.hpp"' '#include <string>' 'SDL_Surface* s;')
for line in "${must_match[@]}"; do
    grep -qiE "$pattern" <<<"$line" || { echo "FAIL: the pattern misses: $line"; exit 1; }
done
for line in "${must_not[@]}"; do
    if grep -qiE "$pattern" <<<"$line"; then echo "FAIL: the pattern matches: $line"; exit 1; fi
done

status=0
for folder in base toml text deck layout schedule; do
    [[ -d "$src/src/$folder" ]] || { echo "FAIL: no folder src/$folder"; exit 1; }
    if grep -rniE "$pattern" "$src/src/$folder"; then
        echo "FAIL: src/$folder includes SDL: the core builds without it (move this to platform/ or app/)"
        status=1
    fi
done
[[ $status -eq 0 ]] && echo "no SDL header included under src/{base,toml,text,deck,layout,schedule}"
exit "$status"
