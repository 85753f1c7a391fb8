#!/usr/bin/env bash
# The announcement end to end with the real programs: affiche-studio publishes it (PUT
# /api/announcement), a real `affiche-sync pull` from the studio's /site/ installs it, and
# `affiche --render --at` draws the band before `until` and not after: the first slide at a
# moment before `until` differs from the same slide drawn from the deck without the file, and at
# a moment after `until` it is the same. Then DELETE publishes a deck without it, pulled too.
# usage: announcement_e2e.sh STUDIO SYNC AFFICHE SOURCE_DIR. Exit 77 when minisign or curl is missing.
set -euo pipefail
studio_bin=$1 sync_bin=$2 affiche_bin=$3 source=$4
for tool in minisign curl jq cmp; do
    command -v "$tool" >/dev/null || { echo "skipped: $tool missing"; exit 77; }
done
source "$source/tests/sync/sync_test_lib.sh"

t=$(mktemp -d)
studio_pid=""
cleanup() { stop_pid "$studio_pid"; rm -rf "$t"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }

mkdir -p "$t/content"
for folder in slides images fonts; do cp -r "$source/$folder" "$t/content/"; done
make_keys "$t"
echo "motdepasse-e2e" | "$studio_bin" passwd --state "$t/state" >/dev/null
SDL_VIDEODRIVER=offscreen "$studio_bin" serve --content "$t/content" --site "$t/site" \
    --key "$t/test.key" --state "$t/state" --listen 127.0.0.1:0 >"$t/studio.out" 2>"$t/studio.err" &
studio_pid=$!
for _ in $(seq 1 200); do
    grep -q "http://127.0.0.1:[0-9]*/" "$t/studio.out" 2>/dev/null && break
    kill -0 "$studio_pid" 2>/dev/null || fail "studio ended: $(cat "$t/studio.err")"
    sleep 0.1
done
base=$(grep -o "http://127.0.0.1:[0-9]*" "$t/studio.out" | head -n 1)
[[ -n "$base" ]] || fail "no address printed by the studio"

csrf=$(curl -sf -c "$t/jar" -H 'Content-Type: application/json' \
    -d '{"password":"motdepasse-e2e"}' "$base/api/login" | jq -r .csrf)
[[ -n "$csrf" && "$csrf" != null ]] || fail "login"
api() { # METHOD PATH [BODY]: the answer's body; the status in $t/status
    curl -s -b "$t/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
        -X "$1" ${3:+-d "$3"} -o "$t/answer" -w '%{http_code}' "$base$2" >"$t/status"
    cat "$t/answer"
}

# until: two hours from now (local time, on the minute); drawn at +1 h (before) and +3 h (after).
until=$(date -d '+2 hours' '+%Y-%m-%dT%H:%M')
before=$(date -d '+1 hour' '+%Y-%m-%d %H:%M')
after=$(date -d '+3 hours' '+%Y-%m-%d %H:%M')
text="Le Dr X a environ 30 minutes de retard"
api PUT /api/announcement "{\"text\": \"$text\", \"until\": \"$until\"}" >/dev/null
[[ $(cat "$t/status") == 200 ]] || fail "PUT /api/announcement: $(cat "$t/answer")"
ok "studio published the announcement (sequence $(jq .sequence "$t/answer"))"

pull() {
    "$sync_bin" pull "$base/site/" --key "$t/keys" --into "$t/screen" --status "" >"$t/pull.out" 2>&1 ||
        fail "pull: $(cat "$t/pull.out")"
    head -n 1 "$t/pull.out"
}
mkdir -p "$t/screen"
echo "pull: $(pull)"
[[ -f "$t/screen/current/slides/announcement.toml" ]] || fail "the pull did not install announcement.toml"
grep -qF "$text" "$t/screen/current/slides/announcement.toml" || fail "installed file lacks the text"
ok "a real pull from /site/ installed slides/announcement.toml"

# The same deck without the file, for the comparison.
cp -rL "$t/screen/current" "$t/plain"
rm "$t/plain/slides/announcement.toml"
render() { # DECK AT OUT: the first slide's PNG path
    rm -rf "$3"
    SDL_VIDEODRIVER=offscreen "$affiche_bin" --render "$3" --size 960x540 --at "$2" "$1" >/dev/null 2>&1 ||
        fail "render $1 at $2"
    find "$3" -name '*.png' | sort | head -n 1
}
with_before=$(render "$t/screen/current" "$before" "$t/r1")
plain_before=$(render "$t/plain" "$before" "$t/r2")
with_after=$(render "$t/screen/current" "$after" "$t/r3")
plain_after=$(render "$t/plain" "$after" "$t/r4")
[[ -n "$with_before" && -n "$plain_before" ]] || fail "no first slide rendered"
if cmp -s "$with_before" "$plain_before"; then fail "no band drawn at $before (until $until)"; fi
ok "affiche --render --at '$before' draws the band"
cmp -s "$with_after" "$plain_after" || fail "something still drawn at $after, after until $until"
ok "affiche --render --at '$after' draws the slide alone"

api DELETE /api/announcement >/dev/null
[[ $(cat "$t/status") == 200 ]] || fail "DELETE /api/announcement: $(cat "$t/answer")"
echo "pull: $(pull)"
[[ ! -e "$t/screen/current/slides/announcement.toml" ]] || fail "announcement.toml still installed after Retirer"
without=$(render "$t/screen/current" "$before" "$t/r5")
cmp -s "$without" "$plain_before" || fail "band still drawn after the withdrawal"
ok "withdrawn: the next pull installs a deck without it, no band at '$before'"
