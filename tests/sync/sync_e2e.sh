#!/usr/bin/env bash
# End-to-end tests of `affiche-sync pull` against a real nginx (and, for truncated bodies, stalls
# and slow drips, tests/sync/fault_server.py): one CASE per CTest test. Each refusal case checks
# the exit status, the one refusal line, the status file, and that `current` still points at the
# previous complete deck, which passes `affiche --check`.
#
# usage: tests/sync/sync_e2e.sh AFFICHE_SYNC AFFICHE CASE
# exit status: 0 pass, 1 fail, 77 skipped (nginx or minisign missing).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/sync_test_lib.sh"
sync_bin=$1
affiche_bin=$2
case_name=$3

[[ -n "$(nginx_bin)" ]] || { echo "SKIP: nginx not installed (apt-get install nginx-light)"; exit 77; }
command -v minisign >/dev/null || { echo "SKIP: minisign not installed"; exit 77; }

t=$(mktemp -d)
chmod 755 "$t" # nginx workers read below it
NGINX_PID="" FAULT_PID="" TLS_PID=""
cleanup() {
    stop_pid "$NGINX_PID" "$FAULT_PID" "$TLS_PID"
    rm -rf "$t"
}
trap cleanup EXIT

fail() {
    echo "FAIL ($case_name): $*"
    echo "--- stdout"; cat "$t/out" 2>/dev/null || true
    echo "--- stderr"; cat "$t/err" 2>/dev/null || true
    exit 1
}

# Two decks that differ by one byte, and a third the validator refuses.
cp -r "$here/../fixtures/basic" "$t/deck-a"
cp -r "$t/deck-a" "$t/deck-b"
echo "# version B" >>"$t/deck-b/slides/10-texte.toml"
make_keys "$t"
site=$t/www/site
mkdir -p "$t/www" "$t/screen"

publish() { # DECK [more options]
    "$sync_bin" publish "$1" --out "$site" --key "$t/test.key" "${@:2}" >"$t/out" 2>"$t/err" ||
        fail "publish $1 failed"
}
start_nginx "$t/www" "$t/nginx"
base=http://127.0.0.1:$NGINX_PORT/site/

# pull URL [options]: sets rc; output in $t/out and $t/err.
pull() {
    rc=0
    "$sync_bin" pull "$1" --key "$t/keys" --into "$t/screen" --status "$t/screen/status.json" \
        --stall-timeout 2 --connect-timeout 3 --timeout 5 "${@:2}" >"$t/out" 2>"$t/err" || rc=$?
}

current() { readlink "$t/screen/current"; }

expect_installed() { # REVISION
    [[ $rc -eq 0 ]] || fail "pull exited $rc"
    grep -q "^installed: revision $1" "$t/out" || fail "no 'installed: revision $1'"
    [[ $(current) == "content/$1" ]] || fail "current is $(current), not content/$1"
    "$affiche_bin" --check "$t/screen/current" >/dev/null 2>&1 || fail "the installed deck fails --check"
}

# expect_refusal PATTERN: exit 1, one line on stderr matching PATTERN, the same in status.json,
# current unchanged and complete, no temporary folder left.
expect_refusal() {
    [[ $rc -eq 1 ]] || fail "pull exited $rc, not 1"
    [[ $(wc -l <"$t/err") -eq 1 ]] || fail "not exactly one refusal line"
    grep -qE "$1" "$t/err" || fail "the refusal line does not match '$1'"
    grep -qE "\"last_error\": \".*($1)" "$t/screen/status.json" || fail "status.json lacks the error"
    [[ $(current) == "content/$rev_a" ]] || fail "current moved to $(current)"
    "$affiche_bin" --check "$t/screen/current" >/dev/null 2>&1 || fail "current no longer passes --check"
    if ls -A "$t/screen/content" | grep -q '^\.'; then fail "a temporary folder was left"; fi
    echo "ok: $case_name: $(cat "$t/err")"
}

# A first deck on screen, as every fault case starts.
publish "$t/deck-a"
rev_a=$(manifest_field "$site/manifest.toml" revision)
archive_a=$site/$(manifest_field "$site/manifest.toml" archive)
pull "$base"
expect_installed "$rev_a"

resign() { sign_manifest "$site/manifest.toml" "$t/test.key"; }

