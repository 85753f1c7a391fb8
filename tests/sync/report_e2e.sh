#!/usr/bin/env bash
# End-to-end tests of the screen reports (issue 19): `affiche-sync pull` against a real nginx that
# serves the deck AND receives the report (a proxy location reads the POST body into a file it
# keeps, client_body_in_file_only, then answers as a studio would). The test reads the body and
# the X-Affiche-Signature header nginx received, checks every field, and verifies the signature
# with OpenSSL (an Ed25519 implementation other than the sync's libsodium). One CASE per test.
#
# usage: tests/sync/report_e2e.sh AFFICHE_SYNC AFFICHE CASE
# exit status: 0 pass, 1 fail, 77 skipped (nginx, minisign or OpenSSL 3 missing).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/sync_test_lib.sh"
sync_bin=$1
case_name=$3

[[ -n "$(nginx_bin)" ]] || { echo "SKIP: nginx not installed (apt-get install nginx-light)"; exit 77; }
command -v minisign >/dev/null || { echo "SKIP: minisign not installed"; exit 77; }
openssl version 2>/dev/null | grep -q '^OpenSSL 3' || { echo "SKIP: OpenSSL 3 not found"; exit 77; }

t=$(mktemp -d)
chmod 755 "$t" # nginx workers read below it
NGINX_PID=""
cleanup() {
    stop_pid "$NGINX_PID"
    rm -rf "$t"
}
trap cleanup EXIT

fail() {
    echo "FAIL ($case_name): $*"
    echo "--- stdout"; cat "$t/out" 2>/dev/null || true
    echo "--- stderr"; cat "$t/err" 2>/dev/null || true
    echo "--- status.json"; cat "$t/screen/status.json" 2>/dev/null || true
    echo "--- nginx error.log"; cat "$t/nginx/logs/error.log" 2>/dev/null || true
    exit 1
}

# nginx: the site, and a studio at /studio/<answer>: the body kept in a file, its path and the
# signature header logged to reports.log, then the answer of the specification (nginx asks itself
# for /answer/<answer>).
start_receiver() {
    start_nginx "$t/www" "$t/nginx" "
        default_type application/json;
        location /studio/ {
            client_body_in_file_only on;
            client_max_body_size 256k;
            access_log $t/nginx/logs/reports.log report;
            rewrite ^/studio/(.*)\$ /answer/\$1 break;
            proxy_pass http://127.0.0.1:\$server_port;
        }
        location = /answer/approved { return 200 '{\"state\": \"approved\"}'; }
        location = /answer/pending { return 202 '{\"state\": \"pending\"}'; }
        location = /answer/refused { return 401 '{\"error\": \"signed by another key\"}'; }"
}

cp -r "$here/../fixtures/basic" "$t/deck-a"
make_keys "$t"
site=$t/www/site
mkdir -p "$t/www" "$t/screen" "$t/player"
"$sync_bin" publish "$t/deck-a" --out "$site" --key "$t/test.key" >"$t/out" 2>"$t/err" ||
    fail "publish failed"
rev_a=$(manifest_field "$site/manifest.toml" revision)
start_receiver
base=http://127.0.0.1:$NGINX_PORT/site/

# What the player says (affiche --status) and its thumbnail (a 1x1 PNG).
cat >"$t/player/status.json" <<'JSON'
{
  "version": "9.8.7",
  "revision": "0123456789abcdef",
  "pending_revision": null,
  "screen": {
    "on": true,
    "reason": "open until 18:30",
    "next_change": null,
    "off_by": ""
  },
  "announcement": {"text": "Le Dr X a environ 30 minutes de retard", "from": "2026-12-08T09:00:00",
                   "until": "2026-12-08T12:00:00", "style": "band", "showing": true}
}
JSON
base64 -d >"$t/player/thumbnail.png" <<'B64'
iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==
B64

