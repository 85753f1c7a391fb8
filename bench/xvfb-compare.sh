#!/usr/bin/env bash
# Measures the player under Xvfb (1920x1080, Mesa llvmpipe: a machine without GPU) beside two
# reference programs showing the same slides in the same run: feh (the slides as PNGs made by
# --render) and a Chromium kiosk (an HTML slideshow of those PNGs with the same crossfade).
# Reports, for each, PSS (from /proc/PID/smaps_rollup, summed over every process of the program)
# and CPU in % of one core, over BENCH_S seconds (default 60) after a 5 s warm-up.
#
# usage: bench/xvfb-compare.sh [BINARY] [CONTENT_DIR]  (defaults: build/affiche, the repository root)
# Needs: Xvfb (xvfb), feh, chromium (Debian: apt-get install xvfb feh chromium). Builds nothing:
# measure a release build (cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo).
# Environment: BENCH_S=60, BENCH_SIZE=1920x1080, BENCH_PLAYER_ENV="" (e.g.
# "SDL_RENDER_DRIVER=opengl" to measure the GL renderer the player picked before the choice).
# Each program gets its own Xvfb, so none is hidden behind another (Chromium throttles hidden
# pages). The X servers' own CPU is shown too: they do the drawing of XPutImage and of GLX.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/affiche}
content=${2:-$root}
secs=${BENCH_S:-60}
size=${BENCH_SIZE:-1920x1080}
warm_s=5

die() {
    echo "xvfb-compare: $*" >&2
    exit 1
}
[ -x "$bin" ] || die "no executable at $bin (build it first)"
for tool in Xvfb feh chromium; do
    command -v "$tool" >/dev/null || die "$tool is missing (Debian: apt-get install xvfb feh chromium)"
done
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
pids=()
cleanup() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The deck's own [deck] duration and fade (s): feh and the HTML page use them for every slide.
deck_key() { sed -n -E "/^\[deck\]/,/^\[/s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*([0-9.]+).*/\1/p" \
    "$content/slides/deck.toml" | head -n 1; }
duration=$(deck_key duration)
fade=$(deck_key transition_duration)
[ -n "$duration" ] && [ -n "$fade" ] || die "cannot read duration/transition_duration in deck.toml"

echo "== rendering the slides to PNG ($size)"
"$bin" --render "$work/png" --size "$size" "$content" >"$work/render.log" 2>&1 ||
    die "--render failed: $(cat "$work/render.log")"
mapfile -t slides < <(cd "$work/png" && ls ./*.png)
[ ${#slides[@]} -gt 0 ] || die "--render made no PNG"

# The HTML slideshow: every PNG stacked, the shown one at opacity 1, CSS crossfade of $fade s.
{
    echo "<!doctype html><html><head><meta charset=utf-8><style>"
    echo "html,body{margin:0;background:#000;overflow:hidden;cursor:none}"
    echo "img{position:fixed;inset:0;width:100vw;height:100vh;opacity:0;transition:opacity ${fade}s linear}"
    echo "img.on{opacity:1}</style></head><body>"
    for s in "${slides[@]}"; do echo "<img src=\"png/${s#./}\">"; done
    echo "<script>const im=document.images;let i=0;im[0].className='on';"
    echo "setInterval(()=>{im[i].className='';i=(i+1)%im.length;im[i].className='on'},${duration}000);"
    echo "</script></body></html>"
} >"$work/slides.html"

# Starts Xvfb on a free display (it writes the number it took to descriptor 3): sets disp[NAME].
declare -A disp
start_xvfb() { # start_xvfb NAME
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset \
        3>"$work/display-$1" >"$work/xvfb-$1.log" 2>&1 &
    pids+=($!)
    echo "$!" >"$work/xvfb-$1.pid"
    local i
    for ((i = 0; i < 100; i++)); do
        if grep -qs "[0-9]" "$work/display-$1"; then break; fi
        sleep 0.1
    done
    disp[$1]=$(tr -dc 0-9 <"$work/display-$1")
    [ -n "${disp[$1]}" ] || die "Xvfb for $1 did not start: $(cat "$work/xvfb-$1.log")"
}

# Every process of a program: pid and its descendants.
tree_of() { # tree_of PID
    local all=" $1 " grew=1 p pp
    while [ $grew = 1 ]; do
        grew=0
        for stat in /proc/[0-9]*/stat; do
            { read -r p _ _ pp _ <"$stat"; } 2>/dev/null || continue
            if [[ $all == *" $pp "* && $all != *" $p "* ]]; then
                all+="$p "
                grew=1
            fi
        done
    done
    echo "$all"
}
# utime + stime of a list of pids, clock ticks. The comm field may hold spaces: cut after ')'.
ticks_of() {
    local p t=0 f
    for p in $1; do
        f=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null) || continue
        set -- $f
        t=$((t + ${12} + ${13}))
    done
    echo "$t"
}
pss_kb_of() {
    local p t=0 v
    for p in $1; do
        v=$(awk '/^Pss:/{print $2}' "/proc/$p/smaps_rollup" 2>/dev/null) || continue
        t=$((t + ${v:-0}))
    done
    echo "$t"
}

