#!/usr/bin/env bash
# Install test of the affiche .deb in a clean Debian 12 root made with mmdebstrap (no systemd
# running): apt pulls only run-time packages, the user and folders exist, --check passes on the
# sample deck, the installed unit passes systemd-analyze verify and is not enabled, and purge
# leaves no file of ours. The affiche-studio .deb of the same version beside it is installed too:
# its unit, settings (a conffile), folders, signing key and certificate, and the studio serving
# HTTPS with that certificate from that file. Needs root (chroot) and mmdebstrap; downloads from
# the Debian mirror.
#
# usage: tests/install/install_test.sh [PATH/affiche_VERSION_amd64.deb]   (default: newest in out/deb)
# exit status: 0 pass, 1 fail, 77 skipped (mmdebstrap missing or not root).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
deb=${1:-$(ls -t "$root"/out/deb/affiche_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n 1)}
if ! command -v mmdebstrap >/dev/null || [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: needs mmdebstrap and root" >&2
    exit 77
fi
if [[ ! -f $deb ]]; then
    echo "FAIL: no package (build it with scripts/build-deb.sh)" >&2
    exit 1
fi
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
studio_deb=$(dirname "$deb")/$(basename "$deb" | sed 's/^affiche_/affiche-studio_/')
if [[ ! -f $studio_deb ]]; then
    echo "FAIL: no $studio_deb beside $(basename "$deb") (scripts/build-deb.sh builds both)" >&2
    exit 1
fi
target=$(mktemp -d /var/tmp/affiche-install-test.XXXXXX)
trap 'rm -rf "$target"' EXIT
rmdir "$target" # mmdebstrap wants to create it

echo "== mmdebstrap bookworm (variant apt) + install, check, purge of $(basename "$deb")"
# The checks run inside the root while mmdebstrap has /proc and /dev mounted there.
mmdebstrap --quiet --variant=apt \
    --customize-hook="copy-in '$deb' '$studio_deb' '$here/inside.sh' /tmp" \
    --customize-hook="chroot \"\$1\" sh /tmp/inside.sh /tmp/$(basename "$deb") /tmp/$(basename "$studio_deb")" \
    bookworm "$target"
echo "install test: PASS"
