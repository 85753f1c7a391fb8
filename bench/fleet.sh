#!/usr/bin/env bash
# A simulated fleet: CLIENTS sync clients (each its own screen folder and state) poll one nginx
# every POLL_S seconds with jitter for RUN_S seconds; a new revision is published halfway. Reports
# the time until every client shows it (median, p99, max), bytes per unchanged poll (one 304,
# target < 1 KB), archive downloads during the run (target: exactly one per client), nginx's CPU,
# and one installing pull's peak RSS and CPU time.
#
# usage: bench/fleet.sh [AFFICHE_SYNC]      (default build/affiche-sync; a release build is fairer)
# environment: CLIENTS=200 POLL_S=5 RUN_S=120
# Builds nothing. Needs nginx (nginx-light), minisign, python3 and /usr/bin/time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tests/sync/sync_test_lib.sh"
sync_bin=$(realpath "${1:-$root/build/affiche-sync}")
clients=${CLIENTS:-200}
poll_s=${POLL_S:-5}
run_s=${RUN_S:-120}
hz=$(getconf CLK_TCK)

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
