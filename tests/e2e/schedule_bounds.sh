#!/usr/bin/env bash
# Schedule work is bounded: `affiche --check` on a deck closed on 2999-12-25 (with a slide that
# never shows, so the check looks for a day it would) ends within 20 s on a loaded machine (it
# takes milliseconds; it used to walk 973 years day by day: 8.5 minutes), and a slide with more
# hour ranges than allowed is refused with a message naming the limit. The same for `closed`: a
# deck with the most closed dates allowed (366, every other day from today, five slides that never
# show) checks within 20 s (under a second here; 31 s before the bound and the day-by-day search),
# and one more is refused with a message naming the limit. bench/schedule.sh measures the times.
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
rm "$t/deck/slides/20.toml"

# closed = [...] with N dates, every other day from today; five slides that never show (Sundays).
closed_deck() { # N
    local list
    list=$(seq 0 2 $((2 * $1 - 2)) | sed 's/.*/+& days/' | date -f - +%F | paste -sd, |
        sed 's/,/, /g')
    printf '[opening_hours]\nmon = ["08:00-12:00", "14:00-18:00"]\ntue = "08:00-18:00"\n'
    printf 'wed = "08:00-18:00"\nthu = "08:00-18:00"\nfri = "08:00-18:00"\nclosed = [%s]\n' \
        "$list"
}
closed_deck 366 >"$t/deck/slides/deck.toml"
for i in 1 2 3 4 5; do printf '[[slide]]\ntitle = "Dimanche %d"\ndays = ["sun"]\n\n' "$i"; done \
    >"$t/deck/slides/30.toml"
rc=0
start=$(date +%s)
timeout -s KILL 20 "$affiche" --check "$t/deck" >"$t/out" 2>&1 || rc=$?
tail -3 "$t/out"
[[ $rc -ne 137 ]] || { echo "FAIL: 366 closed dates: --check still running after 20 s"; exit 1; }
[[ $rc -eq 0 ]] || { echo "FAIL: 366 closed dates exited $rc"; exit 1; }
[[ $(grep -c "never shows" "$t/out") -ge 5 ]] || { echo "FAIL: no 'never shows' warnings"; exit 1; }
echo "366 closed dates: checked in $(($(date +%s) - start)) s"
closed_deck 367 >"$t/deck/slides/deck.toml"
rc=0
timeout -s KILL 20 "$affiche" --check "$t/deck" >"$t/out" 2>&1 || rc=$?
cat "$t/out"
[[ $rc -eq 1 ]] || { echo "FAIL: 367 closed dates exited $rc, not 1"; exit 1; }
grep -q "deck.toml:7:10: error: 'closed' holds 367 dates and ranges; at most 366 are allowed" \
    "$t/out" || { echo "FAIL: no message naming the limit of closed dates"; exit 1; }
echo "PASS"