# pull_with ANSWER: one pass with sync.toml reporting to /studio/ANSWER (or to REPORT_URL); rc set.
pull_with() {
    local url=${REPORT_URL:-http://127.0.0.1:$NGINX_PORT/studio/$1}
    cat >"$t/sync.toml" <<TOML
url = "$base"
keys = "$t/keys"
root = "$t/screen"
state = "$t/screen/state"
status = "$t/screen/status.json"
name = "salle-2"
report_url = "$url"
player_status = "$t/player/status.json"
player_thumbnail = "$t/player/thumbnail.png"

[limits]
connect_timeout_s = 3
stall_timeout_s = 2
total_timeout_s = 5
TOML
    rc=0
    "$sync_bin" pull --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
}

# status_field EXPR: a value of status.json, by a Python expression on `s`.
status_field() {
    python3 -c "import json, sys; s = json.load(open(sys.argv[1])); print($1)" "$t/screen/status.json"
}

# check_report N: the Nth report nginx received: its fields, and its signature verified with
# OpenSSL over the exact body bytes nginx kept. Sets COUNTER to its counter.
check_report() {
    local line file sig
    line=$(sed -n "${1}p" "$t/nginx/logs/reports.log")
    [[ -n "$line" ]] || fail "nginx received no report $1"
    read -r file sig ctype method <<<"$line"
    [[ $method == POST ]] || fail "the report is a $method, not a POST"
    [[ $ctype == application/json ]] || fail "Content-Type is $ctype"
    [[ -f $file ]] || fail "nginx kept no body file ($file)"
    python3 - "$file" "$t/key.der" "$rev_a" >"$t/counter" <<'PY' || fail "the body is not as specified"
import base64, json, re, sys
body = open(sys.argv[1], "rb").read()
r = json.loads(body)
expected_keys = ["name", "key", "time", "counter", "revision_on_screen", "revision_pending",
                 "screen_on", "screen_reason", "sync_result", "sync_error", "player_version",
                 "sync_version", "uptime_s", "announcement", "thumbnail"]
assert list(r) == expected_keys, list(r)
assert r["name"] == "salle-2", r["name"]
key = base64.b64decode(r["key"], validate=True)
assert len(key) == 32
assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", r["time"]), r["time"]
assert isinstance(r["counter"], int) and r["counter"] > 0
assert r["revision_on_screen"] == "0123456789abcdef"
# The player still shows another revision: the one the sync installed is pending.
assert r["revision_pending"] == sys.argv[3], r["revision_pending"]
assert r["screen_on"] is True and r["screen_reason"] == "open until 18:30"
assert r["sync_result"] in ("installed", "unchanged"), r["sync_result"]
assert r["sync_error"] == ""
assert r["player_version"] == "9.8.7" and r["sync_version"]
assert isinstance(r["uptime_s"], int) and r["uptime_s"] > 0
assert r["announcement"] == "Le Dr X a environ 30 minutes de retard"
assert r["thumbnail"]["type"] == "image/png"
assert base64.b64decode(r["thumbnail"]["data"]).startswith(b"\x89PNG")
# The public key as DER (SubjectPublicKeyInfo of Ed25519) for OpenSSL.
open(sys.argv[2], "wb").write(bytes.fromhex("302a300506032b6570032100") + key)
print(r["counter"])
PY
    printf '%s' "$sig" | base64 -d >"$t/sig.bin" || fail "the signature header is not base64"
    [[ $(stat -c %s "$t/sig.bin") -eq 64 ]] || fail "the signature is not 64 bytes"
    openssl pkeyutl -verify -pubin -keyform DER -inkey "$t/key.der" -rawin -in "$file" \
        -sigfile "$t/sig.bin" >/dev/null || fail "OpenSSL does not verify the signature"
    COUNTER=$(cat "$t/counter")
}

# Fingerprint of the key in report N, as the spec computes it.
report_fingerprint() {
    python3 - "$(sed -n "${1}p" "$t/nginx/logs/reports.log" | cut -d' ' -f1)" <<'PY'
import base64, hashlib, json, sys
h = hashlib.sha256(base64.b64decode(json.load(open(sys.argv[1]))["key"])).hexdigest()[:16]
print("-".join(h[i:i + 4] for i in range(0, 16, 4)))
PY
}

case "$case_name" in
approved)
    pull_with approved
    [[ $rc -eq 0 ]] || fail "pull exited $rc"
    grep -q "^installed: revision $rev_a" "$t/out" || fail "not installed"
    [[ $(status_field 's["report"]["result"]') == ok ]] || fail "status.json: report not ok"
    [[ $(status_field 's["report"]["state"]') == approved ]] || fail "status.json: not approved"
    [[ $(status_field 's["result"]') == installed ]] || fail "status.json: result not installed"
    check_report 1
    first=$COUNTER
    pull_with approved
    [[ $rc -eq 0 ]] || fail "second pull exited $rc"
    check_report 2
    second=$COUNTER
    ((second > first)) || fail "counter $second is not above $first"
    [[ $(stat -c %a "$t/screen/state/device.key") == 600 ]] || fail "device.key is not 0600"
    "$sync_bin" id --config "$t/sync.toml" >"$t/out" 2>"$t/err" || fail "id failed"
    [[ $(wc -l <"$t/out") -eq 2 ]] || fail "id printed more than two lines"
    [[ $(sed -n 1p "$t/out") == "name salle-2" ]] || fail "id: wrong name line"
    [[ $(sed -n 2p "$t/out") == "fingerprint $(report_fingerprint 2)" ]] ||
        fail "id's fingerprint is not the reports' key's"
    [[ -s "$t/err" ]] && fail "a good report logged something"
    echo "ok: two reports received by nginx, fields and OpenSSL signature checked, counters" \
        "$first < $second, $(sed -n 2p "$t/out")"
    ;;
