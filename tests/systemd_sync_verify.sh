#!/usr/bin/env bash
# Checks the affiche-sync.service CMake generated from systemd/affiche-sync.service.in, and .timer, with systemd-analyze (verify + offline security
# score), and the sysusers snippet in a scratch root when run as root. Sibling of systemd_verify.sh.
#
# usage: tests/systemd_sync_verify.sh [EXECUTABLE]
#   EXECUTABLE  the built affiche-sync: stands in for the installed one in ExecStart= (verify wants it
#               to exist); the generated unit is read from its folder's systemd/ (the build folder).
# environment: AFFICHE_MAX_EXPOSURE  fail above this overall exposure (default 2.0).
# exit status: 0 all good, 1 a check failed, 77 skipped (no systemd-analyze >= 250).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
max_exposure=${AFFICHE_MAX_EXPOSURE:-2.0}

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze not found" >&2
    exit 77
fi
systemd_version=$(systemd-analyze --version | awk 'NR == 1 { print $2 }')
if [[ ! "$systemd_version" =~ ^[0-9]+$ ]] || ((systemd_version < 250)); then
    echo "SKIP: systemd-analyze ${systemd_version:-?} is older than 250 (no --offline)" >&2
    exit 77
fi
exe=${1:-/bin/true}
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit="$tmp/affiche-sync.service"
unit_src="$(dirname "$exe")/systemd/affiche-sync.service"
[[ -f $unit_src ]] || { echo "FAIL: $unit_src is missing (CMake generates it from systemd/affiche-sync.service.in)"; exit 1; }
sed -E "s#^ExecStart=[^ ]*/affiche-sync #ExecStart=$exe #" "$unit_src" >"$unit"
grep -q "^ExecStart=$exe " "$unit" || { echo "FAIL: ExecStart= does not start the installed affiche-sync"; exit 1; }
cp "$root/systemd/affiche-sync.timer" "$tmp/"

echo "== systemd-analyze verify affiche-sync.service affiche-sync.timer"
status=0
verify_out=$(systemd-analyze verify --man=no "$unit" "$tmp/affiche-sync.timer" 2>&1) || status=$?
[[ -n "$verify_out" ]] && printf '%s\n' "$verify_out"
if [[ $status -ne 0 ]] || grep -q 'affiche-sync' <<<"$verify_out"; then
    echo "FAIL: systemd-analyze verify reported problems"
    exit 1
fi
echo "ok: no warnings"

echo "== systemd-analyze security --offline=yes"
security_out=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) || true
grep -E '^\s*✗' <<<"$security_out" || true
overall=$(grep -E 'Overall exposure level' <<<"$security_out" || true)
if [[ -z "$overall" ]]; then
    printf '%s\n' "$security_out"
    echo "FAIL: no overall exposure level in the output"
    exit 1
fi
echo "$overall"
score=$(sed -E 's/.*: ([0-9]+\.[0-9]+).*/\1/' <<<"$overall")
if awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s > m) }'; then
    echo "FAIL: exposure $score is above $max_exposure: a sandbox setting was lost"
    exit 1
fi
for setting in 'PrivateDevices=yes' 'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' \
    'ReadWritePaths=/var/lib/affiche' 'RuntimeDirectory=affiche-sync' 'Group=affiche'; do
    grep -qx "$setting" "$unit" || { echo "FAIL: $setting missing"; exit 1; }
done
grep -q '^RandomizedDelaySec=' "$tmp/affiche-sync.timer" || { echo "FAIL: no RandomizedDelaySec"; exit 1; }

if [[ $(id -u) -eq 0 ]] && command -v systemd-sysusers >/dev/null; then
    echo "== systemd-sysusers in a scratch root"
    sr="$tmp/root"
    mkdir -p "$sr/etc"
    printf 'root:x:0:0:root:/root:/bin/sh\n' >"$sr/etc/passwd"
    printf 'root:x:0:\nvideo:x:44:\n' >"$sr/etc/group"
    : >"$sr/etc/shadow"
    : >"$sr/etc/gshadow"
    systemd-sysusers --root="$sr" "$root/systemd/affiche.sysusers" "$root/systemd/affiche-sync.sysusers"
    gid=$(awk -F: '$1 == "affiche" { print $3 }' "$sr/etc/group")
    if ! grep -q "^affiche-sync:x:[0-9]*:$gid:" "$sr/etc/passwd"; then
        cat "$sr/etc/passwd" "$sr/etc/group"
        echo "FAIL: affiche-sync.sysusers did not create user affiche-sync in group affiche"
        exit 1
    fi
    echo "ok: user affiche-sync, primary group affiche"
fi
echo "PASS"
