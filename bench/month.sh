#!/usr/bin/env bash
# A month of playing in minutes: the player under the injected clock (AFFICHE_FAKE_CLOCK, with a
# speed factor that scales the loop's whole clock, poll() timeouts included) plays 30 simulated
# days at 320x180 in Europe/Paris, across the change back from summer time (2026-10-25), with
# opening hours, closed days, a fallback slide, a slide whose `until` passes mid-run, and a reload
# every simulated hour (every fifth one invalid, fixed by the next). It then checks, from the
# player's event trace (AFFICHE_TRACE: one line per slide shown, screen change and reload, stamped
# with the simulated time), that every screen on/off change and every slide shown agrees with
# what `affiche --schedule` predicts for the same days, and that resident memory and open file
# descriptors are flat from day 2 to day 30.
#
# usage: bench/month.sh
# Environment:
#   AFFICHE_BIN=build/affiche  MONTH_DAYS=30  MONTH_SPEED=4320 (simulated s per real s: a day in
#   20 s)  MONTH_SIZE=320x180  MONTH_KEEP=1 keeps the work folder (trace, log, samples)
# Exits 0 when every check passes, 1 when one fails, 2 on a usage or set-up problem.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin=${AFFICHE_BIN:-$root/build/affiche}
days=${MONTH_DAYS:-30}
speed=${MONTH_SPEED:-4320}
size=${MONTH_SIZE:-320x180}
first_day=2026-10-10 # a Saturday; 2026-10-25 03:00 CEST becomes 02:00 CET
sample_s=1           # real seconds between RSS / descriptor samples

die() {
    echo "month: $*" >&2
    exit 2
}
[ $# -eq 0 ] || die "usage: bench/month.sh (settings through the environment)"
[ -x "$bin" ] || die "no executable at $bin (build it first, or set AFFICHE_BIN)"
[ "$days" -ge 3 ] || die "MONTH_DAYS must be at least 3 (day 2 is the memory baseline)"
python=/usr/bin/python3
[ -x "$python" ] || die "needs $python"

if [ -e /usr/share/zoneinfo/Europe/Paris ]; then
    export TZ=Europe/Paris
else
    die "needs tzdata (Europe/Paris): the check converts --schedule's local times with it"
fi
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-offscreen} SDL_RENDER_DRIVER=${SDL_RENDER_DRIVER:-software}
export SDL_FRAMEBUFFER_ACCELERATION=${SDL_FRAMEBUFFER_ACCELERATION:-0}

