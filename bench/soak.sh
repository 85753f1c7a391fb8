#!/usr/bin/env bash
# Soak test: plays a deck of 1-second slides headless for a long time while another process keeps
# rewriting slide files (every 5th edit invalid on purpose, fixed by the next), and checks that
# resident memory stays flat after warm-up, open file descriptors do not grow, and no error shows
# in the log other than the provoked ones. Memory is judged on the highest VmRSS sample of a window
# just after warm-up against that of the last window (a sample's value depends on how many slide
# textures are alive at that moment); descriptors on a count with the first deck back in place.
#
# usage: bench/soak.sh [--short]
#   --short   60 s instead of SOAK_SECONDS; meant for the AddressSanitizer build with LeakSanitizer
#             on (the player exits 0 at SIGTERM; a leak report makes it exit non-zero). Memory
#             growth is reported but not judged in the short form (ASan's quarantine holds freed
#             memory, and a minute is too short to see a slope).
# Environment:
#   AFFICHE_BIN=build/affiche   SOAK_SECONDS=600   SOAK_EDIT_S=2 (seconds between edits)
#   SOAK_SIZE=640x360           SOAK_KEEP=1 keeps the work folder (log, samples) for a look
# Exits 0 when every check passes, 1 when one fails, 2 on a usage or set-up problem.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${AFFICHE_BIN:-$root/build/affiche}
seconds=${SOAK_SECONDS:-600}
edit_s=${SOAK_EDIT_S:-2}
size=${SOAK_SIZE:-640x360}
short=0
case "${1:-}" in
"") ;;
--short)
    short=1
    seconds=60
    ;;
*)
    echo "usage: bench/soak.sh [--short]" >&2
    exit 2
    ;;
esac
sample_s=5
settle_s=6 # a full round of the 3-slide deck with its fades, and a second to spare
max_rss_growth_kb=2048

die() {
    echo "soak: $*" >&2
    exit 2
}
[ -x "$bin" ] || die "no executable at $bin (build it first, or set AFFICHE_BIN)"
[ "$seconds" -ge 20 ] || die "SOAK_SECONDS must be at least 20"
# Warm-up: 60 s or 10% of the run, whichever is shorter (the short run keeps 10%: 6 s).
warmup=$((seconds / 10))
[ "$warmup" -gt 60 ] && warmup=60

export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}
if [ "$short" -eq 1 ]; then
    # Leak checking at exit; keep any options the caller set.
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
    # Without this hint SDL 2.26 pushes the software renderer's frames through an OpenGL context
    # (Mesa llvmpipe), which leaks 7 KB at exit inside Mesa's unloaded modules: LeakSanitizer
    # reports it and the clean exit turns into exit code 1. The Pi (KMSDRM) has no such path.
    export SDL_FRAMEBUFFER_ACCELERATION=${SDL_FRAMEBUFFER_ACCELERATION:-0}
fi

