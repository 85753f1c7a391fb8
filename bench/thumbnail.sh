#!/usr/bin/env bash
# What --thumbnail costs at a slide change: the player plays the shipped deck headless with short
# slides and a thumbnail, and its event trace (AFFICHE_TRACE) gives the real time each write took
# (shrink, read-back, encodings, temp file and rename: ms=, measured with SDL's performance
# counter around the whole write) and the loop thread's CPU time meanwhile (cpu_ms=: the same work
# without the time other processes held the core, which a shared machine adds to ms=; a GPU
# driver's own threads are not in it, so on a Pi read ms=). Prints the median, p95 and max over
# every slide change but the first (which starts the codec), the bytes and JPEG quality used, and
# the frames drawn per slide change with and without --thumbnail (a static slide's cost: none,
# not even a frame more).
#
# usage: bench/thumbnail.sh [BINARY] [CONTENT_DIR]    (defaults: build/affiche, the repository root)
# Environment: BENCH_SIZE=1920x1080  BENCH_S=60 (real seconds of playing)  BENCH_FORMAT=jpg|png
#   BENCH_SPEED=10 (the fake clock's speed: the deck's 12-20 s slides change every 1-2 real s)
# SDL_VIDEODRIVER and SDL_RENDER_DRIVER are kept if set (on a Pi: kmsdrm and opengles2).
# A busy machine inflates the figures: the script prints the load average before and after.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/affiche}
content=${2:-$root}
size=${BENCH_SIZE:-1920x1080}
secs=${BENCH_S:-60}
format=${BENCH_FORMAT:-jpg}
speed=${BENCH_SPEED:-10}

die() {
    echo "thumbnail: $*" >&2
    exit 2
}
[ -x "$bin" ] || die "no executable at $bin (build it first)"
[ -d "$content/slides" ] || die "$content has no slides/ folder"
[ -x /usr/bin/python3 ] || die "needs /usr/bin/python3"
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}
export SDL_FRAMEBUFFER_ACCELERATION=${SDL_FRAMEBUFFER_ACCELERATION:-0} TZ=UTC
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/run"

# Monday 10:00 (UTC): inside any opening hours the deck may set.
clock="2026-12-21 10:00x$speed"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
AFFICHE_FAKE_CLOCK=$clock AFFICHE_TRACE=$work/trace.txt "$bin" --size "$size" \
    --exit-after "$((secs * speed))" --thumbnail "$work/run/thumbnail.$format" "$content" \
    >"$work/with.log" 2>&1 || die "the player failed: $(tail -3 "$work/with.log")"
AFFICHE_FAKE_CLOCK=$clock "$bin" --size "$size" --exit-after "$((secs * speed))" "$content" \
    >"$work/without.log" 2>&1 || die "the player failed: $(tail -3 "$work/without.log")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

/usr/bin/python3 - "$work" "$size" "$format" "$secs" <<'PY'
import re, sys
work, size, fmt, secs = sys.argv[1:]
trace = open(f"{work}/trace.txt").read().splitlines()
ms = [float(re.search(r" ms=([\d.]+)", l).group(1)) for l in trace if " thumbnail " in l]
cpu = [float(re.search(r"cpu_ms=([\d.]+)", l).group(1)) for l in trace if " thumbnail " in l]
bytes_ = [int(re.search(r"bytes=(\d+)", l).group(1)) for l in trace if " thumbnail " in l]
quality = sorted({re.search(r"quality=(\d+)", l).group(1) for l in trace if " thumbnail " in l})
sizes = sorted({re.search(r"size=(\S+)", l).group(1) for l in trace if " thumbnail " in l})
slides = sum(1 for l in trace if " slide " in l)
if not ms:
    sys.exit("thumbnail: no thumbnail written (see the player's log)")
def stats(log):
    m = re.search(r"frames=(\d+) fade_frames=(\d+) fades=(\d+)", open(log).read())
    return [int(x) for x in m.groups()]
def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
print(f"screen {size}, {fmt}, {secs} s: {slides} slides shown, {len(ms)} thumbnails written")
for name, v in (("wall", ms), ("cpu", cpu)):
    first, rest = v[0], v[1:] or v
    print(f"{name} time of a write: median {pct(rest, 50):.2f} ms, p95 {pct(rest, 95):.2f} ms, "
          f"max {max(rest):.2f} ms (the first, with the codec's start-up: {first:.2f} ms)")
print(f"file: {min(bytes_)}..{max(bytes_)} bytes, size {', '.join(sizes)}, quality {', '.join(quality)}")
w, wo = stats(f"{work}/with.log"), stats(f"{work}/without.log")
print(f"frames without fades per slide change: with --thumbnail {(w[0] - w[1]) / max(1, w[2]):.1f}, "
      f"without {(wo[0] - wo[1]) / max(1, wo[2]):.1f} (fades {w[2]} and {wo[2]})")
PY