names=(affiche feh chromium)
declare -A pid
for n in "${names[@]}"; do start_xvfb "$n"; done

echo "== starting the three programs (${duration} s slides, ${fade} s fades)"
env DISPLAY=":${disp[affiche]}" ${BENCH_PLAYER_ENV:-} "$bin" "$content" >"$work/affiche.log" 2>&1 &
pid[affiche]=$!
(cd "$work/png" && exec env DISPLAY=":${disp[feh]}" feh --fullscreen --hide-pointer \
    --slideshow-delay "$duration" "${slides[@]}") >"$work/feh.log" 2>&1 &
pid[feh]=$!
env DISPLAY=":${disp[chromium]}" chromium --kiosk --no-first-run --no-default-browser-check \
    --disable-sync --disable-features=Translate --password-store=basic --user-data-dir="$work/chromium" \
    $([ "$(id -u)" = 0 ] && echo --no-sandbox) --window-position=0,0 --window-size="${size/x/,}" \
    "file://$work/slides.html" >"$work/chromium.log" 2>&1 &
pid[chromium]=$!
pids+=("${pid[@]}")

sleep "$warm_s"
declare -A t0 x0 pss_max pss_sum
for n in "${names[@]}"; do
    kill -0 "${pid[$n]}" 2>/dev/null || die "$n stopped: $(tail -n 5 "$work/$n.log")"
    t0[$n]=$(ticks_of "$(tree_of "${pid[$n]}")")
    x0[$n]=$(ticks_of "$(cat "$work/xvfb-$n.pid")")
    pss_max[$n]=0
    pss_sum[$n]=0
done
samples=0
start=$(date +%s%N)
for ((s = 0; s < secs; s += 5)); do
    sleep 5
    samples=$((samples + 1))
    for n in "${names[@]}"; do
        v=$(pss_kb_of "$(tree_of "${pid[$n]}")")
        pss_sum[$n]=$((pss_sum[$n] + v))
        [ "$v" -gt "${pss_max[$n]}" ] && pss_max[$n]=$v
    done
done
elapsed_ms=$((($(date +%s%N) - start) / 1000000))

grep -m1 'renderer' "$work/affiche.log" | sed 's/^/player: /'
printf '\n%-10s %10s %10s %12s %14s\n' program "PSS MiB" "max MiB" "CPU % core" "its Xvfb CPU %"
for n in "${names[@]}"; do
    kill -0 "${pid[$n]}" 2>/dev/null || die "$n stopped during the run: $(tail -n 5 "$work/$n.log")"
    t1=$(ticks_of "$(tree_of "${pid[$n]}")")
    x1=$(ticks_of "$(cat "$work/xvfb-$n.pid")")
    awk -v n="$n" -v sum="${pss_sum[$n]}" -v k="$samples" -v max="${pss_max[$n]}" \
        -v dt=$((t1 - t0[$n])) -v dx=$((x1 - x0[$n])) -v hz="$hz" -v ms="$elapsed_ms" \
        'BEGIN { printf "%-10s %10.1f %10.1f %12.2f %14.2f\n", n, sum / k / 1024, max / 1024,
                 100 * dt / hz / (ms / 1000), 100 * dx / hz / (ms / 1000) }'
done
echo
echo "PSS: mean of $samples samples (every 5 s) over ${elapsed_ms} ms after ${warm_s} s of warm-up;"
echo "CPU: utime+stime of every process of the program over the same window. Load: $(cut -d' ' -f1-3 /proc/loadavg)"