case "$case_name" in
install_304_update)
    # Published a while ago: an ETag of a manifest changed in the same second is not kept (nginx's
    # ETag has whole-second mtimes), so the first pull right after publish cannot be answered 304.
    touch -d "@$(($(date +%s) - 10))" "$site/manifest.toml"
    pull "$base"
    grep -q "^unchanged: " "$t/out" || fail "a pull of the same manifest was not 'unchanged'"
    : >"$t/nginx/logs/access.log"
    pull "$base"
    [[ $rc -eq 0 ]] || fail "second pull exited $rc"
    grep -q "^unchanged: .*0 archive download" "$t/out" || fail "second pull was not 'unchanged'"
    [[ $(wc -l <"$t/nginx/logs/access.log") -eq 1 ]] || fail "second pull made more than one request"
    grep -q "GET /site/manifest.toml HTTP/1.1 304" "$t/nginx/logs/access.log" || fail "no 304"
    bytes=$(awk '{ print $NF }' "$t/nginx/logs/access.log")
    ((bytes < 1024)) || fail "the 304 cost $bytes bytes"
    publish "$t/deck-b"
    rev_b=$(manifest_field "$site/manifest.toml" revision)
    pull "$base"
    expect_installed "$rev_b"
    grep -q '"stale": false' "$t/screen/status.json" || fail "status not fresh"
    echo "ok: installed, then one 304 of $bytes bytes, then the new revision"
    ;;
file_url)
    publish "$t/deck-b"
    pull "file://$site/"
    expect_installed "$(manifest_field "$site/manifest.toml" revision)"
    ;;
redirect_within_http)
    publish "$t/deck-b"
    pull "http://127.0.0.1:$NGINX_PORT/redir-ok/site/manifest.toml"
    expect_installed "$(manifest_field "$site/manifest.toml" revision)"
    ;;
rollback)
    publish "$t/deck-b"
    pull "$base"
    rc=0
    "$sync_bin" rollback --into "$t/screen" >"$t/out" 2>"$t/err" || rc=$?
    [[ $rc -eq 0 && $(current) == "content/$rev_a" ]] || fail "rollback did not return to $rev_a"
    pull "$base"
    [[ $rc -eq 0 && $(current) == "content/$rev_a" ]] || fail "the next pull undid the rollback"
    # "unchanged" names what is on screen, not the revision rolled back from.
    grep -q "^unchanged: revision $rev_a on screen (rolled back" "$t/out" ||
        fail "'unchanged' does not name the revision on screen"
    echo "ok: rolled back, and the next pull keeps it and says so"
    ;;
config_file)
    publish "$t/deck-b"
    cat >"$t/sync.toml" <<TOML
url = "$base"
keys = "$t/keys"
root = "$t/screen"
state = "$t/screen/state"
status = "$t/screen/status.json"
metrics = "$t/screen/sync.prom"
keep = 2
[limits]
stall_timeout_s = 2
TOML
    rc=0
    "$sync_bin" pull --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
    expect_installed "$(manifest_field "$site/manifest.toml" revision)"
    grep -q '^affiche_sync_sequence 2$' "$t/screen/sync.prom" || fail "no sequence 2 in the metrics"
    grep -q '^affiche_sync_stale 0$' "$t/screen/sync.prom" || fail "metrics say stale"
    echo 'kepp = 3' >>"$t/sync.toml"
    rc=0
    "$sync_bin" pull --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
    [[ $rc -eq 1 ]] || fail "a bad configuration exited $rc"
    grep -q "sync.toml:10:1: error: unknown key 'kepp' in \[limits\]" "$t/err" || fail "no path:line:col error"
    echo "ok: pull --config installs and writes metrics; a bad key is reported at sync.toml:10:1"
    ;;
etag_untrusted)
    # Validators nginx never sends (fault server): `*`, 4 KiB, malformed: installed, never stored,
    # never sent back.
    start_fault_server "$t/www" "$t"
    for mode in etag-star etag-long etag-bad; do
        publish "$t/deck-b" # a new sequence each time: each pull installs
        pull "http://127.0.0.1:$FAULT_PORT/$mode/site/"
        [[ $rc -eq 0 ]] || fail "$mode: pull exited $rc"
        grep -qx 'etag ' "$t/screen/state/sync.state" || fail "$mode: the ETag was stored"
        : >"$t/fault.log"
        pull "http://127.0.0.1:$FAULT_PORT/$mode/site/"
        grep -q "^unchanged: " "$t/out" || fail "$mode: second pull not unchanged"
        grep -q "manifest.toml -\$" "$t/fault.log" || fail "$mode: an If-None-Match was sent"
    done
    echo "ok: *, 4 KiB and malformed ETags never stored nor sent"
    ;;