work=$(mktemp -d)
player_pid=""
cleanup() {
    if [ -n "$player_pid" ]; then kill "$player_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    if [ "${MONTH_KEEP:-0}" = 1 ]; then echo "month: work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The deck: weekday hours with a lunch break, Wednesday mornings only, Saturday mornings with
# nothing but the fallback scheduled, Sundays and two closed days off, and an announcement that
# ends on day 11 at noon.
deck=$work/deck
mkdir -p "$deck/slides" "$deck/images" "$deck/fonts" "$work/run"
cat >"$deck/slides/deck.toml" <<'TOML'
[deck]
duration = 60
transition_duration = 1

# A progress bar would redraw every simulated second: a thousand times a real second here.
[overlays]
progress = false

[opening_hours]
mon = ["08:30-12:30", "14:00-18:30"]
tue = ["08:30-12:30", "14:00-18:30"]
wed = ["08:30-12:30"]
thu = ["08:30-12:30", "14:00-18:30"]
fri = ["08:30-12:30", "14:00-19:00"]
sat = ["09:00-12:00"]
closed = [2026-10-22, { from = 2026-11-02, until = 2026-11-03 }]

[screen]
cec = false
dpms = false
TOML
cat >"$deck/slides/20-matin.toml" <<'TOML'
[[slide]]
id = "matin"
title = "Bonjour"
body = "Les consultations du matin commencent à 8 h 30."
days = ["mon", "tue", "wed", "thu", "fri"]
hours = "08:30-12:30"
TOML
cat >"$deck/slides/30-apres-midi.toml" <<'TOML'
[[slide]]
id = "apres-midi"
title = "Cet après-midi"
body = "Pensez à votre carte Vitale."
days = ["mon", "tue", "thu", "fri"]
hours = "14:00-19:00"
TOML
cat >"$deck/slides/40-annonce.toml" <<'TOML'
[[slide]]
id = "annonce"
title = "Vaccination antigrippale"
body = "Jusqu'au 20 octobre à midi."
days = ["mon", "tue", "wed", "thu", "fri"]
until = 2026-10-20T12:00:00
TOML
cat >"$deck/slides/90-calme.toml" <<'TOML'
[[slide]]
id = "calme"
title = "Bienvenue"
fallback = true
TOML
# The slide the hourly reload rewrites: its text changes, its schedule never does, so one
# `--schedule` answer holds for every valid version of the deck.
accueil() {
    printf '[[slide]]\nid = "accueil"\ntitle = "Accueil"\nbody = "Version %s."\n' "$1"
    printf 'days = ["mon", "tue", "wed", "thu", "fri"]\n'
}
accueil 0 >"$deck/slides/10-accueil.toml"

"$bin" --check "$deck" >"$work/check.log" 2>&1 || {
    cat "$work/check.log" >&2
    die "the month's deck does not check clean"
}
TZ=$TZ "$bin" --schedule --from "$first_day" --days "$days" "$deck" >"$work/schedule.txt"

trace=$work/trace.txt
log=$work/player.log
samples=$work/samples.txt
: >"$trace"
: >"$samples"
sim_seconds=$((days * 86400))
started=$EPOCHREALTIME
AFFICHE_FAKE_CLOCK="$first_day 00:00x$speed" AFFICHE_TRACE=$trace \
    "$bin" --size "$size" --status "$work/run/status.json" --exit-after "$sim_seconds" "$deck" \
    >"$log" 2>&1 &
player_pid=$!

# Microseconds of real time since the start, and the simulated time (Unix s) of the trace's last
# line.
started_us=${started/./}
elapsed_us() { echo $((${EPOCHREALTIME/./} - started_us)); }
sim_now() { tail -n 1 "$trace" 2>/dev/null | awk '{ print int($1 / 1000) }'; }

# The reload every simulated hour: the slide file replaced by rename, one inotify event (as the
# sync's deploys and most editors do). The player's debounce counts loop time, which the fake
# clock speeds up like the rest: 500 simulated ms are about 0.1 real ms, so an edit written in
# several system calls could be read half-way and count twice; a rename cannot.
hour_us=$((3600 * 1000000 / speed))
sample_us=$((sample_s * 1000000))
edits=0
invalid=0
next_edit=$hour_us
next_sample=0
while kill -0 "$player_pid" 2>/dev/null; do
    now=$(elapsed_us)
    if [ "$now" -ge "$next_sample" ]; then
        rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$player_pid/status" 2>/dev/null || true)
        fds=$(find "/proc/$player_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l || true)
        sim=$(sim_now || true)
        if [ -n "$rss" ] && [ -n "$sim" ]; then echo "$sim $rss $fds" >>"$samples"; fi
        next_sample=$((next_sample + sample_us))
    fi
    # An edit waits for the previous one's reload in the trace: a stall of the loaded machine
    # (a real second is 72 simulated minutes) would otherwise let two edits make one reload.
    if [ "$now" -ge "$next_edit" ] && [ "$(grep -c ' reload ' "$trace")" -ge "$edits" ]; then
        edits=$((edits + 1))
        tmp=$deck/slides/.accueil.tmp
        if [ $((edits % 5)) -eq 0 ]; then
            printf '[[slide]]\nid = "accueil"\ntitle = "never closed\n' >"$tmp"
            invalid=$((invalid + 1))
        else
            accueil "$edits" >"$tmp"
        fi
        mv -f "$tmp" "$deck/slides/10-accueil.toml"
        next_edit=$((next_edit + hour_us))
        if [ "$next_edit" -lt "$now" ]; then next_edit=$((now + hour_us)); fi
    fi
    sleep 0.02
done
wait "$player_pid" && code=0 || code=$?
player_pid=""
run_s=$(($(elapsed_us) / 1000000))
echo "month: player exited $code after $run_s s; $edits edits ($invalid invalid)"
if [ "$code" -ne 0 ]; then
    tail -n 20 "$log" >&2
    exit 1
fi

"$python" "$root/bench/month_check.py" --schedule "$work/schedule.txt" --trace "$trace" \
    --samples "$samples" --log "$log" --first-day "$first_day" --days "$days" \
    --edits "$edits" --invalid "$invalid" --real-seconds "$run_s"
