#!/usr/bin/env bash
# Boots the Pi image under qemu-system-aarch64 (TCG, -M virt, the image's own kernel and initrd,
# virtio-blk, virtio-gpu, user-mode network) with an affiche.toml written on its FAT as a person
# would, then checks, from outside only:
#   - the player reaches its first slide (READY on the console) and its status file, read over
#     ssh (started because the card holds a key) names the slide on screen;
#   - the card's settings were applied: host name, time zone;
#   - a QMP screendump of the TV matches `affiche --render` of that slide: normalised RMSE under
#     0.08 and under half that of any other slide (the guest draws with GLES2 on llvmpipe, the
#     render with SDL's software renderer: glyph edges differ, about 0.04; another slide >= 0.2);
#   - the data partition grew to the end of the (bigger) card at first boot;
#   - the system partition's bytes are unchanged (read-only root).
# With --broken-toml: an affiche.toml with errors; the player still plays the shipped deck and the
# TV shows the errors with their line and column (the panel differs from the clean render there).
# Prints the time from power-on to the first slide (under TCG on this machine; the factor to a
# real Pi is unknown).
#   usage: tests/image/boot_test.sh AFFICHE_BIN [--broken-toml]   (the image: out/image/*.img)
# exit: 0 pass, 1 fail, 77 skipped (a tool or the image is missing).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/qemu_lib.sh"
affiche=${1:?usage: boot_test.sh AFFICHE_BIN [--broken-toml]}
mode=${2:-clean}
image_require_tools ssh ssh-keygen unsquashfs
image_test_setup boot-test

rm -f "$root/out/image/boot-test-broken.png"
cp --sparse=always "$img" "$work/card.img"
truncate -s +512M "$work/card.img" # a bigger card: the data partition grows at first boot
ssh-keygen -q -t ed25519 -N "" -f "$work/key"
if [[ $mode == --broken-toml ]]; then
    printf 'name = "ecran-test"\ntimezone = "Mars/Olympus"\n[ssh]\nkey = "%s"\n' "$(cat "$work/key.pub")" >"$work/affiche.toml"
else
    printf 'name = "ecran-test"\ntimezone = "UTC"\nrotate = 0\n[ssh]\nkey = "%s"\n' "$(cat "$work/key.pub")" >"$work/affiche.toml"
fi
image_put_card_file "$work/card.img" "$work/affiche.toml" affiche.toml
image_extract_boot "$work/card.img" "$work"
root_hash() { image_part_hash "$work/card.img" 2; }
hash_before=$(root_hash)
# The deck shipped in the image (it may differ from this checkout's): what --render must draw.
unsquashfs -q -n -d "$work/system" -o "$(image_part_offset "$work/card.img" 2)" "$work/card.img" \
    usr/share/affiche >/dev/null
deck=$work/system/usr/share/affiche

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
guest() {
    ssh -q -p "$port" -i "$work/key" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
        -o ConnectTimeout=20 -o BatchMode=yes root@127.0.0.1 "$@"
}
echo "== booting $(basename "$img") under qemu (TCG)"
start=$SECONDS
IMAGE_HOSTFWD="hostfwd=tcp:127.0.0.1:$port-:22" image_boot "$work/card.img" "$work"
image_wait_serial "$work" 'Started .*affiche\.service' 600 || fail "the player never reported its first slide"
first_slide_s=$((SECONDS - start))
echo "first slide $first_slide_s s after power-on (TCG, $(nproc) host cores, load $(cut -d' ' -f1 /proc/loadavg))"
grep -a -E 'affiche-initramfs: data partition' "$work/serial.log" || true
grep -aq 'affiche-initramfs: data partition grown' "$work/serial.log" || fail "the data partition did not grow to the card"

