#!/usr/bin/env bash
# A simulated fleet: CLIENTS sync clients (each its own screen folder and state) poll one nginx
# every POLL_S seconds with jitter for RUN_S seconds; a new revision is published halfway. Reports
# the time until every client shows it (median, p99, max), bytes per unchanged poll (one 304,
# target < 1 KB), archive downloads during the run (target: exactly one per client), nginx's CPU,
# and one installing pull's peak RSS and CPU time.
#
# With --announcement: the studio instead of nginx (it serves its site at /site/), the shipped
# deck, and each client polling as affiche-sync.timer does (OnUnitInactiveSec=POLL_S after the
# end of the last pull, plus its own fixed RandomizedDelaySec offset in 0..SPREAD_S); the studio
# publishes an announcement (PUT /api/announcement) and the script reports the time from that
# call until every client has installed it (target <= 90 s with the default timer, 60 s + 0..30 s).
#
# usage: bench/fleet.sh [AFFICHE_SYNC]      (default build/affiche-sync; a release build is fairer)
#        bench/fleet.sh --announcement [AFFICHE_SYNC [AFFICHE_STUDIO]]
# environment: CLIENTS=200 POLL_S=5 RUN_S=120; with --announcement POLL_S=45 SPREAD_S=15 (the timer's)
# Builds nothing. Needs nginx (nginx-light), minisign, python3 and /usr/bin/time; --announcement
# needs curl and jq instead of nginx.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tests/sync/sync_test_lib.sh"
announcement=0
if [[ "${1:-}" == "--announcement" ]]; then
    announcement=1
    shift
fi
sync_bin=$(realpath "${1:-$root/build/affiche-sync}")
clients=${CLIENTS:-200}
hz=$(getconf CLK_TCK)

