#!/usr/bin/env bash
# The player's --metrics FILE end to end: plays the fixture deck headless for 3 s with 1-second
# slides, then checks the Prometheus textfile it left (slide changes counted, the deck's revision,
# reload result, and affiche_up 0 once it stopped).
# usage: tests/player_metrics.sh AFFICHE
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp -r "$root/tests/fixtures/basic" "$t/deck"
sed -i 's/^duration = 5$/duration = 1/' "$t/deck/slides/deck.toml"
SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software \
    "$1" --exit-after 3.5 --metrics "$t/affiche.prom" "$t/deck" >/dev/null 2>&1
cat "$t/affiche.prom"
fail() { echo "FAIL: $*"; exit 1; }
grep -q '^# TYPE affiche_slide_changes_total counter$' "$t/affiche.prom" || fail "no counter TYPE line"
changes=$(sed -n 's/^affiche_slide_changes_total \([0-9]*\)$/\1/p' "$t/affiche.prom")
((changes >= 2)) || fail "only ${changes:-no} slide changes counted in 3.5 s of 1-second slides"
grep -qE '^affiche_deck_revision_info\{revision="[0-9a-f]{16}"\} 1$' "$t/affiche.prom" || fail "no revision"
grep -q '^affiche_last_reload_ok 1$' "$t/affiche.prom" || fail "no reload result"
grep -q '^affiche_up 0$' "$t/affiche.prom" || fail "affiche_up is not 0 after the player stopped"
grep -q '^affiche_screen_on 1$' "$t/affiche.prom" || fail "no screen_on 1 (the shipped deck has no opening hours: always on)"
[[ ! -e "$t/affiche.prom.tmp" ]] || fail "a temporary file was left"
echo PASS