if [[ $mode == --broken-toml ]]; then
    # A broken affiche.toml applies nothing, not even its ssh key: the console (the journal is
    # forwarded to it) and the screen tell everything.
    image_wait_serial "$work" 'affiche-firstboot\[[0-9]+\]: affiche.toml:2:12: ' 60 ||
        fail "the journal has no error at affiche.toml:2:12"
    image_wait_serial "$work" 'showing the notice /run/affiche-firstboot/errors.txt' 60 ||
        fail "the player does not show the notice"
    SDL_VIDEODRIVER=offscreen "$affiche" --render "$work/renders" --size 1280x720 "$deck" >/dev/null 2>&1
    for attempt in 1 2 3 4 5 6; do
        image_screendump "$work" "$work/screen.png"
        convert "$work/screen.png" -crop 1280x200+0+0 +repage "$work/screen-top.png"
        convert "$work/screen.png" -crop 1280x380+0+220 +repage "$work/screen-mid.png"
        top=1 mid=1
        for f in "$work/renders"/*.png; do
            convert "$f" -crop 1280x200+0+0 +repage "$work/r-top.png"
            convert "$f" -crop 1280x380+0+220 +repage "$work/r-mid.png"
            top=$(python3 -c "print(min($top, $(image_rmse "$work/screen-top.png" "$work/r-top.png")))")
            mid=$(python3 -c "print(min($mid, $(image_rmse "$work/screen-mid.png" "$work/r-mid.png")))")
        done
        echo "attempt $attempt: top 200 px closest to a slide $top (the panel), the slide below it $mid"
        if python3 -c "import sys; sys.exit(0 if $top > 0.1 and $mid < 0.08 else 1)"; then
            cp "$work/screen.png" "$root/out/image/boot-test-broken.png"
            image_kill "$work" TERM
            [[ $(root_hash) == "$hash_before" ]] || fail "the system partition's bytes changed"
            echo "boot test (broken affiche.toml): PASS (first slide after $first_slide_s s)"
            exit 0
        fi
        sleep 3
    done
    fail "no errors panel over a slide on the screen"
fi

# ssh starts after the player; wait for it (the status file is only readable from inside).
deadline=$((SECONDS + 300))
until guest true 2>/dev/null; do
    ((SECONDS < deadline)) || fail "ssh with the card's key never answered"
    sleep 3
done
data_mib=$(guest df -m --output=size /data | tail -n 1 | tr -d ' ')
((data_mib > 500)) || fail "the data partition has $data_mib MiB after growing"
[[ $(guest hostname) == ecran-test ]] || fail "host name is $(guest hostname), not the card's ecran-test"
if [[ $mode == --broken-toml ]]; then
    errors=$(guest cat /run/affiche-firstboot/errors.txt) || fail "no errors.txt for a broken affiche.toml"
    echo "$errors"
    grep -q 'affiche.toml:2:12: ' <<<"$errors" || fail "the time zone error is not at 2:12"
    guest journalctl -b -u affiche-firstboot --no-pager | grep -q 'affiche.toml:2:12' ||
        fail "the error is not in the journal"
else
    [[ $(guest readlink /etc/localtime) == /run/affiche-firstboot/localtime ]] || fail "/etc/localtime"
    [[ $(guest date +%Z) == UTC ]] || fail "time zone is $(guest date +%Z), not the card's UTC"
fi

# The screen: wait for a dump taken while a slide stays put (not during a fade), then compare it
# with the render of the slide the status names, at the minute the guest's clock shows.
mkdir -p "$work/renders"
best=1
for attempt in 1 2 3 4 5 6; do
    status=$(guest cat /run/affiche/status.json)
    slide=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["slide_id"])' <<<"$status")
    index=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["slide_index"])' <<<"$status")
    minute=$(guest date +%H:%M)
    image_screendump "$work" "$work/screen.png"
    [[ $(guest date +%H:%M) == "$minute" ]] || continue # the clock turned during the dump
    # The slide changed while ssh and the dump ran (a slide lasts seconds, ssh under TCG too).
    [[ $(guest cat /run/affiche/status.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["slide_id"])') == "$slide" ]] || continue
    rm -rf "$work/renders" && mkdir "$work/renders"
    SDL_VIDEODRIVER=offscreen "$affiche" --render "$work/renders" --size 1280x720 --clock "$minute" "$deck" >/dev/null 2>&1
    render=$(ls "$work/renders"/*"-$slide.png" 2>/dev/null | head -n 1)
    [[ -f $render ]] || fail "no render of slide $slide (index $index)"
    rmse=$(image_rmse "$work/screen.png" "$render")
    # The closest of the other slides: the margin the threshold has.
    other=1
    for f in "$work/renders"/*.png; do
        [[ $f == "$render" ]] || other=$(python3 -c "print(min($other, $(image_rmse "$work/screen.png" "$f")))")
    done
    echo "attempt $attempt: slide $slide at $minute: normalised RMSE $rmse (closest other slide: $other)"
    best=$(python3 -c "print(min($best, $rmse))")
    if [[ $mode == --broken-toml ]]; then
        # The panel covers the top of the screen; below it the slide is the same.
        convert "$work/screen.png" -crop 1280x200+0+0 +repage "$work/screen-top.png"
        convert "$render" -crop 1280x200+0+0 +repage "$work/render-top.png"
        top=$(image_rmse "$work/screen-top.png" "$work/render-top.png")
        echo "  top 200 px: normalised RMSE $top (the errors panel)"
        python3 -c "import sys; sys.exit(0 if $top > 0.1 else 1)" && { cp "$work/screen.png" "$root/out/image/boot-test-broken.png"; break; }
    elif python3 -c "import sys; sys.exit(0 if $rmse < 0.08 and $rmse < $other / 2 else 1)"; then
        cp "$work/screen.png" "$root/out/image/boot-test-screen.png"
        break
    fi
    sleep 2
done
if [[ $mode == --broken-toml ]]; then
    [[ -f $root/out/image/boot-test-broken.png ]] || fail "no errors panel on the screen"
else
    python3 -c "import sys; sys.exit(0 if $best < 0.08 else 1)" || fail "the screen never matched the render (best RMSE $best)"
fi

image_kill "$work" TERM
[[ $(root_hash) == "$hash_before" ]] || fail "the system partition's bytes changed"
echo "boot test ($mode): PASS (first slide after $first_slide_s s; system partition unchanged)"
