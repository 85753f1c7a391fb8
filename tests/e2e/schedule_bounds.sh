#!/usr/bin/env bash
# Schedule work is bounded: `affiche --check` on a deck closed on 2999-12-25 (with a slide that
# never shows, so the check looks for a day it would) ends within 20 s on a loaded machine (it
# takes milliseconds; it used to walk 973 years day by day: 8.5 minutes), and a slide with more
# hour ranges than allowed is refused with a message naming the limit. bench/schedule.sh
# measures the times.
#
# usage: tests/e2e/schedule_bounds.sh AFFICHE
set -euo pipefail
affiche=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SDL_VIDEODRIVER=offscreen
mkdir -p "$t/deck/slides"
cat >"$t/deck/slides/deck.toml" <<'TOML'
[opening_hours]
mon = ["08:00-12:00", "14:00-18:00"]
tue = ["08:00-12:00", "14:00-18:00"]
closed = [2999-12-25]
TOML
printf '[[slide]]\ntitle = "Dimanche"\ndays = ["sun"]\n\n[[slide]]\ntitle = "Tous les jours"\n' \
    >"$t/deck/slides/10.toml"
rc=0
timeout -s KILL 20 "$affiche" --check "$t/deck" >"$t/out" 2>&1 || rc=$?
cat "$t/out"
[[ $rc -ne 137 ]] || { echo "FAIL: --check still running after 20 s"; exit 1; }
[[ $rc -eq 0 ]] || { echo "FAIL: --check exited $rc"; exit 1; }
grep -q "slide 'dimanche' never shows" "$t/out" || grep -q "never shows" "$t/out" ||
    { echo "FAIL: no 'never shows' warning"; exit 1; }

ranges=$(for h in $(seq 0 24); do printf '"%02d:00-%02d:30", ' "$((h % 24))" "$((h % 24))"; done)
printf '[[slide]]\ntitle = "Trop"\nhours = [%s]\n' "${ranges%, }" >"$t/deck/slides/20.toml"
rc=0
timeout -s KILL 20 "$affiche" --check "$t/deck" >"$t/out" 2>&1 || rc=$?
cat "$t/out"
[[ $rc -eq 1 ]] || { echo "FAIL: 25 ranges exited $rc, not 1"; exit 1; }
grep -q "20.toml:3:9: error: 'hours' holds 25 time ranges; at most 24 are allowed" "$t/out" ||
    { echo "FAIL: no message naming the limit"; exit 1; }
echo "PASS"