unasked_304)
    # A 304 to a request with no If-None-Match (fault server: nginx never does it) is an error.
    start_fault_server "$t/www" "$t"
    pull "http://127.0.0.1:$FAULT_PORT/always-304/site/"
    expect_refusal "HTTP 304 \(not modified\) to a request that sent no If-None-Match"
    ;;
etag_dropped_after_4xx)
    touch -d "@$(($(date +%s) - 10))" "$site/manifest.toml"
    pull "$base"
    grep -q '^etag "' "$t/screen/state/sync.state" || fail "nginx's ETag was not stored"
    mv "$site/manifest.toml" "$t/away.toml"
    pull "$base"
    [[ $rc -eq 1 ]] || fail "a 404 exited $rc"
    grep -qx 'etag ' "$t/screen/state/sync.state" || fail "the ETag was kept after a 404"
    mv "$t/away.toml" "$site/manifest.toml"
    : >"$t/nginx/logs/access.log"
    pull "$base"
    [[ $rc -eq 0 ]] || fail "pull after the 404 exited $rc"
    grep -q "GET /site/manifest.toml HTTP/1.1 200" "$t/nginx/logs/access.log" ||
        fail "the pull after a 404 was conditional"
    echo "ok: the ETag is dropped after a 404; the next pull asks unconditionally"
    ;;
etag_refreshed)
    touch -d "@$(($(date +%s) - 10))" "$site/manifest.toml"
    pull "$base"
    : >"$t/nginx/logs/access.log"
    pull "$base"
    grep -q "GET /site/manifest.toml HTTP/1.1 304" "$t/nginx/logs/access.log" || fail "no 304"
    # A day and more of 304s alone: the next pull fetches the manifest unconditionally.
    sed -i -E "s/^etag_since .*/etag_since $(($(date +%s) - 2 * 86400))/" "$t/screen/state/sync.state"
    : >"$t/nginx/logs/access.log"
    pull "$base"
    grep -q "^unchanged: " "$t/out" || fail "the unconditional pull was not 'unchanged'"
    grep -q "GET /site/manifest.toml HTTP/1.1 200" "$t/nginx/logs/access.log" ||
        fail "still conditional after two days of 304s"
    since=$(sed -nE 's/^etag_since //p' "$t/screen/state/sync.state")
    ((since > $(date +%s) - 60)) || fail "etag_since not renewed ($since)"
    echo "ok: after two days of 304s the manifest is fetched unconditionally"
    ;;
redirect_budget)
    # --timeout 5 is one budget for the file: 5 hops of 1.5 s each (fault server) exceed it, though
    # each hop alone is well within it.
    publish "$t/deck-b"
    start_fault_server "$t/www" "$t"
    pull "http://127.0.0.1:$FAULT_PORT/slow-redirect/4/site/manifest.toml"
    expect_refusal "timed out: the 5 s allowed for this file \(redirects included\) ran out"
    ;;
pass_deadline)
    # One deadline for the whole pass ([limits] pass_timeout_s), whatever the per-file budget: a
    # drip of one byte a second (fault server) ends at it, the current deck kept.
    publish "$t/deck-b"
    start_fault_server "$t/www" "$t"
    cat >"$t/sync.toml" <<TOML
url = "http://127.0.0.1:$FAULT_PORT/drip/site/"
keys = "$t/keys"
root = "$t/screen"
state = "$t/screen/state"
status = "$t/screen/status.json"
[limits]
stall_timeout_s = 30
total_timeout_s = 600
pass_timeout_s = 5
TOML
    rc=0
    start=$(date +%s)
    "$sync_bin" pull --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
    (($(date +%s) - start < 30)) || fail "the pass did not end at its deadline"
    expect_refusal "timed out: the pass's deadline passed"
    ;;
server_down)
    pull "http://127.0.0.1:$(free_port)/site/"
    expect_refusal "cannot connect"
    ;;
dns_failure)
    pull "http://affiche-sync-test.invalid/site/"
    expect_refusal "cannot resolve the host name"
    ;;
