#!/usr/bin/env bash
# SIGKILL at random points of `affiche-sync pull`, RUNS times (default 200): after each kill,
# `current` points at a complete deck that passes `affiche --check`; the next pass completes, and
# leaves no temporary folder, trash or temporary link behind. Each round publishes a new revision
# (alternating two decks, so every pass downloads, extracts, swaps and prunes with --keep 2).
#
# usage: tests/sync/sync_kill.sh AFFICHE_SYNC AFFICHE [RUNS]
# exit status: 0 pass, 1 fail, 77 skipped (nginx or minisign missing).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/sync_test_lib.sh"
sync_bin=$1
affiche_bin=$2
runs=${3:-200}

[[ -n "$(nginx_bin)" ]] || { echo "SKIP: nginx not installed"; exit 77; }
command -v minisign >/dev/null || { echo "SKIP: minisign not installed"; exit 77; }

t=$(mktemp -d)
chmod 755 "$t"
NGINX_PID=""
trap 'stop_pid "$NGINX_PID"; rm -rf "$t"' EXIT
fail() { echo "FAIL (run $run): $*"; cat "$t/pull.out" "$t/screen/state/sync.state" "$t/www/site/manifest.toml"; ls -la "$t/screen" "$t/screen/content" || true; exit 1; }

cp -r "$here/../fixtures/basic" "$t/deck-0"
cp -r "$t/deck-0" "$t/deck-1"
echo "# the other deck" >>"$t/deck-1/slides/10-texte.toml"
make_keys "$t"
mkdir -p "$t/www"
start_nginx "$t/www" "$t/nginx"
url=http://127.0.0.1:$NGINX_PORT/site/

publish() { "$sync_bin" publish "$t/deck-$1" --out "$t/www/site" --key "$t/test.key" --keep 2 >/dev/null; }
pull() { "$sync_bin" pull "$url" --key "$t/keys" --into "$t/screen" --keep 2 >"$t/pull.out" 2>&1; }

# A first deck, and how long one installing pass takes (ms): kills land anywhere in that span.
publish 0
start=$(date +%s%N)
pull || { echo "FAIL: the first pull failed"; exit 1; }
span_ms=$((($(date +%s%N) - start) / 1000000 + 1))
echo "one installing pass: about $span_ms ms; killing at random in 0..$span_ms ms"

killed=0
for run in $(seq 1 "$runs"); do
    publish $((run % 2))
    # The program itself in the background, so that $! is affiche-sync, not a subshell around it
    # (killing a subshell would leave the pass running, holding the lock).
    "$sync_bin" pull "$url" --key "$t/keys" --into "$t/screen" --keep 2 >"$t/pull.out" 2>&1 &
    pid=$!
    delay_ms=$((RANDOM % span_ms))
    sleep "$(printf '0.%03d' "$delay_ms")"
    if kill -KILL "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null || true
    target=$(readlink "$t/screen/current") || fail "current is missing"
    [[ "$target" == content/* && -d "$t/screen/$target" ]] || fail "current points at '$target'"
    "$affiche_bin" --check "$t/screen/current" >/dev/null 2>&1 || fail "current fails --check"
    pull || fail "the pass after the kill failed"
    leftovers=$(find "$t/screen" -maxdepth 2 -name '.*' | grep -v '/state/' || true)
    [[ -z "$leftovers" ]] || fail "left behind: $leftovers"
    [[ $(readlink "$t/screen/current") == "content/$(sed -n 's/^revision = "\(.*\)"/\1/p' "$t/www/site/manifest.toml")" ]] ||
        fail "the pass after the kill did not install the published revision"
done
echo "PASS: $runs runs, $killed killed mid-pass, current always complete, no leftovers"
