#!/usr/bin/env bash
# Measures what a closed night costs: the player's CPU and wake-ups with the screen off (outside
# opening hours) beside the same deck with the screen on, headless, through a fake clock
# (AFFICHE_FAKE_CLOCK) so it needs no waiting for the evening.
#
# usage: bench/screen-off.sh [BINARY] [CONTENT_DIR]     (defaults: build/affiche, the repository root)
# Environment: BENCH_SIZE=1920x1080  BENCH_S=30 (measured seconds per state)
# Figures from /proc/PID/stat (utime + stime) and /proc/PID/status (voluntary context switches, a
# count of the times the loop went to sleep and woke). A busy machine inflates them: run it idle.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/affiche}
content=${2:-$root}
size=${BENCH_SIZE:-1920x1080}
secs=${BENCH_S:-30}
skip_s=5 # start-up, the first slide's fade-in, and the switch off

die() {
    echo "screen-off: $*" >&2
    exit 1
}
[ -x "$bin" ] || die "no executable at $bin (build it first)"
[ -d "$content/slides" ] || die "$content has no slides/ folder"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}
export SDL_FRAMEBUFFER_ACCELERATION=0 TZ=UTC
hz=$(getconf CLK_TCK)
work=$(mktemp -d)
running=""
cleanup() {
    if [ -n "$running" ]; then kill "$running" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The deck, open on Mondays only; CEC and DPMS off (none here): the off state is the black frame.
mkdir -p "$work/deck"
for f in slides images fonts; do
    if [ -d "$content/$f" ]; then cp -r "$content/$f" "$work/deck/"; fi
done
grep -q '^\[opening_hours\]' "$work/deck/slides/deck.toml" && die "the deck already has opening hours"
printf '\n[opening_hours]\nmon = ["08:00-18:00"]\n\n[screen]\ncec = false\ndpms = false\n' \
    >>"$work/deck/slides/deck.toml"

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
wakes() { awk '/^voluntary_ctxt_switches/ { print $2 }' "/proc/$1/status"; }

measure() { # measure LABEL FAKE_START
    local label=$1 start=$2 pid t0 w0 t1 w1 status
    status="$work/$label.json"
    AFFICHE_FAKE_CLOCK="$start" "$bin" --size "$size" --status "$status" "$work/deck" \
        >"$work/$label.log" 2>&1 &
    pid=$!
    running=$pid
    sleep "$skip_s"
    kill -0 "$pid" 2>/dev/null || { cat "$work/$label.log" >&2; die "the player exited"; }
    t0=$(ticks "$pid")
    w0=$(wakes "$pid")
    sleep "$secs"
    t1=$(ticks "$pid")
    w1=$(wakes "$pid")
    kill -TERM "$pid"
    wait "$pid" || true
    running=""
    awk -v l="$label" -v dt=$((t1 - t0)) -v dw=$((w1 - w0)) -v hz="$hz" -v s="$secs" \
        'BEGIN { printf "%-11s CPU %6.2f %%   wake-ups %6.2f /s\n", l, 100 * dt / hz / s, dw / s }'
    grep -o '"on": [a-z]*' "$status" | sed "s/^/            status: /"
}

echo "affiche screen-off bench: $size, ${secs} s per state, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "screen on" "2026-12-21 12:00"  # a Monday, open
measure "screen off" "2026-12-20 12:00" # a Sunday, closed until Monday 08:00
