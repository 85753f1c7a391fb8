#!/usr/bin/env bash
# A data partition beyond repair, and the saved clock, under emulation (by hand: too slow for CI;
# `ctest -L image_extra`). The Pi image with an affiche.toml whose [site] is a private nginx on this
# machine's loopback (qemu's user network reaches it as 10.0.2.2), which serves a signed deck of
# its own (the checkout's, with a distinctive first title and a burgundy background everywhere, so
# the screen tells it from the image's navy deck):
#   1. the card's data partition zeroed: the initramfs recreates it (data-state `recreated`), the
#      TV plays a slide meanwhile (status names one, the screen is not uniform), then the first
#      pull (affiche-sync.timer; the arm64 player's --check runs in the guest) brings the site's
#      revision, and the TV shows it;
#   2. timesyncd's saved clock (/var/lib/systemd, bound to the data partition): once it was saved,
#      a power cut (SIGKILL), then a boot with the guest's RTC in 2001: the clock is restored
#      from the saved one (not 2001), the player says it is not synchronised (no NTP server is
#      reachable), the data partition is clean and the site's deck still plays.
# Prints the times from power-on to the first slide and to the site's revision (TCG, this
# machine; the factor to a real Pi is unknown).
#   usage: tests/image/recovery_test.sh AFFICHE_SYNC_BIN              (the image: out/image/*.img)
# exit: 0 pass, 1 fail, 77 skipped (a tool or the image is missing).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/qemu_lib.sh"
source "$root/tests/sync/sync_test_lib.sh"
sync_bin=${1:?usage: recovery_test.sh AFFICHE_SYNC_BIN}
image_require_tools ssh ssh-keygen minisign identify convert
[[ -n $(nginx_bin) ]] || { echo "SKIP: nginx is missing"; exit 77; }
image_test_setup recovery 'affiche|ssh|timesync|FAILED|error'

# The site's deck: the checkout's, told apart on screen by its background.
title="Retour du cabinet 7731"
make_keys "$work"
mkdir -p "$work/site" "$work/nginx" "$work/deck"
start_nginx "$work/site" "$work/nginx"
cp -a "$root/slides" "$root/images" "$root/fonts" "$work/deck/"
first_slide=$(ls "$work/deck/slides"/*.toml | head -n 1)
sed -i "0,/^title = .*/s//title = \"$title\"/" "$first_slide"
sed -i -E 's/^background = "#[0-9A-Fa-f]{6}"/background = "#4A1020"/' "$work/deck/slides"/*.toml
"$sync_bin" publish "$work/deck" --out "$work/site" --key "$work/test.key" >/dev/null
published=$(manifest_field "$work/site/manifest.toml" revision)
[[ -n $published ]] || fail "no revision in the published manifest"

cp --sparse=always "$img" "$work/card.img"
ssh-keygen -q -t ed25519 -N "" -f "$work/key"
cat >"$work/affiche.toml" <<TOML
name = "reprise"
timezone = "UTC"
[site]
url = "http://10.0.2.2:$NGINX_PORT/manifest.toml"
key = "$(tail -n 1 "$work/keys/test.pub")"
[ssh]
key = "$(cat "$work/key.pub")"
TOML
image_put_card_file "$work/card.img" "$work/affiche.toml" affiche.toml
image_extract_boot "$work/card.img" "$work"
# The data partition beyond repair: every byte zero, not even a superblock left.
dd if=/dev/zero of="$work/card.img" bs=1M conv=notrunc status=none oflag=seek_bytes iflag=count_bytes \
    seek="$(image_part_offset "$work/card.img" 3)" count="$(image_part_size "$work/card.img" 3)"

port=$(free_port)
guest() {
    ssh -q -p "$port" -i "$work/key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o ConnectTimeout=20 -o BatchMode=yes root@127.0.0.1 "$@"
}
# json_field KEY[.KEY]: that value of the JSON on stdin.
json_field() {
    python3 -c 'import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."): v = v[k]
print(v)' "$1"
}
# boot NAME [qemu args...]: powers on; returns once the player started and ssh answers.
boot() {
    local name=$1
    shift
    boot_start=$SECONDS
    IMAGE_HOSTFWD="hostfwd=tcp:127.0.0.1:$port-:22" image_boot "$work/card.img" "$work" "$@"
    image_wait_serial "$work" 'Started .*affiche\.service' 900 || fail "$name: the player never started"
    first_slide_s=$((SECONDS - boot_start))
    echo "$name: first slide (the player's READY) $first_slide_s s after power-on (load $(cut -d' ' -f1 /proc/loadavg))"
    local deadline=$((SECONDS + 300))
    until guest true 2>/dev/null; do
        ((SECONDS < deadline)) || fail "$name: ssh with the card's key never answered"
        sleep 3
    done
}
# wait_slide NAME: sets status to the player's status once it names a slide.
wait_slide() {
    local deadline=$((SECONDS + 300))
    while ((SECONDS < deadline)); do
        status=$(guest cat /run/affiche/status.json 2>/dev/null || true)
        [[ -n $(json_field slide_id <<<"$status" 2>/dev/null) ]] && return 0
        sleep 3
    done
    fail "$1: the player's status never named a slide"
}
# screen_deck OUT.png: "uniform", "site" (burgundy background) or "image" (the shipped deck's navy)
# from a screendump, by the screen's most common colour.
screen_deck() {
    image_screendump "$work" "$1"
    if [[ $(identify -format '%[fx:standard_deviation]' "$1") == 0 ]]; then
        echo uniform
        return
    fi
    local red blue
    read -r red blue < <(convert "$1" -alpha off -depth 8 -format %c histogram:info:- | sort -rn |
        sed -nE '1s/^ *[0-9]+: *\( *([0-9]+), *[0-9]+, *([0-9]+).*/\1 \2/p')
    ((red > blue)) && echo site || echo image
}

