#!/usr/bin/env bash
# The arm64 player under qemu-user-static against the amd64 one: `--check` of the shipped deck
# passes, and `--render` of every slide (French and Arabic, 1920x1080) matches the amd64 PNGs
# within a small tolerance (normalised RMSE, ImageMagick's compare). The unit tests themselves run
# under qemu inside scripts/build-deb.sh arm64, whose build this reuses.
#
# usage: scripts/cross-test.sh [ARM64_AFFICHE [AMD64_AFFICHE]]
#   default: out/deb/src-arm64/affiche/obj-aarch64-linux-gnu/affiche and
#            out/deb/src-amd64/affiche/obj-x86_64-linux-gnu/affiche (else build/affiche)
# environment: AFFICHE_PNG_TOLERANCE  largest normalised RMSE allowed per slide (default 0.005)
# Output: out/cross/{amd64,arm64}-{fr,ar}/*.png and out/cross/compare.txt.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
arm=${1:-$root/out/deb/src-arm64/affiche/obj-aarch64-linux-gnu/affiche}
amd=${2:-$root/out/deb/src-amd64/affiche/obj-x86_64-linux-gnu/affiche}
[[ -x $amd ]] || amd=$root/build/affiche
tolerance=${AFFICHE_PNG_TOLERANCE:-0.005}
qemu=$(command -v qemu-aarch64-static) || { echo "cross-test.sh: install qemu-user-static" >&2; exit 1; }
for bin in "$arm" "$amd"; do
    [[ -x $bin ]] || { echo "cross-test.sh: $bin missing (scripts/build-deb.sh arm64|amd64)" >&2; exit 1; }
done
file -b "$arm" | grep -q aarch64 || { echo "cross-test.sh: $arm is not an arm64 program" >&2; exit 1; }

out=$root/out/cross
rm -rf "$out" && mkdir -p "$out"
# The Arabic slides: the shipped deck with languages = ["ar"].
cp -r "$root/slides" "$root/images" "$root/fonts" "$out/" && mkdir -p "$out/deck-ar"
mv "$out/slides" "$out/images" "$out/fonts" "$out/deck-ar/"
sed -i 's/^languages = \["fr"\]/languages = ["ar"]/' "$out/deck-ar/slides/deck.toml"

export SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software
echo "== arm64 --check (qemu-aarch64-static)"
"$qemu" "$arm" --check "$root"
for lang in fr ar; do
    deck=$root
    [[ $lang == ar ]] && deck=$out/deck-ar
    echo "== --render $lang: amd64, then arm64 under qemu"
    "$amd" --render "$out/amd64-$lang" --size 1920x1080 "$deck" >/dev/null 2>&1
    start=$(date +%s%N)
    "$qemu" "$arm" --render "$out/arm64-$lang" --size 1920x1080 "$deck" >/dev/null 2>&1
    echo "arm64 render of $lang under qemu: $((($(date +%s%N) - start) / 1000000)) ms"
done

echo "== PNG comparison (normalised RMSE, tolerance $tolerance)"
status=0
count=0
identical=0
worst=0
for a in "$out"/amd64-*/*.png; do
    rel=${a#"$out"/amd64-}
    b=$out/arm64-$rel
    count=$((count + 1))
    if [[ ! -f $b ]]; then
        echo "missing arm64 $rel" | tee -a "$out/compare.txt"
        status=1
        continue
    fi
    if cmp -s "$a" "$b"; then
        identical=$((identical + 1))
        continue
    fi
    rmse=$(compare -metric RMSE "$a" "$b" null: 2>&1 | sed -E 's/.*\(([0-9.e-]+)\).*/\1/' || true)
    echo "$rel $rmse" >>"$out/compare.txt"
    if awk -v r="$rmse" -v w="$worst" 'BEGIN { exit !(r > w) }'; then worst=$rmse; fi
    if awk -v r="$rmse" -v t="$tolerance" 'BEGIN { exit !(r > t) }'; then
        echo "too different: $rel (RMSE $rmse)"
        status=1
    fi
done
[[ $(ls "$out"/arm64-*/*.png | wc -l) -eq $count ]] || { echo "arm64 wrote a different number of PNGs"; status=1; }
echo "$count slides compared: $identical byte-identical, largest normalised RMSE of the others $worst"
[[ $status -eq 0 ]] && echo "cross test: PASS" || echo "cross test: FAIL"
exit $status