pending)
    pull_with pending
    [[ $rc -eq 0 ]] || fail "pull exited $rc"
    [[ $(status_field 's["report"]["result"]') == ok ]] || fail "status.json: report not ok"
    [[ $(status_field 's["report"]["state"]') == pending ]] || fail "status.json: not pending"
    check_report 1
    echo "ok: 202 pending recorded"
    ;;
refused)
    pull_with refused
    [[ $rc -eq 0 ]] || fail "a refused report failed the pull ($rc)"
    grep -q "^installed: revision $rev_a" "$t/out" || fail "not installed"
    [[ $(status_field 's["report"]["result"]') == error ]] || fail "status.json: report not error"
    status_field 's["report"]["error"]' | grep -q "HTTP 401 (signed by another key)" ||
        fail "status.json does not give the studio's answer"
    [[ $(grep -c "report:" "$t/err") -eq 1 ]] || fail "the refusal was not logged once"
    pull_with refused
    [[ $rc -eq 0 ]] || fail "second pull exited $rc"
    grep -q "report:" "$t/err" && fail "the same refusal was logged again"
    pull_with approved
    grep -q "report: sent again (approved)" "$t/err" || fail "no 'sent again' line"
    echo "ok: refusal in status.json, logged once, pull exit 0"
    ;;
studio_down)
    REPORT_URL="http://127.0.0.1:$(free_port)/api/screens/report" pull_with none
    [[ $rc -eq 0 ]] || fail "pull exited $rc with the studio down"
    grep -q "^installed: revision $rev_a" "$t/out" || fail "not installed"
    [[ $(readlink "$t/screen/current") == "content/$rev_a" ]] || fail "current not swapped"
    [[ $(status_field 's["result"]') == installed ]] || fail "status.json: result not installed"
    [[ $(status_field 's["report"]["result"]') == error ]] || fail "status.json: report not error"
    status_field 's["report"]["error"]' | grep -q "no answer to the report" ||
        fail "status.json: the report's error does not say why"
    [[ $(grep -c "report:" "$t/err") -eq 1 ]] || fail "not logged once"
    echo "ok: studio down, pull installed with exit 0: $(status_field 's["report"]["error"]')"
    ;;
bad_key)
    mkdir -p "$t/screen/state"
    echo garbage >"$t/screen/state/device.key"
    pull_with approved
    [[ $rc -eq 0 ]] || fail "a garbage device.key failed the pull ($rc)"
    grep -q "^installed: revision $rev_a" "$t/out" || fail "not installed"
    status_field 's["report"]["error"]' | grep -q "device.key" || fail "status.json: no key error"
    [[ -s "$t/nginx/logs/reports.log" ]] && fail "a report was sent without a key"
    [[ $(cat "$t/screen/state/device.key") == garbage ]] || fail "the key file was replaced"
    rc=0
    "$sync_bin" id --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
    [[ $rc -eq 1 ]] || fail "id exited $rc with a garbage key"
    echo "ok: garbage key: pull exit 0, report error in status.json, id exit 1"
    ;;
*)
    echo "unknown case $case_name"
    exit 2
    ;;
esac
