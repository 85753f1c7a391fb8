#!/usr/bin/env bash
# Schedule work is bounded and linear (issue 16, class 6). Reports the wall time of
#  - `affiche --check` on a deck closed on 2999-12-25 with a slide that never shows (target well
#    under 1 s; it walked 973 years day by day before: 8 min 30 s on a loaded 2-core machine);
#  - `affiche --schedule --days 28` on decks of N and 2N slides of 24 hour ranges each: the ratio
#    of the two times shows the growth (about 2 when linear in the ranges, 4 when quadratic).
#
# usage: bench/schedule.sh [AFFICHE]        (default build/affiche)
# environment: SLIDES=100
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
affiche=$(realpath "${1:-$root/build/affiche}")
slides=${SLIDES:-100}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SDL_VIDEODRIVER=offscreen

seconds() { # COMMAND...: wall seconds, 3 decimals
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l | xargs printf '%.3f'
}

mkdir -p "$t/far/slides"
printf '[opening_hours]\nmon = ["08:00-12:00", "14:00-18:00"]\ntue = "08:00-18:00"\nclosed = [2999-12-25]\n' \
    >"$t/far/slides/deck.toml"
printf '[[slide]]\ntitle = "Dimanche"\ndays = ["sun"]\n' >"$t/far/slides/10.toml"
echo "--check, closed = [2999-12-25]: $(seconds "$affiche" --check "$t/far") s"

ranges=$(for h in $(seq 0 23); do printf '"%02d:00-%02d:20", ' "$h" "$h"; done)
deck_of() { # DIR N
    mkdir -p "$1/slides"
    printf '[opening_hours]\nmon = "07:00-19:00"\nwed = "07:00-19:00"\n' >"$1/slides/deck.toml"
    for i in $(seq 1 "$2"); do
        printf '[[slide]]\ntitle = "S%d"\nhours = [%s]\n' "$i" "${ranges%, }"
    done >"$1/slides/10.toml"
}
deck_of "$t/n" "$slides"
deck_of "$t/2n" "$((2 * slides))"
a=$(seconds "$affiche" --schedule --days 28 "$t/n")
b=$(seconds "$affiche" --schedule --days 28 "$t/2n")
echo "--schedule --days 28: $slides slides x 24 ranges $a s, $((2 * slides)) slides $b s" \
    "(ratio $(echo "$b / $a" | bc -l | xargs printf '%.2f'))"
