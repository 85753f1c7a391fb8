#!/usr/bin/env bash
# `affiche --check`, `--render` and `--schedule` end promptly on TERM and INT, in the middle of
# their work (they used to block both signals for a player loop they never run). Each command
# starts on a deck big enough to keep it busy for seconds of CPU; the signal is sent once it is
# seen working (a first PNG, or CPU time used), and it must end by that signal having used at most
# 1 s of CPU after it. CPU, not wall time: on a loaded machine a prompt exit can still take seconds
# of wall time. About 10 s in all.
#
# usage: tests/e2e/commands_signals.sh AFFICHE
set -euo pipefail
affiche=$1
t=$(mktemp -d)
pid=""
cleanup() {
    [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
    rm -rf "$t"
}
trap cleanup EXIT
export SDL_VIDEODRIVER=offscreen

# 3000 slides with text to lay out, each with a dozen hour ranges for the schedule: --check alone
# needs about 2.5 s of CPU for them (0.46 s for 600, which a loaded machine finished between two
# looks of the loop below).
mkdir -p "$t/deck/slides"
printf '[deck]\nduration = 5\n[opening_hours]\nmon = "08:00-18:00"\ntue = "08:00-18:00"\n' \
    >"$t/deck/slides/deck.toml"
hours='["08:00-08:20", "08:40-09:00", "09:20-09:40", "10:00-10:20", "10:40-11:00",
 "11:20-11:40", "12:00-12:20", "12:40-13:00", "13:20-13:40", "14:00-14:20", "14:40-15:00"]'
for i in $(seq 1 3000); do
    printf '[[slide]]\ntitle = "Diapositive %d : un titre assez long pour passer à la ligne"\n' "$i"
    printf 'body = "Un paragraphe de texte à mettre en page, avec des accents é è à ç, %d."\n' "$i"
    printf 'hours = %s\n' "$hours"
done >"$t/deck/slides/10-many.toml"

cpu_ticks() { # PID: user + system clock ticks used so far
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# run_and_signal NAME SIGNAL READY_TEST COMMAND...: READY_TEST is evaluated until true.
run_and_signal() {
    local name=$1 signal=$2 ready=$3
    shift 3
    # A background job of a script starts with SIGINT ignored: restore the default, as a
    # terminal or systemd would start the command.
    env --default-signal=INT,TERM "$@" >"$t/$name.out" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do # up to 60 s for the command to be seen working
        kill -0 "$pid" 2>/dev/null || { echo "FAIL: $name ended before the signal"; exit 1; }
        eval "$ready" && break
        sleep 0.1
    done
    local at_signal last now
    at_signal=$(cpu_ticks "$pid")
    last=$at_signal
    kill "-$signal" "$pid"
    for _ in $(seq 1 600); do # up to 60 s of wall time, for a very loaded machine
        kill -0 "$pid" 2>/dev/null || break
        now=$(cpu_ticks "$pid")
        ((now > last)) && last=$now
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "FAIL: $name still running 60 s after SIG$signal"
        exit 1
    fi
    # 100 clock ticks = 1 s of CPU: one slide's work at most, not the rest of the deck's.
    if ((last - at_signal > 100)); then
        echo "FAIL: $name used $((last - at_signal)) ticks of CPU after SIG$signal"
        exit 1
    fi
    local rc=0
    wait "$pid" || rc=$?
    pid=""
    local want=$((128 + $(kill -l "$signal")))
    [[ $rc -eq $want ]] || { echo "FAIL: $name exited $rc after SIG$signal, not $want"; exit 1; }
    echo "ok: $name ended by SIG$signal"
}

run_and_signal check TERM '(( $(cpu_ticks $pid) >= 30 ))' "$affiche" --check "$t/deck"
run_and_signal schedule INT '(( $(cpu_ticks $pid) >= 30 ))' \
    "$affiche" --schedule --days 366 "$t/deck"
run_and_signal render TERM '[[ -n "$(ls "$t/png" 2>/dev/null)" ]]' \
    "$affiche" --render "$t/png" --size 1920x1080 "$t/deck"
run_and_signal render INT '[[ -n "$(ls "$t/png" 2>/dev/null)" ]]' \
    "$affiche" --render "$t/png" --size 1920x1080 "$t/deck"
echo "PASS"
