#!/usr/bin/env bash
# Measures affiche's four budget figures on the shipped deck, headless (offscreen video driver,
# software renderer): time to the first frame, peak and steady memory, CPU on a static slide with
# every overlay on, and crossfade frames per second; optionally the static CPU at 3840x2160.
#
# usage: bench/bench.sh [BINARY] [CONTENT_DIR]     (defaults: build/affiche, the repository root)
# Builds nothing. Environment (seconds unless said otherwise):
#   BENCH_SIZE=1920x1080   BENCH_RUNS=5 (start-up runs)   BENCH_MEM_S=20   BENCH_STATIC_S=60
#   BENCH_FADE_S=21        BENCH_4K_S=30 (0 skips the 3840x2160 static figure)
# Every figure reads the player's own exit line
#   affiche: info: stats: frames=N fade_frames=M fades=F reloads=R first_frame_ms=T
# or /proc/PID/{stat,status}. A shared or busy machine inflates every figure: run it idle.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/affiche}
content=${2:-$root}
size=${BENCH_SIZE:-1920x1080}
runs=${BENCH_RUNS:-5}
mem_s=${BENCH_MEM_S:-20}
static_s=${BENCH_STATIC_S:-60}
fade_s=${BENCH_FADE_S:-21}
uhd_s=${BENCH_4K_S:-30}
skip_s=5 # start-up and the first slide's fade-in, left out of the static CPU window

die() {
    echo "bench: $*" >&2
    exit 1
}
[ -x "$bin" ] || die "no executable at $bin (build it first: cmake -S . -B build && make -C build)"
[ -d "$content/slides" ] || die "$content has no slides/ folder"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install time)"
[ "$static_s" -gt $((skip_s + 5)) ] || die "BENCH_STATIC_S must be more than $((skip_s + 5))"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# Headless software rendering unless the caller chose otherwise (e.g. kmsdrm + opengles2 on a Pi).
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}
hz=$(getconf CLK_TCK)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d)
running="" # the background process being measured, if any: stopped on an early exit
cleanup() {
    if [ -n "$running" ]; then kill "$running" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A copy of the deck whose slides all last $2 s with a $3 s fade. Slide files may set their own
# duration: those lines go (the anchored pattern leaves transition_duration alone).
make_deck() { # make_deck DIR DURATION TRANSITION
    local dir=$1 f
    mkdir -p "$dir"
    cp -r "$content/slides" "$dir/"
    for f in images fonts; do
        if [ -d "$content/$f" ]; then cp -r "$content/$f" "$dir/"; fi
    done
    for f in "$dir"/slides/*.toml; do
        [ "$(basename "$f")" = deck.toml ] && continue
        sed -i -E '/^[[:space:]]*duration[[:space:]]*=/d' "$f"
    done
    # Only the keys of the [deck] table (up to the next table header) change.
    sed -i -E "/^\[deck\]/,/^\[/{
        s/^([[:space:]]*duration[[:space:]]*=).*/\1 $2/
        s/^([[:space:]]*transition_duration[[:space:]]*=).*/\1 $3/
    }" "$dir/slides/deck.toml"
    grep -Eq "^[[:space:]]*duration[[:space:]]*= $2\$" "$dir/slides/deck.toml" ||
        die "could not set duration in $dir/slides/deck.toml"
}

