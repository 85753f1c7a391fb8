#!/usr/bin/env bash
# affiche-studio's figures on the shipped deck: keystroke pause -> new preview PNG at 1920x1080
# (p95 of 40 drafts), the whole deck's thumbnails cold, RSS idle and while previewing, publish
# time, and the interface's first-load transfer. Builds nothing; runs on a copy of the deck.
# usage: bench/studio.sh [BUILD_DIR]        (default build; needs affiche-studio, minisign, curl)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
studio=$build/affiche-studio
work=$(mktemp -d)
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/content"
cp -r "$root/slides" "$root/images" "$root/fonts" "$work/content/"
minisign -G -W -f -p "$work/k.pub" -s "$work/k.key" >/dev/null
echo "motdepasse-bench" | "$studio" passwd --state "$work/state" >/dev/null
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

SDL_VIDEODRIVER=offscreen "$studio" serve --content "$work/content" --site "$work/site" \
    --key "$work/k.key" --state "$work/state" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$work/out" 2>/dev/null && break; sleep 0.05; done
base=$(sed -nE 's#.*(http://[^/]+)/#\1#p' "$work/out")
rss() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }

/usr/bin/python3 - "$base" "$work" "$pid" <<'PY'
import http.cookiejar, json, os, statistics, sys, time, urllib.request
base, work, pid = sys.argv[1], sys.argv[2], sys.argv[3]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
def call(method, path, body=None, headers={}):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    with opener.open(req, timeout=60) as r:
        return r.read()
def rss():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"): return int(line.split()[1]) / 1024
# First load: what a browser fetches before logging in (page, style, modules).
first = sum(len(call("GET", p)) for p in ["/", "/style.css", "/app.js", "/api.js", "/dom.js",
                                           "/deck.js", "/editor.js", "/images.js", "/publish.js"])
print(f"first-load transfer: {first / 1024:.1f} KiB (target < 200 KB)")
csrf = json.loads(call("POST", "/api/login", {"password": "motdepasse-bench"}))["csrf"]
time.sleep(1)
print(f"RSS idle after login: {rss():.1f} MiB (target <= 40)")
ids = [s["id"] for s in json.loads(call("GET", "/api/deck"))["slides"]]
t = time.monotonic()
for i in ids:
    call("GET", f"/api/slides/{i}/preview.png?size=480x270")
print(f"thumbnails of the deck ({len(ids)} slides, 480x270) cold: {time.monotonic() - t:.2f} s (target <= 2 s)")
def cpu_s():
    # The studio's own CPU time (user + system), which a loaded machine does not inflate.
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
# A keystroke pause: the page sends the draft to check, then asks for its preview.
times, peak = [], 0
cpu0 = cpu_s()
h = {"X-CSRF-Token": csrf, "Content-Type": "application/json"}
for n in range(40):
    draft = {"title": f"La chimiothérapie {n}"}
    t = time.monotonic()
    call("POST", f"/api/slides/{ids[1]}/check", draft, h)
    call("POST", f"/api/slides/{ids[1]}/preview.png?size=1920x1080", draft, h)
    times.append((time.monotonic() - t) * 1000)
    peak = max(peak, rss())
cpu_per_pause = (cpu_s() - cpu0) / 40 * 1000
times.sort()
print(f"keystroke pause -> preview 1920x1080: median {statistics.median(times):.0f} ms, "
      f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms (target p95 <= 250 ms)")
print(f"studio CPU per keystroke pause (check + preview): {cpu_per_pause:.0f} ms")
print(f"RSS while previewing: peak {peak:.1f} MiB (target <= 80)")
t = time.monotonic()
call("POST", "/api/publish", {}, h)
print(f"publish of the shipped deck: {time.monotonic() - t:.2f} s (target <= 3 s)")
time.sleep(2)
print(f"RSS idle after previews and publish: {rss():.1f} MiB")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