echo "== $(basename "$img"): data partition zeroed, site revision $published (TCG)"
boot "first boot"
state=$(guest cat /run/affiche-image/data-state)
[[ $state == recreated ]] || fail "first boot: data partition $state, not recreated"
wait_slide "first boot"
first_rev=$(json_field revision <<<"$status")
shown=$(screen_deck "$work/screen.png")
[[ $shown != uniform ]] || fail "first boot: a uniform (black) screen"
first_boot_slide_s=$first_slide_s
if [[ $first_rev != "$published" ]]; then
    echo "first boot: the image's deck meanwhile (revision $first_rev; screen: $shown deck)"
fi

# The first pull: affiche-sync.timer fires 30 s + 0-15 s after boot, then every 45 s + offset.
deadline=$((boot_start + 900))
until [[ $(guest cat /run/affiche/status.json 2>/dev/null | json_field revision 2>/dev/null) == "$published" ]]; do
    ((SECONDS < deadline)) || fail "the site's revision $published never reached the screen (15 min)"
    sleep 5
done
new_rev_s=$((SECONDS - boot_start))
echo "first boot: site revision $published on screen $new_rev_s s after power-on"
# Which came first under this load: the player (on the image's deck, then "slides changed" at
# the swap) or the pull (the site's deck from the first slide on). Both keep a slide on screen.
if guest "journalctl -b -u affiche.service -o cat | grep -qF 'slides changed (revision $published)'"; then
    echo "first boot: the player started on the image's deck and switched to the site's at the swap"
else
    echo "first boot: the pull came before the player started: the site's deck from the first slide"
fi
guest grep -qF "'$title'" /var/lib/affiche/current/slides/"$(basename "$first_slide")" ||
    fail "the deck on screen has not the site's first title"
guest 'affiche --check /var/lib/affiche/current >/dev/null' || fail "the deck on screen fails --check"
for _ in $(seq 1 20); do
    shown=$(screen_deck "$work/screen.png")
    [[ $shown == site ]] && break
    sleep 3
done
[[ $shown == site ]] || fail "the screen does not show the site's deck (it shows: $shown)"
cp "$work/screen.png" "$root/out/image/recovery-test-site.png"

# The saved clock: wait for a save (every 60 s) old enough to be on the card (ext4 commits every
# 5 s), young enough that the next one has not come; then cut the power.
clock=/var/lib/systemd/timesync/clock
deadline=$((SECONDS + 600))
while :; do
    ((SECONDS < deadline)) || fail "timesyncd never saved its clock in $clock"
    times=$(guest "echo \$(date +%s) \$(stat -c %Y $clock 2>/dev/null || echo 0)" 2>/dev/null || echo "0 0")
    read -r now saved <<<"$times"
    age=$((now - saved))
    ((age >= 10 && age <= 50)) && break
    sleep 3
done
echo "clock saved at $(date -u -d "@$saved" +%FT%TZ) ($age s before the cut)"
image_kill "$work" KILL

echo "== power cut; boot again with the guest's RTC at 2001-01-01"
boot "second boot" -rtc base=2001-01-01T00:00:00
rtc=$(guest cat /sys/class/rtc/rtc0/since_epoch)
clock_now=$(guest date +%s)
echo "second boot: RTC $(date -u -d "@$rtc" +%FT%TZ), system clock $(date -u -d "@$clock_now" +%FT%TZ)"
((rtc < saved)) || fail "the guest's RTC is not in the past: -rtc did not take"
((clock_now >= saved)) || fail "the system clock is before the saved one: not restored"
state=$(guest cat /run/affiche-image/data-state)
[[ $state == clean ]] || fail "second boot: data partition $state, not clean"
wait_slide "second boot"
reason=$(json_field screen.reason <<<"$status")
echo "second boot: data partition $state; screen: $reason"
[[ $reason == *"clock not synchronised"* ]] || fail "the status does not say the clock is not synchronised"
[[ $(json_field revision <<<"$status") == "$published" ]] || fail "second boot: not the site's revision"
[[ $(screen_deck "$work/screen.png") == site ]] || fail "second boot: the screen does not show the site's deck"
image_kill "$work" TERM
echo "recovery test: PASS (data partition recreated; first slide after $first_boot_slide_s s, site revision after $new_rev_s s; saved clock restored after a power cut)"
