#!/usr/bin/env bash
# Power cuts under emulation (a bench; CTest runs 2 cycles, the README gives 100): the Pi image
# with an affiche.toml whose [site] is a private nginx on this machine's loopback (qemu's user
# network reaches it as 10.0.2.2). Each cycle publishes a new signed deck, boots the card and
# SIGKILLs qemu at a random moment (during boot, a pull, the swap or playback); a boot that
# reached its first slide first checks, over ssh, that the TV plays a complete deck that passes
# --check. A last boot checks the last cut. At the end the system partition must be
# byte-identical. Reports cycles, kills during a pull, data partition repairs and recreations,
# and the worst time to the first slide (TCG; the factor to a real Pi is unknown).
#   usage: tests/image/power_cut.sh AFFICHE_SYNC_BIN [CYCLES]        (default 2)
# exit: 0 pass, 1 fail, 77 skipped (a tool or the image is missing).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/qemu_lib.sh"
source "$root/tests/sync/sync_test_lib.sh"
sync_bin=${1:?usage: power_cut.sh AFFICHE_SYNC_BIN [CYCLES]}
cycles=${2:-2}
image_require_tools ssh ssh-keygen minisign
[[ -n $(nginx_bin) ]] || { echo "SKIP: nginx is missing"; exit 77; }
image_test_setup power-cut

# The site: the shipped deck, republished with a new title on each cycle.
make_keys "$work"
mkdir -p "$work/site" "$work/nginx"
start_nginx "$work/site" "$work/nginx"
mkdir -p "$work/deck" && cp -a "$root/slides" "$root/images" "$root/fonts" "$work/deck/"
first_slide=$(ls "$work/deck/slides"/*.toml | head -n 1)
publish() { # publish N: the deck with "Cycle N" as its first slide's title
    sed -i "0,/^title = .*/s//title = \"Cycle $1\"/" "$first_slide"
    "$sync_bin" publish "$work/deck" --out "$work/site" --key "$work/test.key" --keep 3 >/dev/null
}

cp --sparse=always "$img" "$work/card.img"
ssh-keygen -q -t ed25519 -N "" -f "$work/key"
cat >"$work/affiche.toml" <<TOML
name = "coupure"
timezone = "UTC"
[site]
url = "http://10.0.2.2:$NGINX_PORT/manifest.toml"
key = "$(tail -n 1 "$work/keys/test.pub")"
[ssh]
key = "$(cat "$work/key.pub")"
TOML
image_put_card_file "$work/card.img" "$work/affiche.toml" affiche.toml
image_extract_boot "$work/card.img" "$work"
root_hash() { image_part_hash "$work/card.img" 2; }
hash_before=$(root_hash)
port=$(free_port)
guest() {
    ssh -q -p "$port" -i "$work/key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o ConnectTimeout=20 -o BatchMode=yes root@127.0.0.1 "$@"
}

kills_boot=0 kills_pull=0 kills_play=0 verified=0 worst=0
declare -A data_states=()
# verify: the boot reached its first slide; the deck on screen is complete and passes --check.
verify() {
    local deadline=$((SECONDS + 300)) state
    until guest true 2>/dev/null; do
        ((SECONDS < deadline)) || fail "ssh never answered after the first slide"
        sleep 3
    done
    state=$(guest cat /run/affiche-image/data-state)
    data_states[$state]=$((${data_states[$state]:-0} + 1))
    guest 'affiche --check /var/lib/affiche/current >/dev/null' || fail "the deck on screen fails --check"
    guest 'grep -q "\"slide_id\": \"[^\"]" /run/affiche/status.json' ||
        fail "the player's status names no slide"
    image_screendump "$work" "$work/screen.png"
    [[ $(identify -format '%[fx:standard_deviation]' "$work/screen.png") != 0 ]] || fail "a uniform (black) screen"
    verified=$((verified + 1))
    echo "  verified: data partition $state, revision $(guest cat /run/affiche/status.json |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["revision"])')"
}

boot_and_wait() { # boot_and_wait DEADLINE_S: boots; 0 once the first slide is up, 1 at the deadline
    local start=$SECONDS
    IMAGE_HOSTFWD="hostfwd=tcp:127.0.0.1:$port-:22" image_boot "$work/card.img" "$work"
    while ((SECONDS - start < $1)); do
        if grep -aqE 'Started .*affiche\.service' "$work/serial.log" 2>/dev/null; then
            local took=$((SECONDS - start))
            ((took > worst)) && worst=$took
            echo "  first slide after $took s"
            return 0
        fi
        kill -0 "$(cat "$work/qemu.pid")" 2>/dev/null || fail "qemu ended by itself"
        sleep 1
    done
    return 1
}

echo "== $cycles power cuts of $(basename "$img") (TCG)"
for cycle in $(seq 1 "$cycles"); do
    publish "$cycle"
    # Cut somewhere in the first 4 minutes: the first slide comes after 1-3 minutes here, the
    # first pull 30-60 s after boot (affiche-sync.timer).
    cut_at=$((5 + RANDOM % 235))
    echo "cycle $cycle: cut at $cut_at s"
    start=$SECONDS
    if boot_and_wait "$cut_at"; then
        verify
    fi
    left=$((cut_at - (SECONDS - start)))
    ((left > 0)) && sleep "$left"
    log=$(grep -a -E 'Start(ing|ed) .*affiche(-sync)?\.service|affiche-sync.service: Deactivated|Finished .*affiche-sync' "$work/serial.log" || true)
    if ! grep -q 'Started .*affiche\.service' <<<"$log"; then
        kills_boot=$((kills_boot + 1)) phase=boot
    elif [[ $(grep -E 'affiche-sync' <<<"$log" | tail -n 1) == *Starting* ]]; then
        kills_pull=$((kills_pull + 1)) phase=pull
    else
        kills_play=$((kills_play + 1)) phase=playback
    fi
    image_kill "$work" KILL
    echo "  cut during $phase"
done
echo "last boot: checks the last cut"
boot_and_wait 600 || fail "the last boot never reached its first slide"
verify
image_kill "$work" KILL
[[ $(root_hash) == "$hash_before" ]] || fail "the system partition's bytes changed"
states=$(for s in "${!data_states[@]}"; do printf '%s %s, ' "${data_states[$s]}" "$s"; done)
echo "power cuts: $cycles cycles (during boot $kills_boot, during a pull $kills_pull, during playback $kills_play);" \
    "$verified boots verified; data partition: ${states%, }; worst time to first slide $worst s;" \
    "system partition unchanged: PASS"
