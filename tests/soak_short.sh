#!/usr/bin/env bash
# The one-minute soak (bench/soak.sh --short) as a CTest test: exits 77 (skipped) when the machine
# lacks what the soak measures with (/proc for memory and descriptors, awk), so a package build
# without them skips it instead of failing. Environment: as bench/soak.sh (AFFICHE_BIN, ...).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [[ ! -r /proc/self/status || ! -d /proc/self/fd ]]; then
    echo "SKIP: no /proc/PID/status and /proc/PID/fd to measure memory and descriptors" >&2
    exit 77
fi
for tool in awk sed mktemp; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found (the soak needs it)" >&2
        exit 77
    fi
done
exec "$root/bench/soak.sh" --short
