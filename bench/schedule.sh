#!/usr/bin/env bash
# Schedule work is bounded and linear (issue 16, class 6). Reports the wall time of
#  - `affiche --check` on a deck closed on 2999-12-25 with a slide that never shows (target well
#    under 1 s; it walked 973 years day by day before: 8 min 30 s on a loaded 2-core machine);
#  - `affiche --schedule` on decks of N and 2N slides of 6 hour ranges each, every slide at its own
#    minute offset (slide i's ranges start i minutes into each 4-hour block and last 30 minutes),
#    so each slide adds boundaries of its own and about 30 slides play in each stretch: the ratio
#    of the two times shows the growth (about 1.8 when linear in the ranges, as the boundaries
#    grow by (2N+30)/(N+30); about 3.5 when every slide is evaluated at every boundary).
#
# usage: bench/schedule.sh [AFFICHE]        (default build/affiche)
# environment: SLIDES=100 (at most 200: the offsets must stay distinct), DAYS=14
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
affiche=$(realpath "${1:-$root/build/affiche}")
slides=${SLIDES:-100}
days=${DAYS:-14}
((slides <= 200)) || { echo "SLIDES must be at most 200"; exit 2; }
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

ranges_of() { # I: slide I's six ranges, each at its own offset in a 4-hour block
    local k start list=""
    for k in 0 1 2 3 4 5; do
        start=$((k * 240 + $1))
        list+=$(printf '"%02d:%02d-%02d:%02d", ' $((start / 60)) $((start % 60)) \
            $(((start + 30) / 60)) $(((start + 30) % 60)))
    done
    echo "${list%, }"
}
deck_of() { # DIR N
    mkdir -p "$1/slides"
    printf '[opening_hours]\nmon = "00:00-24:00"\nwed = "00:00-24:00"\n' >"$1/slides/deck.toml"
    for i in $(seq 1 "$2"); do
        printf '[[slide]]\ntitle = "S%d"\nhours = [%s]\n' "$i" "$(ranges_of "$i")"
    done >"$1/slides/10.toml"
}
deck_of "$t/n" "$slides"
deck_of "$t/2n" "$((2 * slides))"
a=$(seconds "$affiche" --schedule --days "$days" "$t/n")
b=$(seconds "$affiche" --schedule --days "$days" "$t/2n")
echo "--schedule --days $days: $slides slides x 6 ranges $a s, $((2 * slides)) slides $b s" \
    "(ratio $(echo "$b / $a" | bc -l | xargs printf '%.2f'))"
