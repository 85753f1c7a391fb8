#!/usr/bin/env bash
# Turns a Raspberry Pi with affiche installed (the package: sudo apt install ./affiche_*.deb, or
# sudo cmake --install build) into a signage box: service user, content folder, systemd service
# enabled and started now and at every boot (installing never enables it). Safe to run again.
#
# usage: sudo ./scripts/install-pi.sh [--cmdline] [--no-start] [--sync URL --sync-key KEY
#                                      [--sync-ca CA_FILE]] [--studio]
#   --cmdline   also add consoleblank=0, vt.global_cursor_default=0 and
#               video=HDMI-A-1:1920x1080M@60D to /boot/firmware/cmdline.txt (a backup is kept as
#               cmdline.txt.before-affiche); takes effect at the next reboot.
#   --no-start  install and enable the service, but do not start it now.
#   --sync URL --sync-key PUBLIC_KEY
#               also set up affiche-sync: user affiche-sync, the trusted key in /etc/affiche/keys/,
#               /etc/affiche/sync.toml pulling URL (the published folder), and affiche-sync.timer
#               (a pull every minute). Needs affiche-sync installed (its package, or cmake --install).
#   --sync-ca CA_FILE
#               with --sync: the authority (PEM) that alone is trusted for URL's https, e.g. a
#               studio's studio-ca.crt: copied to /etc/affiche/sync-ca.crt, sync.toml's ca_file.
#   --studio    also set up affiche-studio, the web editor (docs/studio.md): its settings
#               /etc/affiche/studio.toml, folders, signing key and self-signed TLS certificate
#               (studio-setup.sh; the package's postinst has made them already), the editors'
#               password (asked now when there is none yet), and affiche-studio.service enabled
#               and started. Needs affiche-studio installed (its package, or cmake --install).
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
sync_url=""
sync_key=""
sync_ca=""
studio=no
while [[ $# -gt 0 ]]; do
    case $1 in
        --cmdline) edit_cmdline=yes ;;
        --no-start) start=no ;;
        --sync) sync_url=${2:?--sync needs a URL}; shift ;;
        --sync-key) sync_key=${2:?--sync-key needs a public key file}; shift ;;
        --studio) studio=yes ;;
        --sync-ca) sync_ca=${2:?--sync-ca needs a PEM file}; shift ;;
        -h | --help) sed -n '2,25p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install-pi.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done
if [[ -n $sync_url && ! -f $sync_key ]] || [[ -z $sync_url && -n $sync_key ]]; then
    echo "install-pi.sh: --sync URL needs --sync-key PUBLIC_KEY (a minisign .pub file), and back" >&2
    exit 2
fi
if [[ -n $sync_ca ]] && { [[ -z $sync_url ]] || ! grep -qs -- '-----BEGIN CERTIFICATE-----' "$sync_ca"; }; then
    echo "install-pi.sh: --sync-ca needs --sync, and a PEM file of certificates (studio-ca.crt)" >&2
    exit 2
fi

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

if [[ -n $sync_url ]]; then
    echo "== affiche-sync (pull $sync_url every minute)"
    # The affiche-sync package installs to /usr, `cmake --install` to /usr/local; either brings
    # the units and the sysusers snippet (affiche-sync.conf).
    sync_bin=/usr/bin/affiche-sync
    [[ -x $sync_bin ]] || sync_bin=/usr/local/bin/affiche-sync
    if [[ ! -x $sync_bin ]]; then
        echo "install-pi.sh: affiche-sync is missing: sudo apt install ./affiche-sync_*.deb (or sudo cmake --install build)" >&2
        exit 1
    fi
    systemd-sysusers affiche-sync.conf
    install -d -m 0755 /etc/affiche /etc/affiche/keys
    install -m 0644 "$sync_key" "/etc/affiche/keys/$(basename "$sync_key" .pub).pub"
    ca_line=""
    if [[ -n $sync_ca ]]; then
        install -m 0644 "$sync_ca" /etc/affiche/sync-ca.crt
        ca_line='ca_file = "/etc/affiche/sync-ca.crt"   # the only authority trusted for https'
    fi
    # The state lives beside the content, group affiche, outside content/.
    install -d -m 0775 -o affiche-sync -g affiche /var/lib/affiche/state
    if [[ ! -f /etc/affiche/sync.toml ]]; then
        cat >/etc/affiche/sync.toml <<TOML
# affiche-sync settings (docs/raspberry-pi.md, section 6). Checked at every pull: an error names
# this file, its line and column. How often it runs is affiche-sync.timer's business.
url = "$sync_url"
keys = "/etc/affiche/keys"
root = "/var/lib/affiche"
state = "/var/lib/affiche/state"
status = "/run/affiche-sync/status.json"
metrics = "/run/affiche-sync/affiche_sync.prom"
keep = 5
$ca_line
TOML
    else
        echo "kept the existing /etc/affiche/sync.toml (not changed)"
        [[ -z $sync_ca ]] || echo "add to it: ca_file = \"/etc/affiche/sync-ca.crt\""
    fi
    systemctl daemon-reload
    systemctl enable --now affiche-sync.timer
    echo "first pull now:"
    systemctl start affiche-sync.service || true
    cat /run/affiche-sync/status.json 2>/dev/null || true
fi

if [[ $studio == yes ]]; then
    echo "== affiche-studio (the web editor)"
    # The package installs to /usr, `cmake --install` to /usr/local; either brings the unit, the
    # sysusers snippet, the example settings and studio-setup.sh.
    prefix=/usr
    [[ -x $prefix/bin/affiche-studio ]] || prefix=/usr/local
    if [[ ! -x $prefix/bin/affiche-studio ]]; then
        echo "install-pi.sh: affiche-studio is missing: sudo apt install ./affiche-studio_*.deb (or sudo cmake --install build)" >&2
        exit 1
    fi
    install -d -m 0755 /etc/affiche
    if [[ ! -f /etc/affiche/studio.toml ]]; then
        install -m 0644 "$prefix/share/affiche-studio/studio.toml" /etc/affiche/studio.toml
        echo "/etc/affiche/studio.toml: the example settings (every address, port 8470, TLS)"
    fi
    "$prefix/libexec/affiche/studio-setup.sh"
    state=/var/lib/affiche-studio/state
    if [[ ! -s $state/password ]]; then
        if [[ -t 0 ]]; then
            echo "The editors' password (8 characters or more), twice:"
            setpriv --reuid=affiche-studio --regid=affiche-studio --init-groups \
                "$prefix/bin/affiche-studio" passwd --state "$state"
        else
            echo "no password yet: sudo -u affiche-studio affiche-studio passwd --state $state"
        fi
    fi
    systemctl daemon-reload
    if [[ $start == yes ]]; then
        systemctl enable --now affiche-studio.service
        systemctl restart affiche-studio.service # a changed studio.toml or certificate applies now
        systemctl --no-pager --lines=5 status affiche-studio.service || true
    else
        systemctl enable affiche-studio.service
    fi
    port=$(sed -n 's/^listen *= *"[^"]*:\([0-9]*\)".*/\1/p' /etc/affiche/studio.toml)
    echo "Open https://$(hostname).local:${port:-8470}/ (or https://ADDRESS:${port:-8470}/) on the reception PC."
    echo "Trust /etc/affiche/studio-ca.crt once in its browser (docs/studio.md); fingerprints:"
    openssl x509 -noout -fingerprint -sha256 -in /etc/affiche/studio-ca.crt 2>/dev/null || true
    openssl x509 -noout -fingerprint -sha1 -in /etc/affiche/studio-ca.crt 2>/dev/null || true
fi