http_404)
    pull "http://127.0.0.1:$NGINX_PORT/nothing-here/"
    expect_refusal "HTTP 404"
    ;;
http_500)
    pull "http://127.0.0.1:$NGINX_PORT/err500/"
    expect_refusal "HTTP 500"
    ;;
redirect_to_file)
    pull "http://127.0.0.1:$NGINX_PORT/redir-file/manifest.toml"
    expect_refusal "redirect to another scheme refused"
    ;;
truncated | stalled | timeout)
    publish "$t/deck-b"
    start_fault_server "$t/www" "$t"
    declare -A mode=([truncated]=truncate [stalled]=stall [timeout]=drip)
    declare -A line=([truncated]="truncated" [stalled]="stalled: no data for 2 s" [timeout]="timed out")
    pull "http://127.0.0.1:$FAULT_PORT/${mode[$case_name]}/site/"
    expect_refusal "${line[$case_name]}"
    ;;
larger_than_signed)
    publish "$t/deck-b"
    head -c 5000 /dev/urandom >>"$site/$(manifest_field "$site/manifest.toml" archive)"
    pull "$base"
    expect_refusal "larger than the allowed"
    ;;
wrong_sha256)
    publish "$t/deck-b"
    archive=$site/$(manifest_field "$site/manifest.toml" archive)
    printf '\xff' | dd of="$archive" bs=1 seek=100 conv=notrunc status=none
    pull "$base"
    expect_refusal "SHA-256 mismatch"
    ;;
bad_signature)
    publish "$t/deck-b"
    echo "# changed after signing" >>"$site/manifest.toml"
    pull "$base"
    expect_refusal "does not match its signature"
    ;;
unknown_key)
    publish "$t/deck-b"
    sign_manifest "$site/manifest.toml" "$t/other.key"
    pull "$base"
    expect_refusal "unknown key"
    ;;
unsigned)
    publish "$t/deck-b"
    rm "$site/manifest.toml.minisig"
    pull "$base"
    expect_refusal "no signature"
    ;;
malformed)
    publish "$t/deck-b"
    printf 'format = 1\nrevision = 12\n' >"$site/manifest.toml"
    resign
    pull "$base"
    expect_refusal "manifest.toml:[0-9]+:[0-9]+: error"
    ;;
lower_sequence)
    cp "$site/manifest.toml" "$t/old.toml"
    cp "$site/manifest.toml.minisig" "$t/old.toml.minisig"
    publish "$t/deck-b"
    pull "$base"
    expect_installed "$(manifest_field "$site/manifest.toml" revision)"
    rev_a=$(manifest_field "$site/manifest.toml" revision) # the deck to keep now
    cp "$t/old.toml" "$site/manifest.toml"
    cp "$t/old.toml.minisig" "$site/manifest.toml.minisig"
    pull "$base"
    expect_refusal "replay refused: manifest sequence 1 is lower than 2"
    ;;
expired)
    set_manifest_field "$site/manifest.toml" created 2020-01-01T00:00:00Z
    set_manifest_field "$site/manifest.toml" expires 2020-01-31T00:00:00Z
    resign
    pull "$base"
    expect_refusal "stale: the manifest expired at 2020-01-31T00:00:00Z"
    grep -q '"stale": true' "$t/screen/status.json" || fail "status does not say stale"
    ;;
invalid_deck)
    cp -r "$t/deck-a" "$t/deck-bad"
    echo 'colour_of_the_day = "blue"' >>"$t/deck-bad/slides/deck.toml"
    bad=$site/deck-badbadbadbadbad0.tar.gz
    tar -C "$t/deck-bad" -czf "$bad" slides images fonts
    set_manifest_field "$site/manifest.toml" revision '"badbadbadbadbad0"'
    set_manifest_field "$site/manifest.toml" sequence 2
    set_manifest_field "$site/manifest.toml" archive '"deck-badbadbadbadbad0.tar.gz"'
    set_manifest_field "$site/manifest.toml" size "$(stat -c %s "$bad")"
    set_manifest_field "$site/manifest.toml" sha256 "\"$(sha256sum "$bad" | cut -d' ' -f1)\""
    resign
    pull "$base"
    expect_refusal "fails validation"
    ;;