# The value of KEY in a stats line ("" when the line is missing).
stat_of() { # stat_of FILE KEY
    sed -n -E "s/.*stats:.* $2=(-?[0-9]+).*/\1/p" "$1" | tail -n 1
}
need_stats() { # need_stats FILE
    grep -q 'stats:' "$1" || {
        cat "$1" >&2
        die "the player did not print its stats line (see above)"
    }
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f\n", m }'; }
now() { echo "$EPOCHREALTIME"; }
# utime + stime of the whole process, in clock ticks (fields 14 and 15; comm may hold spaces).
cpu_ticks() { sed -E 's/.*\) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
# Voluntary context switches summed over the process's threads: each one is a wake-up.
wakeups() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^voluntary_ctxt_switches/ { n += $2 } END { print n + 0 }'; }
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# 1. Start to first frame. first_frame_ms counts from SDL_Init. Before SDL_Init the player
# starts (exec, dynamic loader), loads and validates the deck and prints the deck's diagnostics
# (notes, warnings): stderr is time-stamped line by line as it arrives, and the last line before
# "playing ..." marks SDL_Init (print_diagnostics comes right before the display opens in
# Player::run). A deck with nothing to report prints no such line: then only the process start
# (the wall time of `affiche --version`) is counted and the figure is a lower bound.
# The whole wall time of a run with --exit-after 1 is shown as well (start + 1 s + teardown).
short_s=1
stamp() { while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done; }
ff=() pre=() ver=() total=() first=()
bound=""
for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    "$bin" --version >/dev/null
    t1=$EPOCHREALTIME
    ver+=("$(calc %.0f "($t1 - $t0) * 1000")")
    t0=$EPOCHREALTIME
    "$bin" --size "$size" --exit-after "$short_s" "$content" 2>&1 >/dev/null | stamp >"$work/first.log"
    t1=$EPOCHREALTIME
    need_stats "$work/first.log"
    v=$(stat_of "$work/first.log" first_frame_ms)
    [ "$v" -ge 0 ] || die "no frame drawn within --exit-after $short_s"
    ff+=("$v")
    total+=("$(calc %.0f "($t1 - $t0) * 1000")")
    t_init=$(awk '/affiche: info: playing / { exit } { t = $1 } END { print t }' "$work/first.log")
    if [ -n "$t_init" ]; then
        pre+=("$(calc %.0f "($t_init - $t0) * 1000")")
    else
        pre+=("${ver[-1]}")
        bound=" (lower bound: no diagnostics line marks SDL_Init)"
    fi
    first+=($((pre[-1] + v)))
done
renderer=$(sed -n -E 's/.* with the ([^ ]*) renderer( \(.*\))?$/\1/p' "$work/first.log" | tail -n 1)
ff_ms=$(printf '%s\n' "${ff[@]}" | median)
pre_ms=$(printf '%s\n' "${pre[@]}" | median)
ver_ms=$(printf '%s\n' "${ver[@]}" | median)
total_ms=$(printf '%s\n' "${total[@]}" | median)
first_ms=$(printf '%s\n' "${first[@]}" | median)

# 2. Memory: a copy of the deck with 2 s slides, so that 20 s go through ~10 slide changes and
# crossfades (two full-screen slide textures alive at once: the worst case). VmRSS each second.
make_deck "$work/fast" 2 1.0
/usr/bin/time -f %M -o "$work/mem.time" "$bin" --size "$size" --exit-after "$mem_s" "$work/fast" \
    2>"$work/mem.log" &
tpid=$!
running=$tpid
pid=""
for ((i = 0; i < 50 && ${#pid} == 0; i++)); do
    sleep 0.1
    pid=$(cat "/proc/$tpid/task/$tpid/children" 2>/dev/null || true)
    pid=${pid%% *}
done
[ -n "$pid" ] || die "cannot find the player started by /usr/bin/time"
rss=()
while kill -0 "$pid" 2>/dev/null; do
    r=$(rss_kb "$pid" 2>/dev/null || true)
    [ -n "$r" ] && rss+=("$r")
    sleep 1
done
wait "$tpid" || die "the memory run failed: $(cat "$work/mem.log")"
running=""
peak_kb=$(tail -n 1 "$work/mem.time")
n=${#rss[@]}
[ "$n" -gt $((skip_s + 1)) ] || die "too few RSS samples ($n)"
rss_warm=${rss[$skip_s]}
rss_end=${rss[$((n - 1))]}
rss_min=$(printf '%s\n' "${rss[@]:$skip_s}" | sort -n | head -n 1)
rss_max=$(printf '%s\n' "${rss[@]:$skip_s}" | sort -n | tail -n 1)

# 3. CPU on a static slide: one 600 s slide, all overlays on (the clock redraws each minute, the
# progress bar each second). The window skips the start-up and the first fade-in.
make_deck "$work/static" 600 1.0
sed -i -E '/^\[overlays\]/,/^\[/{ s/^([[:space:]]*(progress|clock|footer|position)[[:space:]]*=).*/\1 true/ }' \
    "$work/static/slides/deck.toml"
static_cpu() { # static_cpu SIZE SECONDS; sets cpu_pct (% of one core), wake_s (/s), frames
    local sz=$1 secs=$2 p c0 c1 w0 w1 t0 t1
    "$bin" --size "$sz" --exit-after $((secs + 2)) "$work/static" 2>"$work/static.log" &
    p=$!
    running=$p
    sleep "$skip_s"
    c0=$(cpu_ticks "$p") w0=$(wakeups "$p") t0=$(now)
    sleep $((secs - skip_s))
    c1=$(cpu_ticks "$p") w1=$(wakeups "$p") t1=$(now)
    wait "$p" || die "the static run failed: $(cat "$work/static.log")"
    running=""
    need_stats "$work/static.log"
    cpu_pct=$(calc %.2f "($c1 - $c0) / $hz / ($t1 - $t0) * 100")
    wake_s=$(calc %.1f "($w1 - $w0) / ($t1 - $t0)")
    frames=$(stat_of "$work/static.log" frames)
}
static_cpu "$size" "$static_s"
static_frames=$frames

# 4. Crossfade rate: 2 s slides with a 1.0 s fade. The run ends half-way through a slide, so
# every fade it counts is complete. The first slide's fade-in from black counts as fade frames
# but not as a fade, and is cheaper (one copy, no blend) and shortened by composing the first
# slide: its frame count n0 is measured alone (one 600 s slide, stop after 1.5 s) and subtracted.
fade_t=1.0
"$bin" --size "$size" --exit-after 1.5 "$work/static" 2>"$work/n0.log"
need_stats "$work/n0.log"
n0=$(stat_of "$work/n0.log" fade_frames)
fade_run=$(calc %.1f "int($fade_s / 2) * 2 + 1.5")
/usr/bin/time -f '%U %S' -o "$work/fade.time" "$bin" --size "$size" --exit-after "$fade_run" \
    "$work/fast" 2>"$work/fade.log"
need_stats "$work/fade.log"
# CPU per drawn frame over the whole run (start-up and slide composing included): what a frame
# costs, as against the frame rate, which the loop's sleeps also set.
frame_cpu_ms=$(calc %.1f "($(tr ' ' + <"$work/fade.time")) * 1000 / $(stat_of "$work/fade.log" frames)")
fade_frames=$(stat_of "$work/fade.log" fade_frames)
fades=$(stat_of "$work/fade.log" fades)
[ "$fades" -gt 0 ] || die "no crossfade happened in $fade_run s"
fps=$(calc %.1f "($fade_frames - $n0) / ($fades * $fade_t)")

# 6. (optional) the static CPU figure at 3840x2160.
if [ "$uhd_s" -gt $((skip_s + 5)) ]; then
    hd_cpu=$cpu_pct hd_wake=$wake_s
    static_cpu 3840x2160 "$uhd_s"
    uhd_cpu=$cpu_pct uhd_wake=$wake_s
    cpu_pct=$hd_cpu wake_s=$hd_wake
fi

verdict() { # verdict VALUE OP LIMIT
    if awk "BEGIN { exit !($1 $2 $3) }"; then echo ok; else echo OVER; fi
}
mb() { calc %.1f "$1 / 1024"; }
peak_mb=$(mb "$peak_kb")

echo "affiche bench: $bin on $content; $(nproc) cores; load average before $load_before," \
    "after $(cut -d' ' -f1-3 /proc/loadavg); $(env | grep '^SDL_' | sort | tr '\n' ' ')"
echo
echo "| figure ($size, $renderer renderer) | value | target | |"
echo "|---|---|---|---|"
echo "| start to first frame (median of $runs)$bound | $first_ms ms | | |"
echo "| - exec to SDL_Init (process start, deck load) | $pre_ms ms | | |"
echo "| - SDL_Init to first present (first_frame_ms) | $ff_ms ms | | |"
echo "| - process start alone (\`--version\`, exec to exit) | $ver_ms ms | | |"
echo "| - whole run with --exit-after $short_s | $total_ms ms | | |"
echo "| peak resident memory, $mem_s s with 2 s slides | $peak_mb MB | < 40 MB | $(verdict "$peak_mb" '<' 40) |"
echo "| - RSS at ${skip_s} s / at the end / range after ${skip_s} s | $(mb "$rss_warm") / $(mb "$rss_end") / $(mb "$rss_min")-$(mb "$rss_max") MB | flat | |"
echo "| CPU, static slide, all overlays, $((static_s - skip_s)) s window | $cpu_pct % of a core | < 1 % | $(verdict "$cpu_pct" '<' 1) |"
echo "| - wake-ups (voluntary context switches) | $wake_s /s | | |"
echo "| crossfade rate ($fades fades of ${fade_t} s) | $fps fps | >= 30 | $(verdict "$fps" '>=' 30) |"
echo "| - CPU per frame drawn, whole fade run | $frame_cpu_ms ms | | |"
if [ -n "${uhd_cpu:-}" ]; then
    echo "| CPU, static slide at 3840x2160, $((uhd_s - skip_s)) s window | $uhd_cpu % of a core | < 1 % | $(verdict "$uhd_cpu" '<' 1) |"
    echo "| - wake-ups at 3840x2160 | $uhd_wake /s | | |"
fi
echo
echo "Start to first frame: ${first_ms} ms${bound} (exec to SDL_Init ${pre_ms} ms + SDL_Init to first present ${ff_ms} ms; median of $runs, $size, $renderer renderer)."
echo "Peak resident memory: ${peak_mb} MB (target < 40 MB); RSS $(mb "$rss_warm") MB after ${skip_s} s, $(mb "$rss_end") MB after ${mem_s} s of 2 s slides."
echo "CPU on a static slide with clock and progress bar: ${cpu_pct} % of one core (target < 1 %), ${wake_s} wake-ups/s, $static_frames frames in $((static_s + 2)) s."
echo "Crossfade: ${fps} frames/s with the $renderer renderer on $(nproc) cores (target >= 30; $fade_frames fade frames - $n0 of the first fade-in, over $fades fades of ${fade_t} s; $frame_cpu_ms ms of CPU per frame drawn)."
if [ -n "${uhd_cpu:-}" ]; then
    echo "CPU on a static slide at 3840x2160: ${uhd_cpu} % of one core, ${uhd_wake} wake-ups/s."
fi