if ((announcement)); then
    studio_bin=$(realpath "${2:-$root/build/affiche-studio}")
    poll_s=${POLL_S:-45}
    spread_s=${SPREAD_S:-15}
    t=$(mktemp -d)
    studio_pid=""
    pids=()
    cleanup() {
        for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
        # An empty list would make `wait` wait for every child, the studio included.
        ((${#pids[@]} == 0)) || wait "${pids[@]}" 2>/dev/null || true
        if [[ -n "$studio_pid" ]]; then # TERM, then KILL after 10 s
            kill "$studio_pid" 2>/dev/null || true
            for _ in $(seq 1 100); do kill -0 "$studio_pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$studio_pid" 2>/dev/null || true
            wait "$studio_pid" 2>/dev/null || true
        fi
        rm -rf "$t"
    }
    trap cleanup EXIT
    mkdir -p "$t/content"
    for folder in slides images fonts; do cp -r "$root/$folder" "$t/content/"; done
    make_keys "$t"
    echo "motdepasse-banc" | "$studio_bin" passwd --state "$t/state" >/dev/null
    SDL_VIDEODRIVER=offscreen "$studio_bin" serve --content "$t/content" --site "$t/site" \
        --key "$t/test.key" --state "$t/state" --listen 127.0.0.1:0 >"$t/studio.out" 2>"$t/studio.err" &
    studio_pid=$!
    for _ in $(seq 1 300); do
        grep -q "http://" "$t/studio.out" 2>/dev/null && break
        sleep 0.1
    done
    base=$(grep -o "http://127.0.0.1:[0-9]*" "$t/studio.out" | head -n 1)
    csrf=$(curl -sf -c "$t/jar" -H 'Content-Type: application/json' \
        -d '{"password":"motdepasse-banc"}' "$base/api/login" | jq -r .csrf)
    api() { # METHOD PATH [BODY]
        curl -sf -b "$t/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
            -X "$1" ${3:+-d "$3"} "$base$2"
    }
    api POST /api/publish '{}' >/dev/null
    url=$base/site/
    pull() { "$sync_bin" pull "$url" --key "$t/keys" --into "$t/c/$1" --keep 2 --status "" 2>&1; }
    echo "fleet: $clients clients on the studio's /site/, each pulling ${poll_s} s after its last" \
        "pull ends + its own fixed 0..${spread_s} s; installing the shipped deck first (4 at a time)"
    for i in $(seq 1 "$clients"); do mkdir -p "$t/c/$i"; done
    export -f pull
    export sync_bin url t
    seq 1 "$clients" | xargs -P 4 -I{} bash -c 'pull {} >/dev/null'
    # One client as affiche-sync.timer runs it: OnUnitInactiveSec=POLL_S, FixedRandomDelay: a
    # fixed offset per machine; started at a random phase of its period.
    client() {
        local i=$1 offset period
        offset=$(awk -v s="$spread_s" -v r="$RANDOM" 'BEGIN { printf "%.3f", s * r / 32768 }')
        period=$(awk -v p="$poll_s" -v o="$offset" 'BEGIN { printf "%.3f", p + o }')
        sleep "$(awk -v p="$period" -v r="$RANDOM" 'BEGIN { printf "%.3f", p * r / 32768 }')"
        while :; do
            echo "$(date +%s%3N) $(pull "$i" | head -n 1)" >>"$t/c/$i.log"
            sleep "$period"
        done
    }
    for i in $(seq 1 "$clients"); do
        client "$i" &
        pids+=($!)
    done
    sleep 5
    until_time=$(date -d '+2 hours' '+%Y-%m-%dT%H:%M')
    published_ms=$(date +%s%3N)
    answer=$(api PUT /api/announcement \
        "{\"text\": \"Le Dr X a environ 30 minutes de retard\", \"until\": \"$until_time\"}")
    answered_ms=$(date +%s%3N)
    rev=$(jq -r .revision <<<"$answer")
    echo "announcement published: revision $rev, PUT answered in $((answered_ms - published_ms)) ms"
    deadline=$(($(date +%s) + poll_s + spread_s + 120))
    while (($(date +%s) < deadline)); do
        done_count=$({ grep -l "installed: revision $rev" "$t"/c/*.log 2>/dev/null || true; } | wc -l)
        ((done_count >= clients)) && break
        sleep 1
    done
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true # the clients only: the list is not empty here
    pids=()
    installed_file=$({ find "$t"/c/*/current/slides/ -name announcement.toml 2>/dev/null || true; } | wc -l)
    python3 - "$t" "$clients" "$published_ms" "$rev" "$installed_file" <<'PY'
import statistics, sys
t, clients, published, rev, files = sys.argv[1:]
clients, published = int(clients), int(published)
lat = []
for i in range(1, clients + 1):
    try:
        for line in open(f"{t}/c/{i}.log"):
            stamp, _, text = line.partition(" ")
            if text.startswith(f"installed: revision {rev}"):
                lat.append((int(stamp) - published) / 1000.0)
                break
    except FileNotFoundError:
        pass
lat.sort()
pct = lambda p: lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
if not lat:
    sys.exit("no client installed the announcement")
print(f"publish -> installed: median {statistics.median(lat):.1f} s, p99 {pct(99):.1f} s, "
      f"{len(lat)}/{clients} clients by {lat[-1]:.1f} s (target <= 90 s for all); "
      f"announcement.toml in {files} screens' current deck")
PY
    echo "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
    exit 0
fi

poll_s=${POLL_S:-5}
run_s=${RUN_S:-120}

t=$(mktemp -d)
chmod 755 "$t"
NGINX_PID=""
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait "${pids[@]}" 2>/dev/null || true
    stop_pid "$NGINX_PID"
    rm -rf "$t"
}
trap cleanup EXIT

cp -r "$root/tests/fixtures/basic" "$t/deck-a"
cp -r "$t/deck-a" "$t/deck-b"
echo "# revision B" >>"$t/deck-b/slides/10-texte.toml"
make_keys "$t"
mkdir -p "$t/www"
publish() { "$sync_bin" publish "$t/$1" --out "$t/www/site" --key "$t/test.key" >/dev/null; }
publish deck-a
touch -d "@$(($(date +%s) - 10))" "$t/www/site/manifest.toml" # an old publication: its ETag is kept
start_nginx "$t/www" "$t/nginx"
url=http://127.0.0.1:$NGINX_PORT/site/
pull() { "$sync_bin" pull "$url" --key "$t/keys" --into "$t/c/$1" --keep 2 --status "" 2>&1; }

echo "fleet: $clients clients, poll every ${poll_s}s with jitter, ${run_s}s; installing deck A first"
for i in $(seq 1 "$clients"); do
    mkdir -p "$t/c/$i"
    pull "$i" >/dev/null
done

nginx_ticks() { # master + workers, user + system
    local sum=0 pid
    for pid in $NGINX_PID $(pgrep -P "$NGINX_PID"); do
        sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$sum"
}

# Each client: a loop of pulls, POLL_S apart with +-20 % jitter, each line time-stamped (ms).
client() {
    local i=$1 end=$2
    sleep "$(awk -v s="$poll_s" -v r="$RANDOM" 'BEGIN { printf "%.3f", s * r / 32768 }')"
    while (($(date +%s) < end)); do
        echo "$(date +%s%3N) $(pull "$i" | head -n 1)" >>"$t/c/$i.log"
        sleep "$(awk -v s="$poll_s" -v r="$RANDOM" 'BEGIN { printf "%.3f", s * (0.8 + 0.4 * r / 32768) }')"
    done
}

: >"$t/nginx/logs/access.log"
ticks_before=$(nginx_ticks)
start=$(date +%s)
end=$((start + run_s))
for i in $(seq 1 "$clients"); do
    client "$i" "$end" &
    pids+=($!)
done
sleep $((run_s / 2))
publish deck-b
published_ms=$(date +%s%3N)
rev_b=$(sed -n 's/^revision = "\(.*\)"/\1/p' "$t/www/site/manifest.toml")
wait "${pids[@]}"
pids=()
ticks_after=$(nginx_ticks)

# One installing pull of B on a fresh screen: peak RSS and CPU.
mkdir -p "$t/c/fresh"
/usr/bin/time -f "%M %U %S" -o "$t/time" "$sync_bin" pull "$url" --key "$t/keys" --into "$t/c/fresh" >/dev/null
read -r rss_kb user_s sys_s <"$t/time"

python3 - "$t" "$clients" "$published_ms" "$rev_b" "$run_s" "$ticks_before" "$ticks_after" "$hz" \
    "$rss_kb" "$user_s" "$sys_s" <<'PY'
import glob, re, statistics, sys
t, clients, published, rev, run_s, tb, ta, hz, rss, us, ss = sys.argv[1:]
clients, published, run_s = int(clients), int(published), int(run_s)
lat, unchanged_bytes, downloads, polls, missing = [], [], 0, 0, 0
for i in range(1, clients + 1):
    seen = None
    for line in open(f"{t}/c/{i}.log"):
        stamp, _, text = line.partition(" ")
        polls += 1
        m = re.search(r"\((\d+) bytes received, (\d+) archive download", text)
        if m:
            downloads += int(m.group(2))
        if text.startswith("unchanged") and m:
            unchanged_bytes.append(int(m.group(1)))
        if seen is None and text.startswith(f"installed: revision {rev}"):
            seen = (int(stamp) - published) / 1000.0
    if seen is None:
        missing += 1
    else:
        lat.append(seen)
lat.sort()
log = open(f"{t}/nginx/logs/access.log").read().splitlines()
n304 = [int(l.split()[-1]) for l in log if " 304 " in l]
def pct(p):
    return lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))] if lat else float("nan")
print(f"polls: {polls} in {run_s} s ({polls / run_s:.1f}/s); nginx requests: {len(log)}")
print(f"time until a client shows the new revision: median {statistics.median(lat):.1f} s, "
      f"p99 {pct(99):.1f} s, all {clients - missing}/{clients} by {lat[-1]:.1f} s")
print(f"unchanged polls: {len(n304)} answered 304, {statistics.mean(n304):.0f} bytes sent by "
      f"nginx each (max {max(n304)}); client-side {statistics.median(unchanged_bytes):.0f} bytes "
      f"received per unchanged poll (median)")
print(f"archive downloads during the run: {downloads} (target {clients})")
cpu = (int(ta) - int(tb)) / int(hz)
print(f"nginx CPU: {cpu:.2f} s over {run_s} s = {100 * cpu / run_s:.2f} % of one core")
print(f"one installing pull: peak RSS {int(rss) / 1024:.1f} MiB, CPU {float(us) + float(ss):.3f} s")
PY