undecodable_image)
    # A header that parses but data that does not decode: only the player's --check (SDL_image),
    # run by pull on the unpacked deck, sees it. The player beside affiche-sync is used.
    cp -r "$t/deck-a" "$t/deck-img"
    head -c 60 "$(dirname "${BASH_SOURCE[0]}")/../../docs/screenshots/accueil.png" >"$t/deck-img/images/cut.png"
    printf '\n[[slide]]\ntitle = "Photo"\nimage = "cut.png"\n' >>"$(ls "$t"/deck-img/slides/[0-9]*.toml | head -n 1)"
    bad=$site/deck-badbadbadbadbad1.tar.gz
    tar -C "$t/deck-img" -czf "$bad" slides images fonts
    set_manifest_field "$site/manifest.toml" revision '"badbadbadbadbad1"'
    set_manifest_field "$site/manifest.toml" sequence 2
    set_manifest_field "$site/manifest.toml" archive '"deck-badbadbadbadbad1.tar.gz"'
    set_manifest_field "$site/manifest.toml" size "$(stat -c %s "$bad")"
    set_manifest_field "$site/manifest.toml" sha256 "\"$(sha256sum "$bad" | cut -d' ' -f1)\""
    resign
    pull "$base"
    expect_refusal "finds errors; first: .*cut.png"
    ;;
tls_ca)
    # The studio's case: nginx over TLS with a certificate signed by a small authority of its own
    # (made here by openssl, as studio-setup.sh makes studio-ca.crt). Unknown to the system: a
    # pull without --ca is refused and the screen keeps its deck; with --ca (or ca_file) it
    # installs, and the report POST to https trusts the same authority.
    publish "$t/deck-b"
    rev_b=$(manifest_field "$site/manifest.toml" revision)
    tls=$t/tls
    mkdir -p "$tls"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
        -subj "/CN=affiche test CA" -keyout "$tls/ca.key" -out "$tls/ca.crt" 2>/dev/null
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/CN=127.0.0.1" -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
    printf 'subjectAltName = IP:127.0.0.1\nbasicConstraints = CA:FALSE\n' >"$tls/ext.cnf"
    openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.crt" -CAkey "$tls/ca.key" \
        -CAcreateserial -days 2 -extfile "$tls/ext.cnf" -out "$tls/server.crt" 2>/dev/null
    plain_pid=$NGINX_PID
    start_nginx "$t/www" "$t/nginx-tls" "" "$tls/server.crt" "$tls/server.key"
    TLS_PID=$NGINX_PID NGINX_PID=$plain_pid
    https=https://127.0.0.1:$NGINX_PORT

    pull "$https/site/"
    expect_refusal "the server's certificate is not trusted"

    pull "$https/site/" --ca "$tls/ca.crt" --name screen-1 --report "$https/report"
    expect_installed "$rev_b"
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["report"]; sys.exit(r["result"] != "ok")' \
        "$t/screen/status.json" || fail "the report over https was not sent: $(cat "$t/screen/status.json")"
    grep -q "POST /report HTTP/1.1 200" "$t/nginx-tls/logs/access.log" || fail "nginx got no report"

    cat >"$t/sync.toml" <<TOML
url = "$https/site/"
keys = "$t/keys"
root = "$t/screen"
state = "$t/screen/state"
status = "$t/screen/status.json"
ca_file = "$tls/ca.crt"
TOML
    rc=0
    "$sync_bin" pull --config "$t/sync.toml" >"$t/out" 2>"$t/err" || rc=$?
    [[ $rc -eq 0 ]] || fail "pull --config with ca_file exited $rc"
    grep -q "^unchanged: revision $rev_b" "$t/out" || fail "pull --config with ca_file: not unchanged"

    rc=0
    "$sync_bin" pull "$https/site/" --key "$t/keys" --into "$t/screen" --ca "$t/nothing.crt" \
        >"$t/out" 2>"$t/err" || rc=$?
    [[ $rc -eq 2 ]] || fail "a missing --ca file exited $rc, not 2"
    grep -q "^affiche-sync: --ca: cannot read the authorities' file $t/nothing.crt" "$t/err" ||
        fail "a missing --ca file is not named"
    echo "ok: untrusted without --ca (deck kept), installed and reported with --ca, ca_file too"
    ;;
*)
    echo "unknown case $case_name"
    exit 1
    ;;
esac
echo "PASS ($case_name)"
