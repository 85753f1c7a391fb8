#!/bin/sh
# The install test's steps, run by tests/install/install_test.sh inside a fresh Debian 12 root.
set -eu
deb=$1
export DEBIAN_FRONTEND=noninteractive
fail() { echo "FAIL: $*" >&2; exit 1; }

dpkg-query -W -f '${Package}\n' | sort >/tmp/before
# Without Recommends (the Mesa drivers, ~40 MB, not needed to check the deck).
apt-get install -y -qq --no-install-recommends "$deb" >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; fail "apt-get install"; }
dpkg-query -W -f '${Package}\n' | sort >/tmp/after
comm -13 /tmp/before /tmp/after >/tmp/pulled
echo "pulled $(wc -l </tmp/pulled) packages: $(tr "\n" " " </tmp/pulled)"
if grep -E -- '-dev$|^(gcc|g\+\+|cpp|clang|build-essential|make|cmake|binutils|libc6-dev)' /tmp/pulled; then
    fail "build-time packages pulled (above)"
fi

echo "== user and folders"
id affiche
for g in video render affiche; do id -nG affiche | tr ' ' '\n' | grep -qx "$g" || fail "affiche not in group $g"; done
[ "$(stat -c '%U:%G %a' /var/lib/affiche)" = "affiche:affiche 775" ] || fail "/var/lib/affiche: $(stat -c '%U:%G %a' /var/lib/affiche)"
[ -d /var/lib/affiche/content ] || fail "/var/lib/affiche/content missing"
[ "$(readlink /var/lib/affiche/current)" = /usr/share/affiche ] || fail "current -> $(readlink /var/lib/affiche/current)"

echo "== affiche --check /usr/share/affiche"
affiche --check /usr/share/affiche 2>&1 | tail -n 1
affiche --check /usr/share/affiche >/dev/null 2>&1 || fail "--check"
affiche --check /usr/share/affiche 2>&1 | grep -q 'warning\|error' && fail "--check warns"

echo "== systemd-analyze verify"
unit=$(dpkg -L affiche | grep '/systemd/system/affiche.service$')
out=$(systemd-analyze verify --man=no "$unit" 2>&1) || { echo "$out"; fail "systemd-analyze verify $unit"; }
echo "$out" | grep affiche && fail "systemd-analyze verify warns about the unit"
grep -q '^ExecStart=/usr/bin/affiche ' "$unit" || fail "ExecStart is not /usr/bin/affiche"
state=$(systemctl is-enabled affiche.service 2>&1 || true)
[ "$state" = disabled ] || fail "affiche.service is '$state' after install, not disabled"
echo "unit $unit: verified, $state"

echo "== apt-get purge"
dpkg -L affiche | while read -r f; do [ -d "$f" ] || echo "$f"; done >/tmp/ours
apt-get purge -y -qq affiche >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; fail "purge"; }
left=$( (while read -r f; do [ -e "$f" ] || [ -L "$f" ] && echo "$f"; done </tmp/ours
    find / -xdev -name '*affiche*' ! -path '/tmp/*' ! -path '/var/lib/dpkg/*' ! -path '/var/cache/*' \
        ! -path '/var/log/*' 2>/dev/null) | sort -u)
[ -z "$left" ] || { echo "$left"; fail "left after purge (above)"; }
echo "nothing of affiche left after purge (the system user stays, as Debian does)"
