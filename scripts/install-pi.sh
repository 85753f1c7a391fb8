#!/usr/bin/env bash
# Turns a Raspberry Pi with affiche installed (the package: sudo apt install ./affiche_*.deb, or
# sudo cmake --install build) into a signage box: service user, content folder, systemd service
# enabled and started now and at every boot (installing never enables it). Safe to run again.
#
# usage: sudo ./scripts/install-pi.sh [--cmdline] [--no-start]
#   --cmdline   also add consoleblank=0, vt.global_cursor_default=0 and
#               video=HDMI-A-1:1920x1080M@60D to /boot/firmware/cmdline.txt (a backup is kept as
#               cmdline.txt.before-affiche); takes effect at the next reboot.
#   --no-start  install and enable the service, but do not start it now.
# The user who ran sudo joins group affiche, so they may upload slides to /var/lib/affiche
# (log out and in again for that to apply). See docs/raspberry-pi.md.
set -euo pipefail

# The package installs to /usr, `cmake --install` to /usr/local; the unit, sysusers and tmpfiles
# snippets come with either (systemd searches both trees).
bin=/usr/bin/affiche
unit=/lib/systemd/system/affiche.service
if [[ ! -x $bin ]]; then
    bin=/usr/local/bin/affiche
    unit=/usr/local/lib/systemd/system/affiche.service
fi
cmdline=/boot/firmware/cmdline.txt
edit_cmdline=no
start=yes
for arg in "$@"; do
    case $arg in
        --cmdline) edit_cmdline=yes ;;
        --no-start) start=no ;;
        -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install-pi.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

if [[ $(id -u) -ne 0 ]]; then
    echo "install-pi.sh: run it with sudo" >&2
    exit 1
fi
if [[ ! -x $bin || ! -f $unit ]]; then
    echo "install-pi.sh: affiche is not installed: install the package first (sudo apt install" >&2
    echo "  ./affiche_*_arm64.deb), or build and install it (./scripts/setup.sh install," >&2
    echo "  or: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j4 && sudo cmake --install build)" >&2
    exit 1
fi

echo "== user affiche (groups video, render)"
systemd-sysusers affiche.conf
if [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]]; then
    usermod -a -G affiche "$SUDO_USER"
    echo "$SUDO_USER is in group affiche: may upload slides (after logging in again)"
fi

echo "== /var/lib/affiche (content folder)"
systemd-tmpfiles --create affiche.conf
echo "current -> $(readlink /var/lib/affiche/current)"

echo "== service ($unit)"
systemctl daemon-reload
verify_out=$(systemd-analyze verify "$unit" 2>&1 || true)
if grep -q affiche <<<"$verify_out"; then
    printf '%s\n' "$verify_out"
    echo "install-pi.sh: the unit has problems (above); fix them first" >&2
    exit 1
fi

if [[ $edit_cmdline == yes ]]; then
    echo "== $cmdline"
    if [[ ! -f $cmdline ]]; then
        echo "install-pi.sh: $cmdline not found (not Raspberry Pi OS Bookworm?): edit it by hand" >&2
        exit 1
    fi
    [[ -f $cmdline.before-affiche ]] || cp -p "$cmdline" "$cmdline.before-affiche"
    line=$(head -n 1 "$cmdline")
    # Add each parameter only when its name is not there yet; the file must stay one single line.
    for param in consoleblank=0 vt.global_cursor_default=0 video=HDMI-A-1:1920x1080M@60D; do
        name=${param%%=*}
        if [[ " $line " != *" $name="* ]]; then
            line="$line $param"
        else
            echo "kept the existing $name= (not changed)"
        fi
    done
    printf '%s\n' "$line" >"$cmdline.new"
    mv "$cmdline.new" "$cmdline"
    echo "now: $line"
    echo "reboot to apply (sudo reboot)"
fi

if [[ $start == yes ]]; then
    systemctl enable --now affiche.service
    sleep 3
    systemctl --no-pager --lines=10 status affiche.service || true
else
    systemctl enable affiche.service
fi
