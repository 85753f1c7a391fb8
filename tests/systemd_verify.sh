#!/usr/bin/env bash
# Checks systemd/affiche.service with systemd-analyze (verify + offline security score), and the
# sysusers/tmpfiles snippets in a throw-away root when run as root. Needs systemd-analyze (systemd >= 250).
#
# usage: tests/systemd_verify.sh [EXECUTABLE]
#   EXECUTABLE  an existing program to stand in for /usr/local/bin/affiche in ExecStart=, because
#               "systemd-analyze verify" fails when ExecStart's program is missing. Default: the
#               installed /usr/local/bin/affiche, else build/affiche, else /bin/true.
# environment: AFFICHE_MAX_EXPOSURE  fail when the overall exposure is above this (default 2.0).
# exit status: 0 all good, 1 a check failed, 77 skipped (systemd-analyze missing or older than 250).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
unit_src="$root/systemd/affiche.service"
installed_bin=/usr/local/bin/affiche
max_exposure=${AFFICHE_MAX_EXPOSURE:-2.0}

# A machine without systemd-analyze, or with one too old for --offline (systemd < 250), cannot run
# these checks: skip (77, CTest's SKIP_RETURN_CODE) rather than fail.
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "SKIP: systemd-analyze not found (Debian/Ubuntu: apt-get install systemd)" >&2
    exit 77
fi
systemd_version=$(systemd-analyze --version | awk 'NR == 1 { print $2 }')
if [[ ! "$systemd_version" =~ ^[0-9]+$ ]] || ((systemd_version < 250)); then
    echo "SKIP: systemd-analyze ${systemd_version:-of unknown version} is older than 250 (no --offline)" >&2
    exit 77
fi

exe=${1:-}
if [[ -z "$exe" ]]; then
    if [[ -x "$installed_bin" ]]; then exe=$installed_bin
    elif [[ -x "$root/build/affiche" ]]; then exe=$root/build/affiche
    else exe=/bin/true
    fi
fi
if [[ ! -x "$exe" ]]; then
    echo "FAIL: $exe is not an executable file" >&2
    exit 1
fi
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unit="$tmp/affiche.service"   # same file name: systemd derives the unit name from it
if [[ "$exe" == "$installed_bin" ]]; then
    cp "$unit_src" "$unit"
else
    # Replace only the program of ExecStart=, keep its arguments.
    sed "s#^ExecStart=$installed_bin #ExecStart=$exe #" "$unit_src" >"$unit"
    if ! grep -q "^ExecStart=$exe " "$unit"; then
        echo "FAIL: ExecStart= in $unit_src does not start with $installed_bin" >&2
        exit 1
    fi
fi
echo "== systemd-analyze verify (ExecStart program: $exe)"

status=0
# --man=no: do not look up Documentation= man pages (CI images have none).
verify_out=$(systemd-analyze verify --man=no "$unit" 2>&1) || status=$?
if [[ -n "$verify_out" ]]; then
    printf '%s\n' "$verify_out"
fi
if [[ $status -ne 0 ]]; then
    echo "FAIL: systemd-analyze verify exited with $status"
    exit 1
fi
if grep -q 'affiche' <<<"$verify_out"; then
    echo "FAIL: systemd-analyze verify reported problems with affiche.service"
    exit 1
fi
echo "ok: no warnings"

echo "== systemd-analyze security --offline=yes"
security_out=$(systemd-analyze security --offline=yes --no-pager "$unit" 2>&1) || true
# Print the lines that cost exposure, then the total.
grep -E '^✗|^\s*✗' <<<"$security_out" || true
overall=$(grep -E 'Overall exposure level' <<<"$security_out" || true)
if [[ -z "$overall" ]]; then
    printf '%s\n' "$security_out"
    echo "FAIL: no overall exposure level in the output (systemd too old for --offline?)"
    exit 1
fi
echo "$overall"
score=$(sed -E 's/.*: ([0-9]+\.[0-9]+).*/\1/' <<<"$overall")
if awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s > m) }'; then
    echo "FAIL: exposure $score is above $max_exposure: a sandbox setting was lost"
    exit 1
fi

# sysusers and tmpfiles write owners into a scratch root: only root may chown.
if [[ $(id -u) -eq 0 ]] && command -v systemd-sysusers >/dev/null && command -v systemd-tmpfiles >/dev/null; then
    echo "== systemd-sysusers + systemd-tmpfiles in a scratch root"
    sr="$tmp/root"
    mkdir -p "$sr/etc" "$sr/var/lib" "$sr/usr/local/share/affiche"
    printf 'root:x:0:0:root:/root:/bin/sh\n' >"$sr/etc/passwd"
    printf 'root:x:0:\nvideo:x:44:\n' >"$sr/etc/group"
    : >"$sr/etc/shadow"
    : >"$sr/etc/gshadow"
    systemd-sysusers --root="$sr" "$root/systemd/affiche.sysusers"
    if ! grep -q '^affiche:x:[0-9]*:[0-9]*:[^:]*:/var/lib/affiche:/usr/sbin/nologin$' "$sr/etc/passwd" ||
        ! grep -q '^video:x:44:affiche$' "$sr/etc/group" ||
        ! grep -q '^render:x:[0-9]*:affiche$' "$sr/etc/group"; then
        cat "$sr/etc/passwd" "$sr/etc/group"
        echo "FAIL: affiche.sysusers did not create user affiche in groups video and render"
        exit 1
    fi
    systemd-tmpfiles --root="$sr" --create "$root/systemd/affiche.tmpfiles"
    uid=$(awk -F: '$1 == "affiche" { print $3 }' "$sr/etc/passwd")
    if [[ $(stat -c '%u %a' "$sr/var/lib/affiche") != "$uid 775" ]] ||
        [[ $(readlink "$sr/var/lib/affiche/current") != /usr/local/share/affiche ]]; then
        ls -la "$sr/var/lib/affiche"
        echo "FAIL: affiche.tmpfiles did not create the content layout"
        exit 1
    fi
    echo "ok: user, groups and /var/lib/affiche layout"
else
    echo "== sysusers/tmpfiles check skipped (needs root)"
fi
echo "PASS"