work=$(mktemp -d)
player_pid=""
editor_pid=""
cleanup() {
    if [ -n "$editor_pid" ]; then kill "$editor_pid" 2>/dev/null || true; fi
    if [ -n "$player_pid" ]; then kill "$player_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    if [ "${SOAK_KEEP:-0}" = 1 ]; then echo "soak: work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The deck: the test fixture with 1-second slides.
deck=$work/deck
cp -r "$root/tests/fixtures/basic" "$deck"
sed -i -E 's/^duration = .*/duration = 1/' "$deck/slides/deck.toml"
mkdir -p "$work/run"
# A PNG whose header is good and whose data is cut short: only a full decode finds it broken.
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x40\x00\x00\x00\x40\x08\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x0f\xa0IDATxxxxxxxxxxxxxxxxxxxx' \
    >"$deck/images/broken.png"
status=$work/run/status.json
log=$work/player.log
edits_log=$work/edits.log

# Rewrites slide files forever: a valid new title, and every 5th edit an error that the next edit
# fixes: a TOML syntax error, or (every 10th) a slide showing an image that cannot be decoded. Every 3rd edit goes through a dotfile renamed into place (an atomic save),
# the others write in place (an editor's save); every 7th adds or removes a whole slide file.
editor() {
    local n=0 file=$deck/slides/10-texte.toml extra=$deck/slides/30-extra.toml
    while :; do
        sleep "$edit_s"
        n=$((n + 1))
        if [ $((n % 10)) -eq 5 ]; then
            printf '[[slide]]\nid = "texte"\ntitle = "Edit %d, never closed\n' "$n" >"$file"
            echo "$n invalid" >>"$edits_log"
            continue
        fi
        if [ $((n % 10)) -eq 0 ]; then
            printf '[[slide]]\nid = "texte"\ntitle = "Edit %d"\nimage = "broken.png"\n' "$n" >"$file"
            echo "$n invalid" >>"$edits_log"
            continue
        fi
        local body
        body=$(printf '[[slide]]\nid = "texte"\ntitle = "Edit number %d"\nbody = "Written by the soak test."\n\n[[slide]]\nid = "liste"\ntitle = "Des puces"\nbullets = ["Premier", "Deuxieme", "Edit %d"]\nimage = "rond.svg"\nimage_position = "right"\n' "$n" "$n")
        if [ $((n % 3)) -eq 0 ]; then
            printf '%s\n' "$body" >"$deck/slides/.10-texte.toml.tmp"
            mv "$deck/slides/.10-texte.toml.tmp" "$file"
        else
            printf '%s\n' "$body" >"$file"
        fi
        if [ $((n % 7)) -eq 0 ]; then
            if [ -e "$extra" ]; then
                rm "$extra"
            else
                printf '[[slide]]\nid = "extra"\ntitle = "Extra %d"\n' "$n" >"$extra"
            fi
        fi
        echo "$n valid" >>"$edits_log"
    done
}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
# The fewest open descriptors over a few quick looks: a reload or a status write in flight
# holds one for a moment, and that is not a leak.
fd_count() {
    local best=999999 i c
    for i in 1 2 3 4 5; do
        c=$(find "/proc/$1/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
        [ "$c" -lt "$best" ] && best=$c
        [ "$i" -lt 5 ] && sleep 0.05
    done
    echo "$best"
}

echo "soak: $bin, $size, ${seconds} s, edits every ${edit_s} s, warm-up ${warmup} s"
"$bin" --size "$size" --status "$status" "$deck" 2>"$log" &
player_pid=$!

# Wait (at most 30 s: ASan start-up is slow) for the first status file: the deck is on screen.
for _ in $(seq 300); do
    [ -s "$status" ] && break
    kill -0 "$player_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$player_pid" 2>/dev/null || {
    cat "$log" >&2
    die "the player did not start"
}
[ -s "$status" ] || die "no status file after 30 s"

revision_of() { sed -n 's/^  "revision": "\(.*\)",$/\1/p' "$status" 2>/dev/null; }
revision0=$(revision_of)
# The descriptors at the start, once every slide has been shown (each face the slides use is open).
sleep "$settle_s"
fds_start=$(fd_count "$player_pid")

editor &
editor_pid=$!

start=$(date +%s)
samples=$work/samples.tsv
printf 't_s\trss_kb\tfds\n' >"$samples"
while :; do
    sleep "$sample_s"
    kill -0 "$player_pid" 2>/dev/null || break
    t=$(($(date +%s) - start))
    rss=$(rss_kb "$player_pid")
    printf '%s\t%s\t%s\n' "$t" "$rss" "$(fd_count "$player_pid")" >>"$samples"
    [ "$t" -ge "$seconds" ] && break
done

failed=0
fail() {
    echo "soak: FAIL: $*"
    failed=1
}

# Stop editing and put the deck back as it was at the start; once the player shows it again and
# has gone round it once, it holds the same descriptors as at the start, unless some leaked.
kill "$editor_pid" 2>/dev/null || true
wait "$editor_pid" 2>/dev/null || true
editor_pid=""
cp "$root/tests/fixtures/basic/slides/10-texte.toml" "$deck/slides/10-texte.toml"
rm -f "$deck/slides/30-extra.toml"
for _ in $(seq 100); do
    [ "$(revision_of)" = "$revision0" ] && break
    sleep 0.1
done
[ "$(revision_of)" = "$revision0" ] || fail "the restored deck was not shown within 10 s"
if kill -0 "$player_pid" 2>/dev/null; then
    sleep "$settle_s"
    rss_restored=$(rss_kb "$player_pid")
    fds_end=$(fd_count "$player_pid")
    kill -TERM "$player_pid"
else
    rss_restored=0
    fds_end=0
    fail "the player died during the run"
fi
set +e
# A clean stop takes well under a second; ASan's leak check at exit takes a few more.
for _ in $(seq 300); do
    kill -0 "$player_pid" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$player_pid" 2>/dev/null; then
    fail "the player did not stop within 30 s of SIGTERM"
    kill -KILL "$player_pid"
fi
wait "$player_pid"
code=$?
set -e
player_pid=""

stats=$(grep -o 'stats: .*' "$log" | tail -n 1 || true)
stat_of() { sed -n "s/.*[ :]$1=\([0-9-]*\).*/\1/p" <<<"$stats"; }
frames=$(stat_of frames)
fades=$(stat_of fades)
reloads=$(stat_of reloads)
adopted=$(grep -c 'slides changed' "$log" || true)
refused=$(grep -c 'still showing the last good deck' "$log" || true)
edits_valid=$(grep -c ' valid' "$edits_log" || true)
edits_invalid=$(grep -c ' invalid' "$edits_log" || true)
# Errors other than the provoked ones: the refused-deck summary, the error it names (syntax, or
# broken.png that cannot be decoded), and libpng's own line about broken.png.
unexpected=$(grep -E 'error|warning|LeakSanitizer|AddressSanitizer|runtime error' "$log" |
    grep -v -E "still showing the last good deck|slides/10-texte\.toml:[0-9]+:[0-9]+: error|^libpng error: " || true)
n_unexpected=$(grep -c . <<<"$unexpected" || true)
# RSS swings by a few slide textures (640x360x4 bytes each) depending on the moment of a sample,
# so compare the highest sample of a window just after warm-up with that of the last window:
# the same "every texture alive" moment, a few slide rounds apart. A leak raises both the floor
# and the peaks; the peak is the steadier of the two.
read -r rss_warm rss_end window < <(awk -v w="$warmup" '
    NR > 1 && $1 >= w { rss[n++] = $2 }
    END {
        k = int(n / 4); if (k > 6) k = 6; if (k < 1) k = 1
        a = 0; b = 0
        for (i = 0; i < k && i < n; i++) { if (rss[i] > a) a = rss[i]; if (rss[n - 1 - i] > b) b = rss[n - 1 - i] }
        print a, b, k
    }' "$samples")
growth=$((rss_end - rss_warm))

echo "soak: run ${seconds} s (warm-up ${warmup} s), exit code ${code}"
echo "soak: edits: ${edits_valid} valid, ${edits_invalid} invalid"
echo "soak: slide changes (fades): ${fades:-?}, frames: ${frames:-?}"
echo "soak: reloads adopted: ${reloads:-?} (log: ${adopted} 'slides changed'), refused: ${refused}"
echo "soak: RSS after warm-up: ${rss_warm} KB, at the end: ${rss_end} KB (highest of ${window} samples each), growth: ${growth} KB (limit ${max_rss_growth_kb} KB$([ "$short" -eq 1 ] && echo ', not judged in --short'))"
echo "soak: RSS with the first deck back, at the very end: ${rss_restored} KB"
echo "soak: RSS min/max over the run: $(awk 'NR > 1 { if (!m || $2 < m) m = $2; if ($2 > M) M = $2 } END { print m " / " M }' "$samples") KB"
echo "soak: open fds at the start: ${fds_start}, at the end (same deck): ${fds_end}, max seen: $(awk 'NR > 1 && $3 > M { M = $3 } END { print M }' "$samples")"
echo "soak: unexpected errors in the log: ${n_unexpected}"

[ "$code" -eq 0 ] || fail "the player exited with ${code} (a sanitizer report exits non-zero)"
[ -n "$stats" ] || fail "no stats line in the log"
[ "$short" -eq 1 ] || [ "$growth" -lt "$max_rss_growth_kb" ] || fail "RSS grew by ${growth} KB"
[ "$fds_end" -eq "$fds_start" ] || fail "open fds went from ${fds_start} to ${fds_end}"
[ "$n_unexpected" -eq 0 ] || {
    fail "errors other than the provoked ones:"
    head -n 20 <<<"$unexpected"
}
# Sanity: the run did what it claims (1-second slides, a valid edit every SOAK_EDIT_S).
[ "${fades:-0}" -ge $((seconds / 2)) ] || fail "too few slide changes: ${fades:-0}"
[ "${reloads:-0}" -ge $((edits_valid / 2)) ] || fail "too few reloads: ${reloads:-0} for ${edits_valid} valid edits"
[ "$refused" -ge 1 ] || [ "$edits_invalid" -eq 0 ] || fail "no invalid edit was refused"
grep -q -E 'LeakSanitizer|ERROR: AddressSanitizer' "$log" && fail "sanitizer report in the log"

if [ "$failed" -ne 0 ]; then
    echo "soak: log tail:"
    tail -n 30 "$log"
    exit 1
fi
echo "soak: PASS"
